using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Rows of transit-encryption-enabled; the cases of each provider family sit in the partial files beside this one.</summary>
public partial class TransitEncryptionEnabledTests
{
    private readonly TransitEncryptionEnabled policy = new();

    public static RowCases CoreCases { get; } = new RowCases()
        .Pass("aws:elasticache/replicationGroup:ReplicationGroup", """{"description":"sessions","engine":"redis","nodeType":"cache.t4g.small","transitEncryptionEnabled":true,"atRestEncryptionEnabled":"true"}""")
        .Fail("aws:elasticache/replicationGroup:ReplicationGroup", "transitEncryptionEnabled is absent", """{"description":"sessions","engine":"redis","nodeType":"cache.t4g.small"}""")
        .Fail("aws:elasticache/replicationGroup:ReplicationGroup", "transitEncryptionEnabled is false", """{"description":"sessions","engine":"redis","transitEncryptionEnabled":false}""");

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void CoreRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
