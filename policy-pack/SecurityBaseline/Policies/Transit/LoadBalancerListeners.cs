using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>ELBv2 listeners: every token that carries their shape, and the protocol a listener really serves.</summary>
internal static class LoadBalancerListeners
{
    /// <summary>`aws:lb` and `aws:alb` listeners and the legacy tokens AWS 7.48.0 keeps as their aliases.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        "aws:lb/listener:Listener",
        "aws:alb/listener:Listener",
        "aws:elasticloadbalancingv2/listener:Listener",
        "aws:applicationloadbalancing/listener:Listener",
    ];

    /// <summary>The listener's protocol in upper case, with the provider's defaults applied.</summary>
    /// <remarks>
    /// Absent `protocol` is HTTP, the provider's default for Application Load Balancers. A Gateway Load Balancer
    /// listener takes neither `protocol` nor `port` (both are invalid there) and carries GENEVE on port 6081.
    /// </remarks>
    public static string Protocol(PropertyValue properties)
    {
        var protocol = properties.GetString("protocol");
        if (protocol is not null)
        {
            return protocol.ToUpperInvariant();
        }

        return properties.Known("port") is null ? "GENEVE" : "HTTP";
    }

    /// <summary>The listener's port, with a Gateway Load Balancer's fixed GENEVE port when none is given.</summary>
    public static int? Port(PropertyValue properties, string protocol)
    {
        var port = properties.GetNumber("port");
        if (port is null)
        {
            return protocol == "GENEVE" ? GenevePort : null;
        }

        return port is >= 0 and <= 65535 && port == Math.Floor(port.Value) ? (int)port.Value : throw new PolicyDataException("port", "expected a port number");
    }

    /// <summary>How the listener's protocol is shown in messages: its value, or the default it stands for.</summary>
    public static string DescribeProtocol(PropertyValue properties, string protocol) =>
        properties.Find("protocol") is { } given ? given.Describe() : $"absent ({protocol} by default)";

    public const int GenevePort = 6081;

    /// <summary>Reports every action under <paramref name="actionsPath"/> that is not a redirect to HTTPS: all a plain-HTTP listener may do.</summary>
    public static void CheckRedirectsToHttps(EvaluationContext context, PropertyValue properties, string actionsPath, string where, Action<string> report)
    {
        context.Each(properties.ItemPaths(actionsPath), action =>
        {
            var type = properties.GetString($"{action}.type");
            if (!string.Equals(type, "redirect", StringComparison.OrdinalIgnoreCase))
            {
                report($"{action}.type is {properties.Show($"{action}.type")} on {where}: plain HTTP may only redirect to HTTPS.");
                return;
            }

            // v7 has a `redirect` object; accept a one-item list too, as older shapes used for single blocks.
            var redirects = properties.ItemPaths($"{action}.redirect");
            var redirect = redirects.Count > 0 ? redirects[0] : $"{action}.redirect";
            var target = properties.GetString($"{redirect}.protocol");
            if (!string.Equals(target, "HTTPS", StringComparison.OrdinalIgnoreCase))
            {
                var value = target is null ? "absent (\"#{protocol}\", so it stays HTTP)" : properties.Show($"{redirect}.protocol");
                report($"{redirect}.protocol is {value}: a redirect on plain HTTP must go to HTTPS.");
            }
        });
    }
}
