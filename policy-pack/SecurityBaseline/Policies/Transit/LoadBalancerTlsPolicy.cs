using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: HTTPS/TLS load balancer listeners negotiate only TLS 1.2 or newer.</summary>
public sealed class LoadBalancerTlsPolicy : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LoadBalancerTlsPolicy,
        Title = "Load balancer listeners use a TLS 1.2+ security policy",
        Description = "HTTPS and TLS load balancer listeners must name an allowed ELB security policy (TLS 1.2 or newer) in sslPolicy.",
        Message = "The listener's TLS security policy allows outdated protocol versions.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = LoadBalancerListeners.Types,
        ConfigSchema = """
            {
              "allowedSslPolicies": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "minItems": 1,
                "description": "ELB security policy names an HTTPS/TLS listener may use in sslPolicy (all negotiate TLS 1.2 or newer by default).",
                "default": [
                  "ELBSecurityPolicy-TLS13-1-2-2021-06",
                  "ELBSecurityPolicy-TLS13-1-2-Res-2021-06",
                  "ELBSecurityPolicy-TLS13-1-2-Ext1-2021-06",
                  "ELBSecurityPolicy-TLS13-1-2-Ext2-2021-06",
                  "ELBSecurityPolicy-TLS13-1-3-2021-06",
                  "ELBSecurityPolicy-TLS13-1-2-FIPS-2023-04",
                  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-2023-04",
                  "ELBSecurityPolicy-TLS13-1-3-FIPS-2023-04",
                  "ELBSecurityPolicy-TLS-1-2-2017-01",
                  "ELBSecurityPolicy-TLS-1-2-Ext-2018-06",
                  "ELBSecurityPolicy-FS-1-2-2019-08",
                  "ELBSecurityPolicy-FS-1-2-Res-2019-08",
                  "ELBSecurityPolicy-FS-1-2-Res-2020-10",
                  "ELBSecurityPolicy-TLS13-1-2-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Ext1-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-3-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-FIPS-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Res-FIPS-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Ext0-FIPS-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Ext1-FIPS-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-2-Ext2-FIPS-PQ-2025-09",
                  "ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09"
                ]
              }
            }
            """,
        Help = "Set `sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-2021-06\"` (or another policy from `allowedSslPolicies`) on every listener with `protocol: \"HTTPS\"` or `\"TLS\"`.",
        AbsentMeans = "`sslPolicy` absent on an HTTPS/TLS listener means the provider's default `ELBSecurityPolicy-2016-08`, which accepts TLS 1.0 — a violation. HTTP, TCP, UDP, TCP_UDP, QUIC and GENEVE listeners (and an absent `protocol`, which is HTTP) terminate no TLS and are not applicable.",
        Tags = ["load-balancer", "tls", "encryption-in-transit"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        var protocol = LoadBalancerListeners.Protocol(properties);
        if (protocol is not ("HTTPS" or "TLS"))
        {
            context.NotApplicable($"protocol {LoadBalancerListeners.DescribeProtocol(properties, protocol)} terminates no TLS on the load balancer");
            return;
        }

        // Shown through Describe so a secret-marked protocol stays unprinted.
        var shown = LoadBalancerListeners.DescribeProtocol(properties, protocol);
        var policy = properties.GetString("sslPolicy");
        if (policy is null)
        {
            context.Report($"sslPolicy is absent on a listener with protocol {shown}: the provider then uses ELBSecurityPolicy-2016-08, which accepts TLS 1.0 and 1.1.");
            return;
        }

        if (context.Parameters.GetStrings("allowedSslPolicies").Contains(policy, StringComparer.Ordinal))
        {
            return;
        }

        // Only name the weakness when the policy is known to accept old versions: an unlisted policy may be a newer TLS 1.2+ one.
        var reason = AcceptsOldTls.Contains(policy)
            ? "it accepts TLS 1.0 or 1.1"
            : "the pack does not know which TLS versions it negotiates; if it accepts only TLS 1.2 or newer, add it to allowedSslPolicies";
        context.Report($"sslPolicy {properties.Show("sslPolicy")} on a listener with protocol {shown} is not one of allowedSslPolicies: {reason}.");
    }

    /// <summary>ELB security policies that still negotiate TLS 1.0 or 1.1 (AWS's published protocol tables).</summary>
    private static readonly HashSet<string> AcceptsOldTls = new(
        [
            "ELBSecurityPolicy-2016-08",
            "ELBSecurityPolicy-2015-05",
            "ELBSecurityPolicy-TLS-1-0-2015-04",
            "ELBSecurityPolicy-TLS-1-1-2017-01",
            "ELBSecurityPolicy-FS-2018-06",
            "ELBSecurityPolicy-FS-1-1-2019-08",
            "ELBSecurityPolicy-TLS13-1-0-2021-06",
            "ELBSecurityPolicy-TLS13-1-1-2021-06",
            "ELBSecurityPolicy-TLS13-1-0-FIPS-2023-04",
            "ELBSecurityPolicy-TLS13-1-1-FIPS-2023-04",
        ],
        StringComparer.Ordinal);
}
