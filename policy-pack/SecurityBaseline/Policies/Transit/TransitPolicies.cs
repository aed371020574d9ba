using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3 policies: TLS-only listeners, HTTPS-only endpoints, minimum TLS versions.</summary>
internal static class TransitPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new LoadBalancerListenerTls(),
        new LoadBalancerTlsPolicy(),
        new LoadBalancerListenerRuleTls(),
        new ClassicLoadBalancerTls(),
        new AzureStorageSecureTransfer(),
        new WebAppHttpsOnly(),
        new ApplicationGatewayTls(),
        new CloudFrontViewerHttps(),
        new CloudFrontOriginHttps(),
        new TransitEncryptionEnabled(),
        new ServiceMinimumTlsVersion(),
    ];
}
