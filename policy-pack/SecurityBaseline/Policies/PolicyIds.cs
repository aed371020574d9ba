namespace SecurityBaseline.Policies;

/// <summary>Every policy id of the pack, in one place: ids are stable, never reused, kebab-case.</summary>
public static class PolicyIds
{
    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — inbound rules (Policies/Network)
    // ---------------------------------------------------------------------------------------------
    public const string NetworkNoInternetIngress = "network-no-internet-ingress";
    public const string NetworkIngressAllowlist = "network-ingress-allowlist";
    public const string NetworkAdminPortsNotPublic = "network-admin-ports-not-public";
    public const string DefaultSecurityGroupClosed = "default-security-group-closed";

    // (end of Network ids)

    // ---------------------------------------------------------------------------------------------
    // §1 Network protection — public IPs, public databases, PaaS firewalls (Policies/PublicEndpoints)
    // ---------------------------------------------------------------------------------------------

    // (end of PublicEndpoints ids)

    // ---------------------------------------------------------------------------------------------
    // §3 Encryption in transit (Policies/Transit)
    // ---------------------------------------------------------------------------------------------

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
