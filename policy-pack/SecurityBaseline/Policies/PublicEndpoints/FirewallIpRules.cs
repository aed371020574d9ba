using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Network;

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

    /// <summary>The configured blocks as one union; parameters were validated at configuration time, so parsing cannot fail here.</summary>
    public static IpRangeUnion Allowlist(PolicyParameters parameters, out bool isSet)
    {
        var ranges = SourceAddress.ParseAllowlist(parameters.GetStrings(ParameterName), ParameterName).Ranges;
        isSet = ranges.Count > 0;
        return new IpRangeUnion(ranges);
    }

    /// <summary>Checks the rule address at <paramref name="path"/> (absent addresses are not rules and pass); returns its block when it is a narrower one.</summary>
    public static IpRange? Check(ResourceContext context, string path)
    {
        var value = context.Properties.Known(path);
        if (value is null)
        {
            return null;
        }

        var address = context.Properties.GetString(path);
        if (string.IsNullOrWhiteSpace(address))
        {
            return null;
        }

        if (SourceAddress.IsInternet(address))
        {
            context.Report($"{path} is {value.Describe()}: the firewall admits the whole internet.");
            return null;
        }

        // Firewall IP rules are addresses only, so a service-tag-looking word is not let through here.
        var parsed = IpRange.TryParse(address, out var range) ? range : (IpRange?)null;
        var allowlist = Allowlist(context.Parameters, out var isSet);
        if (isSet && (parsed is null || !allowlist.Covers(parsed.Value)))
        {
            context.Report($"{path} is {value.Describe()}, outside the allowed ranges ({ParameterName}).");
        }

        return parsed;
    }

    /// <summary>Checks every item of the list at <paramref name="listPath"/>, reading <paramref name="field"/> of each (or the item itself when null), then the items as a whole.</summary>
    public static void CheckAll(ResourceContext context, string listPath, string? field)
    {
        var blocks = new List<(string Path, IpRange Block)>();
        IndexedItems.ForEach(context, listPath, item =>
        {
            var path = field is null ? item : $"{item}.{field}";
            if (Check(context, path) is { } block)
            {
                blocks.Add((path, block));
            }
        });

        // Narrow rules that add up to the internet (0.0.0.0/1 + 128.0.0.0/1) open the firewall as much as 0.0.0.0/0.
        foreach (var family in new IpRangeUnion(blocks.Select(b => b.Block)).FamiliesCovered())
        {
            var paths = blocks.Where(b => b.Block.Family == family).Select(b => b.Path).ToArray();
            context.Report($"{string.Join(", ", paths.Take(6))}{(paths.Length > 6 ? $" and {paths.Length - 6} more" : string.Empty)} together admit the whole {SourceAddress.FamilyName(family)} internet.");
        }
    }
}
