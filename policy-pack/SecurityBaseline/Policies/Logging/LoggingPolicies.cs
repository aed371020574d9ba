using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9 policies: audit trails, flow and access logs, log retention, diagnostic settings, threat detection; and §5's expiry of old object versions.</summary>
internal static class LoggingPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new CloudTrailSecured(),
        new VpcFlowLogsEnabled(),
        new LoadBalancerAccessLogs(),
        new CloudFrontAccessLogs(),
        new S3BucketAccessLogging(),
        new LogGroupRetention(),
        new AzureDiagnosticSettings(),
        new GuardDutyEnabled(),
        new ConfigRecorderEnabled(),
        new DefenderPlansEnabled(),
        new AzureActivityLogExported(),
        new S3NoncurrentVersionExpiration(),
    ];
}
