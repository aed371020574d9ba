using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Rows of data-encrypted-at-rest; the cases of each provider family sit in the partial files beside this one.</summary>
public partial class DataEncryptedAtRestTests
{
    private readonly DataEncryptedAtRest policy = new();

    public static RowCases CoreCases { get; } = new RowCases()
        .Pass("aws:kinesis/stream:Stream", """{"name":"orders","shardCount":2,"encryptionType":"KMS","kmsKeyId":"alias/orders"}""")
        .Fail("aws:kinesis/stream:Stream", "encryptionType is absent", """{"name":"orders","shardCount":2}""")
        .Fail("aws:kinesis/stream:Stream", "encryptionType is \"NONE\"", """{"name":"orders","shardCount":2,"encryptionType":"NONE"}""")
        .NotApplicable("aws:kinesis/stream:Stream", "encryptionType", """{"name":"orders","encryptionType":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void CoreRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
