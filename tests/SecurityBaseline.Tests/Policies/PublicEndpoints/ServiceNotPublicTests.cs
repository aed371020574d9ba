using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Rows of service-not-public; the cases of each provider family sit in the partial files beside this one.</summary>
public partial class ServiceNotPublicTests
{
    private readonly ServiceNotPublic policy = new();

    public static RowCases CoreCases { get; } = new RowCases()
        .Pass("azure:redis/cache:Cache", """{"name":"sessions","capacity":1,"family":"P","skuName":"Premium","publicNetworkAccessEnabled":false}""")
        .Fail("azure:redis/cache:Cache", "publicNetworkAccessEnabled is absent", """{"name":"sessions","capacity":1,"family":"C","skuName":"Standard"}""")
        .Pass("azure-native:redis:Redis", """{"name":"sessions","sku":{"name":"Premium","family":"P","capacity":1},"publicNetworkAccess":"Disabled"}""")
        .Fail("azure-native:redis:Redis", "publicNetworkAccess is \"Enabled\"", """{"name":"sessions","sku":{"name":"Standard","family":"C","capacity":1},"publicNetworkAccess":"Enabled"}""")
        .Pass("azure-native:redis/v20230801:Redis", """{"name":"sessions","sku":{"name":"Premium","family":"P","capacity":1},"publicNetworkAccess":"disabled"}""");

    [Theory]
    [MemberData(nameof(CoreCases))]
    public void CoreRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
