using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Rows of service-minimum-tls-version; the cases of each provider family sit in the partial files beside this one.</summary>
public partial class ServiceMinimumTlsVersionTests
{
    private readonly ServiceMinimumTlsVersion policy = new();

    public static RowCases CoreCases { get; } = new RowCases()
        .Pass("azure:redis/cache:Cache", """{"name":"sessions","capacity":1,"family":"C","skuName":"Standard","minimumTlsVersion":"1.2"}""")
        .Fail("azure:redis/cache:Cache", "minimumTlsVersion is \"1.0\"", """{"name":"sessions","capacity":1,"family":"C","skuName":"Standard","minimumTlsVersion":"1.0"}""")
        .Fail("azure:redis/cache:Cache", "minimumTlsVersion is absent", """{"name":"sessions","capacity":1,"family":"C","skuName":"Standard"}""")
        .Pass("azure-native:redis:Redis", """{"name":"sessions","sku":{"name":"Standard","family":"C","capacity":1},"minimumTlsVersion":"1.2"}""")
        .Fail("azure-native:redis:Redis", "minimumTlsVersion is \"1.1\"", """{"name":"sessions","sku":{"name":"Standard","family":"C","capacity":1},"minimumTlsVersion":"1.1"}""");

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void CoreRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
