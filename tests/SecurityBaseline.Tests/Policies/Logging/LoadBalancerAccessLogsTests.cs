using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class LoadBalancerAccessLogsTests
{
    private readonly LoadBalancerAccessLogs policy = new();

    public static RowCases Cases { get; } = new RowCases()
        .Pass("aws:lb/loadBalancer:LoadBalancer", """{"loadBalancerType":"application","accessLogs":{"bucket":"acme-lb-logs","enabled":true}}""")
        .Fail("aws:lb/loadBalancer:LoadBalancer", "accessLogs.enabled is absent", """{"loadBalancerType":"application"}""")
        .Fail("aws:lb/loadBalancer:LoadBalancer", "accessLogs.enabled is false", """{"loadBalancerType":"network","accessLogs":{"bucket":"acme-lb-logs","enabled":false}}""")
        .NotApplicable("aws:lb/loadBalancer:LoadBalancer", "loadBalancerType", """{"loadBalancerType":"gateway"}""")
        .Pass("aws:alb/loadBalancer:LoadBalancer", """{"accessLogs":{"bucket":"acme-lb-logs","enabled":true}}""")
        .Fail("aws:alb/loadBalancer:LoadBalancer", "accessLogs.enabled is absent", """{"internal":false}""");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
