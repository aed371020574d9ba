using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class CloudFrontAccessLogsTests
{
    private readonly CloudFrontAccessLogs policy = new();

    public static RowCases Cases { get; } = new RowCases()
        .Pass("aws:cloudfront/distribution:Distribution", """{"enabled":true,"loggingConfig":{"bucket":"acme-cdn-logs.s3.amazonaws.com","includeCookies":false}}""")
        .Fail("aws:cloudfront/distribution:Distribution", "loggingConfig.bucket is absent", """{"enabled":true}""");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
