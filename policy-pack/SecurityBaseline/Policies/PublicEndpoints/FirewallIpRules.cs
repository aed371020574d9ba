using SecurityBaseline.Engine;
using SecurityBaseline.Network;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>The IP rules of a PaaS firewall (storage, Key Vault): never the whole internet, and inside `allowedCidrs` when it is set.</summary>
internal static class FirewallIpRules
{
    public const string ParameterName = "allowedCidrs";

    /// <summary>The schema entry of the allowlist parameter, shared by the firewall policies so they read the same configuration.</summary>
    public const string ParameterSchema =
        """
        "allowedCidrs": {
          "type": "array",
          "items": { "type": "string", "minLength": 1 },
          "default": [],
          "description": "The company's own IPv4/IPv6 CIDR blocks. When set, every firewall IP rule must lie inside one of them; when empty, only rules admitting the whole internet are rejected."
        }
        """;

    public static IEnumerable<string> Validate(PolicyParameters parameters) =>
        SourceAddress.ParseAllowlist(parameters.GetStrings(ParameterName), ParameterName).Problems;

    /// <summary>Checks the rule address at <paramref name="path"/> (absent addresses are not rules and pass).</summary>
    public static void Check(ResourceContext context, string path)
    {
        var value = context.Properties.Known(path);
        if (value is null)
        {
            return;
        }

        var address = context.Properties.GetString(path);
        if (string.IsNullOrWhiteSpace(address))
        {
            return;
        }

        if (SourceAddress.IsInternet(address))
        {
            context.Report($"{path} is {value.Describe()}: the firewall admits the whole internet.");
            return;
        }

        // Parameters were validated at configuration time, so parsing cannot fail here.
        var allowlist = SourceAddress.ParseAllowlist(context.Parameters.GetStrings(ParameterName), ParameterName).Ranges;
        if (allowlist.Count > 0 && !IsInside(address, allowlist))
        {
            context.Report($"{path} is {value.Describe()}, outside the allowed ranges ({ParameterName}).");
        }
    }

    /// <summary>Firewall IP rules are addresses only, so a service-tag-looking word is not let through here.</summary>
    private static bool IsInside(string address, IReadOnlyList<IpRange> allowlist) =>
        IpRange.TryParse(address, out var range) && allowlist.Any(block => block.Contains(range));

    /// <summary>Checks every item of the list at <paramref name="listPath"/>, reading <paramref name="field"/> of each (or the item itself when null).</summary>
    public static void CheckAll(ResourceContext context, string listPath, string? field) =>
        IndexedItems.ForEach(context, listPath, item => Check(context, field is null ? item : $"{item}.{field}"));
}
