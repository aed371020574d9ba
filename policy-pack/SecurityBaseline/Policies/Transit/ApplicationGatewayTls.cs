using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>§3: Application Gateways serve HTTPS with TLS 1.2+; an HTTP listener only redirects to HTTPS.</summary>
public sealed class ApplicationGatewayTls : ResourcePolicy
{
    private const string NativeType = "azure-native:network:ApplicationGateway";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ApplicationGatewayTls,
        Title = "Application Gateways use HTTPS with TLS 1.2",
        Description = "Application Gateway HTTP listeners must only redirect to an HTTPS listener or https:// URL, and the gateway's SSL policy and every SSL profile's policy must require TLS 1.2 or newer.",
        Message = "The Application Gateway serves plain HTTP or allows TLS older than 1.2.",
        Control = "§3",
        Severity = Severity.High,
        ResourceTypes = [NativeType, "azure:network/applicationGateway:ApplicationGateway"],
        Help = "Route every `httpListeners[]` entry with `protocol: \"Http\"` only through request routing rules whose redirect configuration (of the rule, or for a path-based rule of its URL path map's default and every path rule) has a target listener with `protocol: \"Https\"` (or a `targetUrl` starting with https://); `redirectType: \"Permanent\"` is preferred, but every redirect type sends the client to HTTPS before any content. Layer-4 `listeners[]` (azure-native) use `protocol: \"Tls\"`, never `\"Tcp\"`. Set `sslPolicy: { policyType: \"Predefined\", policyName: \"AppGwSslPolicy20220101S\" }`, or `policyType: \"CustomV2\"` with `minProtocolVersion: \"TLSv1_2\"`.",
        AbsentMeans = "`sslPolicy` absent means the API's default policy: AppGwSslPolicy20220101 (TLS 1.2) for API versions 2023-02-01 and later, which both providers use (azure-native 3.28.0: 2024-05-01) — compliant. A Custom/CustomV2 policy without `minProtocolVersion` (and without disabling TLSv1_0 and TLSv1_1) allows TLS 1.0 — a violation. An SSL profile (`sslProfiles[].sslPolicy`) is judged the same way; a profile without `sslPolicy` keeps the gateway's. An HTTP listener no routing rule redirects to HTTPS is a violation; a path-based rule counts as a redirect only when its URL path map's default and every path rule redirect to HTTPS.",
        Tags = ["azure", "application-gateway", "tls", "encryption-in-transit"],
    };

    private static readonly HashSet<string> ModernPredefined = new(["AppGwSslPolicy20170401S", "AppGwSslPolicy20220101", "AppGwSslPolicy20220101S"], StringComparer.OrdinalIgnoreCase);

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var shape = context.Resource.Type == NativeType ? Shape.Native : Shape.Classic;
        context.Guard(() => CheckSslPolicy(context, shape, "sslPolicy"));

        // A listener's SSL profile carries its own policy, which replaces the gateway's for that listener.
        context.Each(context.Properties.ItemPaths("sslProfiles"), profile => CheckSslPolicy(context, shape, $"{profile}.sslPolicy"));
        CheckHttpListeners(context, shape);

        // azure-native also has layer-4 `listeners[]` (TCP/TLS proxy); a Tcp one carries whatever the client sends in the clear.
        context.Each(context.Properties.ItemPaths("listeners"), listener =>
        {
            if (string.Equals(context.Properties.GetString($"{listener}.protocol"), "Tcp", StringComparison.OrdinalIgnoreCase))
            {
                context.Report($"{listener} ({context.Properties.Show($"{listener}.name")}) has protocol \"Tcp\": a layer-4 listener must use \"Tls\".");
            }
        });
    }

    private static void CheckSslPolicy(ResourceContext context, Shape shape, string at)
    {
        var properties = context.Properties;
        var type = properties.GetString($"{at}.policyType");
        var name = properties.GetString($"{at}.policyName");
        var minimum = properties.GetString($"{at}.minProtocolVersion");
        var disabled = properties.GetStrings($"{at}.{shape.DisabledProtocols}");
        if (type is null && name is null && minimum is null && disabled.Count == 0)
        {
            // No policy chosen: the API default since 2023-02-01 is AppGwSslPolicy20220101 (TLS 1.2); a profile without one keeps the gateway's.
            return;
        }

        var predefined = string.Equals(type, "Predefined", StringComparison.OrdinalIgnoreCase) || (type is null && name is not null);
        if (predefined)
        {
            if (name is null || !ModernPredefined.Contains(name))
            {
                context.Report($"{at}.policyName is {properties.Show($"{at}.policyName")}: use AppGwSslPolicy20220101S, AppGwSslPolicy20220101 or AppGwSslPolicy20170401S (TLS 1.2 minimum).");
            }

            return;
        }

        if (minimum is not null)
        {
            if (!TlsVersions.IsAtLeast12(minimum))
            {
                context.Report($"{at}.minProtocolVersion is {properties.Show($"{at}.minProtocolVersion")}: require \"TLSv1_2\" or \"TLSv1_3\".");
            }

            return;
        }

        var disablesOld = disabled.Contains("TLSv1_0", StringComparer.OrdinalIgnoreCase) && disabled.Contains("TLSv1_1", StringComparer.OrdinalIgnoreCase);
        if (!disablesOld)
        {
            context.Report($"{at} (policyType {properties.Show($"{at}.policyType")}) sets no minProtocolVersion and does not disable TLSv1_0 and TLSv1_1: set minProtocolVersion \"TLSv1_2\".");
        }
    }

    private static void CheckHttpListeners(ResourceContext context, Shape shape)
    {
        var properties = context.Properties;
        context.Each(properties.ItemPaths("httpListeners"), listener =>
        {
            if (!string.Equals(properties.GetString($"{listener}.protocol"), "Http", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            var name = properties.GetString($"{listener}.name");
            var rules = name is null ? [] : RulesOf(properties, shape, name);
            if (rules.Count == 0)
            {
                context.Report($"{listener} ({properties.Show($"{listener}.name")}) has protocol \"Http\" and no request routing rule redirects it to HTTPS.");
                return;
            }

            foreach (var rule in rules)
            {
                var problem = RedirectProblem(properties, shape, rule);
                if (problem is not null)
                {
                    context.Report($"{listener} ({properties.Show($"{listener}.name")}) has protocol \"Http\" and {rule} {problem}.");
                }
            }
        });
    }

    /// <summary>The paths of the request routing rules that serve the listener named <paramref name="listener"/>.</summary>
    private static List<string> RulesOf(PropertyValue properties, Shape shape, string listener) =>
        properties.ItemPaths("requestRoutingRules")
            .Where(rule => Names(properties.GetString($"{rule}.{shape.RuleListener}"), shape, listener))
            .ToList();

    /// <summary>Why the routing rule does not send all of its traffic to HTTPS, or null when it does.</summary>
    /// <remarks>A basic rule redirects or forwards as a whole; a path-based rule does so through its URL path map's default and every path rule.</remarks>
    private static string? RedirectProblem(PropertyValue properties, Shape shape, string rule)
    {
        var pathMapReference = properties.GetString($"{rule}.{shape.RuleUrlPathMap}");
        if (pathMapReference is null)
        {
            var reference = properties.GetString($"{rule}.{shape.RuleRedirect}");
            return reference is null
                ? "forwards it to a backend instead of redirecting to HTTPS"
                : RedirectConfigurationProblem(properties, shape, $"{rule}.{shape.RuleRedirect}", reference);
        }

        var pathMapName = shape.NameOf(pathMapReference);
        var pathMap = properties.ItemPaths("urlPathMaps")
            .FirstOrDefault(m => string.Equals(properties.GetString($"{m}.name"), pathMapName, StringComparison.OrdinalIgnoreCase));
        if (pathMap is null)
        {
            return $"names {rule}.{shape.RuleUrlPathMap} {properties.Show($"{rule}.{shape.RuleUrlPathMap}")}, which is not in urlPathMaps";
        }

        var defaultRedirect = properties.GetString($"{pathMap}.{shape.MapDefaultRedirect}");
        var problem = defaultRedirect is null
            ? $"routes it through {pathMap}, whose default forwards to a backend instead of redirecting to HTTPS"
            : RedirectConfigurationProblem(properties, shape, $"{pathMap}.{shape.MapDefaultRedirect}", defaultRedirect);
        if (problem is not null)
        {
            return problem;
        }

        foreach (var pathRule in properties.ItemPaths($"{pathMap}.pathRules"))
        {
            var redirect = properties.GetString($"{pathRule}.{shape.PathRuleRedirect}");
            problem = redirect is null
                ? $"routes it through {pathRule}, which forwards to a backend instead of redirecting to HTTPS"
                : RedirectConfigurationProblem(properties, shape, $"{pathRule}.{shape.PathRuleRedirect}", redirect);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Why the redirect configuration named at <paramref name="at"/> does not lead to HTTPS, or null when it does.</summary>
    /// <remarks>Every redirect type (Permanent, Found, SeeOther, Temporary) sends the client away before any content is served: the target decides.</remarks>
    private static string? RedirectConfigurationProblem(PropertyValue properties, Shape shape, string at, string reference)
    {
        var redirectName = shape.NameOf(reference);
        var redirect = properties.ItemPaths("redirectConfigurations")
            .FirstOrDefault(r => string.Equals(properties.GetString($"{r}.name"), redirectName, StringComparison.OrdinalIgnoreCase));
        if (redirect is null)
        {
            return $"names {at} {properties.Show(at)}, which is not in redirectConfigurations";
        }

        var targetUrl = properties.GetString($"{redirect}.targetUrl");
        if (targetUrl is not null)
        {
            return targetUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                ? null
                : $"redirects to {redirect}.targetUrl {properties.Show($"{redirect}.targetUrl")}, which is not an https:// URL";
        }

        var target = properties.GetString($"{redirect}.{shape.RedirectTarget}");
        if (target is null)
        {
            return $"redirects through {redirect} without a target listener or https:// targetUrl";
        }

        var targetName = shape.NameOf(target);
        var targetListener = properties.ItemPaths("httpListeners")
            .FirstOrDefault(l => string.Equals(properties.GetString($"{l}.name"), targetName, StringComparison.OrdinalIgnoreCase));
        return targetListener is not null && string.Equals(properties.GetString($"{targetListener}.protocol"), "Https", StringComparison.OrdinalIgnoreCase)
            ? null
            : $"redirects to {redirect}.{shape.RedirectTarget} {properties.Show($"{redirect}.{shape.RedirectTarget}")}, which is not an Https listener of this gateway";
    }

    private static bool Names(string? reference, Shape shape, string listener) =>
        reference is not null && string.Equals(shape.NameOf(reference), listener, StringComparison.OrdinalIgnoreCase);

    /// <summary>Where each provider keeps the links between listeners, rules and redirects.</summary>
    /// <remarks>azure-native links sub-resources by id (`…/httpListeners/name`, or `$self/httpListeners/name`); classic by name.</remarks>
    private sealed record Shape(string RuleListener, string RuleRedirect, string RedirectTarget, string DisabledProtocols, bool ById)
    {
        public static Shape Native { get; } = new("httpListener.id", "redirectConfiguration.id", "targetListener.id", "disabledSslProtocols", ById: true)
        {
            RuleUrlPathMap = "urlPathMap.id",
            MapDefaultRedirect = "defaultRedirectConfiguration.id",
            PathRuleRedirect = "redirectConfiguration.id",
        };

        public static Shape Classic { get; } = new("httpListenerName", "redirectConfigurationName", "targetListenerName", "disabledProtocols", ById: false)
        {
            RuleUrlPathMap = "urlPathMapName",
            MapDefaultRedirect = "defaultRedirectConfigurationName",
            PathRuleRedirect = "redirectConfigurationName",
        };

        public required string RuleUrlPathMap { get; init; }
        public required string MapDefaultRedirect { get; init; }
        public required string PathRuleRedirect { get; init; }

        public string NameOf(string reference) => ById ? PropertyPaths.LastSegment(reference) : reference;
    }
}
