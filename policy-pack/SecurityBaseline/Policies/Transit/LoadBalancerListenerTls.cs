using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: load balancer listeners speak HTTPS/TLS; plain HTTP only redirects to HTTPS.</summary>
public sealed class LoadBalancerListenerTls : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LoadBalancerListenerTls,
        Title = "Load balancer listeners use TLS",
        Description = "Load balancer listeners must use HTTPS or TLS; an HTTP listener may only redirect to HTTPS, and plaintext layer-4 listeners only on configured TLS pass-through ports.",
        Message = "The load balancer listener accepts plaintext traffic.",
        Control = "§3",
        Severity = Severity.Critical,
        ResourceTypes = LoadBalancerListeners.Types,
        ConfigSchema = """
            {
              "plaintextPassthroughPorts": {
                "type": "array",
                "items": { "type": "integer", "minimum": 1, "maximum": 65535 },
                "description": "Listener ports where a TCP/UDP/TCP_UDP/TCP_QUIC listener is allowed because TLS passes through it end-to-end to the targets.",
                "default": []
              }
            }
            """,
        Help = "Set `protocol: \"HTTPS\"` (ALB) or `protocol: \"TLS\"` (NLB) with a `certificateArn` and `sslPolicy`. Keep a `protocol: \"HTTP\"` listener only when every `defaultActions[]` entry is `{ type: \"redirect\", redirect: { protocol: \"HTTPS\", port: \"443\", statusCode: \"HTTP_301\" } }`. A TCP listener that carries TLS end-to-end must have its port listed in `plaintextPassthroughPorts`.",
        AbsentMeans = "`protocol` absent means HTTP (the provider's default for Application Load Balancers) — a violation unless it only redirects to HTTPS; with `port` also absent the listener is a Gateway Load Balancer's GENEVE listener on 6081, which is not applicable (it forwards packets to appliances and can never carry TLS). `defaultActions[].redirect.protocol` absent means `#{protocol}`, i.e. it stays HTTP — a violation. QUIC listeners pass: QUIC always runs TLS 1.3.",
        Tags = ["load-balancer", "tls", "encryption-in-transit"],
    };

    private static readonly HashSet<string> Encrypted = new(["HTTPS", "TLS", "QUIC"], StringComparer.Ordinal);
    private static readonly HashSet<string> Layer4Plaintext = new(["TCP", "UDP", "TCP_UDP", "TCP_QUIC"], StringComparer.Ordinal);

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        var protocol = LoadBalancerListeners.Protocol(properties);
        if (Encrypted.Contains(protocol))
        {
            return;
        }

        var shown = LoadBalancerListeners.DescribeProtocol(properties, protocol);
        if (protocol == "GENEVE")
        {
            // A Gateway Load Balancer hands whole IP packets to inspection appliances: there is no TLS it could terminate.
            context.NotApplicable($"protocol {shown} is a Gateway Load Balancer listener, which forwards packets to appliances and can never terminate TLS");
            return;
        }

        if (protocol == "HTTP")
        {
            if (properties.ItemPaths("defaultActions").Count == 0)
            {
                context.Report($"protocol {shown} with no defaultActions: a plain-HTTP listener may only redirect to HTTPS.");
                return;
            }

            LoadBalancerListeners.CheckRedirectsToHttps(context, properties, "defaultActions", $"a listener with protocol {shown}", context.Report);
            return;
        }

        if (Layer4Plaintext.Contains(protocol))
        {
            var port = LoadBalancerListeners.Port(properties, protocol);
            if (port is null || !context.Parameters.GetInts("plaintextPassthroughPorts").Contains(port.Value))
            {
                var shownPort = properties.Find("port") is { } given ? given.Describe() : port is null ? "absent" : $"{port} (Gateway Load Balancer)";
                context.Report($"protocol {shown} on port {shownPort} forwards plaintext: use TLS, or list the port in plaintextPassthroughPorts when TLS passes through to the targets.");
            }

            return;
        }

        context.Report($"protocol {shown} is not a TLS protocol: use HTTPS or TLS.");
    }
}
