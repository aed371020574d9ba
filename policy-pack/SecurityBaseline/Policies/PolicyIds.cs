namespace SecurityBaseline.Policies;

/// <summary>Every policy id of the pack, in one place: ids are stable, never reused, kebab-case.</summary>
public static class PolicyIds
{
    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — inbound rules (Policies/Network)
    // ---------------------------------------------------------------------------------------------

    // (end of Network ids)

    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — public IPs, public databases, PaaS firewalls (Policies/PublicEndpoints)
    // ---------------------------------------------------------------------------------------------

    // (end of PublicEndpoints ids)

    // ---------------------------------------------------------------------------------------------
    // §3 Encryption in transit (Policies/Transit)
    // ---------------------------------------------------------------------------------------------
    public const string LoadBalancerListenerTls = "load-balancer-listener-tls";
    public const string LoadBalancerTlsPolicy = "load-balancer-tls-policy";
    public const string ClassicLoadBalancerTls = "classic-load-balancer-tls";
    public const string AzureStorageSecureTransfer = "azure-storage-secure-transfer";
    public const string WebAppHttpsOnly = "web-app-https-only";
    public const string ApplicationGatewayTls = "application-gateway-tls";
    public const string CloudFrontViewerHttps = "cloudfront-viewer-https";

    // (end of Transit ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Encryption at rest (Policies/AtRest)
    // ---------------------------------------------------------------------------------------------

    // (end of AtRest ids)

    // ---------------------------------------------------------------------------------------------
    // §7 Key custody and secrets (Policies/Keys)
    // ---------------------------------------------------------------------------------------------
    public const string KmsKeyRotation = "kms-key-rotation-enabled";

    // (end of Keys ids)

    // ---------------------------------------------------------------------------------------------
    // §7 No public links (Policies/PublicAccess)
    // ---------------------------------------------------------------------------------------------

    // (end of PublicAccess ids)
}
