using System.Net.Sockets;

namespace PolicyPack.Sdk.Network;

/// <summary>What counts as the company's own: CIDR blocks and the Azure service tags that stand for its own networks.</summary>
public sealed record AddressAllowlist(IReadOnlyList<IpRange> Ranges, IReadOnlyList<string> InternalServiceTags)
{
    public static AddressAllowlist Of(IReadOnlyList<IpRange> ranges) => new(ranges, []);
}

/// <summary>Decisions about the source of an inbound rule: is it the internet, is it inside the allowlist.</summary>
public static class SourceAddress
{
    /// <summary>Azure's words for "anywhere" in NSG rules and firewalls, compared case-insensitively.</summary>
    private static readonly string[] AzureEverywhere = ["*", "Internet", "Any"];

    /// <summary>Service tags that stand for the customer's own virtual network and its load balancer probes, whoever the customer is.</summary>
    /// <remarks>Every other tag (AzureCloud, Storage, Sql, AzureFrontDoor.Backend, …) names addresses Microsoft shares among all its customers: public.</remarks>
    private static readonly string[] BuiltInInternalTags = ["VirtualNetwork", "AzureLoadBalancer"];

    /// <summary>True when <paramref name="source"/> admits the whole internet (any address of a family).</summary>
    public static bool IsInternet(string source)
    {
        var trimmed = source.Trim();
        if (AzureEverywhere.Any(word => string.Equals(word, trimmed, StringComparison.OrdinalIgnoreCase)))
        {
            return true;
        }

        return IpRange.TryParse(trimmed, out var range) && range.IsEverything;
    }

    /// <summary>True when <paramref name="source"/> is a CIDR or address inside the allowlist blocks, or a service tag of the company's own networks.</summary>
    public static bool IsAllowed(string source, AddressAllowlist allowlist)
    {
        if (IsInternet(source))
        {
            return false;
        }

        if (!IpRange.TryParse(source, out var range))
        {
            return IsInternalServiceTag(source, allowlist.InternalServiceTags);
        }

        return new IpRangeUnion(allowlist.Ranges).Covers(range);
    }

    /// <summary>True for `VirtualNetwork`, `AzureLoadBalancer` and the configured tags (case-insensitive).</summary>
    public static bool IsInternalServiceTag(string source, IReadOnlyList<string> configured)
    {
        var tag = source.Trim();
        return BuiltInInternalTags.Concat(configured).Any(known => string.Equals(known.Trim(), tag, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>One problem per configured internal service tag that cannot stand for the company's own networks.</summary>
    public static IEnumerable<string> ValidateServiceTags(IEnumerable<string> entries, string parameterName) =>
        entries.Select((entry, i) => (Entry: entry.Trim(), Index: i))
            .Where(e => e.Entry.Length == 0 || !char.IsLetter(e.Entry[0]) || IsInternet(e.Entry) || IsProviderWide(e.Entry))
            .Select(e => $"{parameterName}[{e.Index}] \"{e.Entry}\" is not a service tag of the company's own networks (`*`, `Internet`, `Any`, `AzureCloud` and `AzureCloud.<region>` are everyone's)");

    private static bool IsProviderWide(string tag) =>
        string.Equals(tag, "AzureCloud", StringComparison.OrdinalIgnoreCase) || tag.StartsWith("AzureCloud.", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an allowlist, naming each entry that is not a CIDR block, and refusing entries that together admit the whole internet.</summary>
    public static (IReadOnlyList<IpRange> Ranges, IReadOnlyList<string> Problems) ParseAllowlist(IEnumerable<string> entries, string parameterName)
    {
        var ranges = new List<IpRange>();
        var problems = new List<string>();
        var i = 0;
        foreach (var entry in entries)
        {
            if (!IpRange.TryParse(entry, out var range))
            {
                problems.Add($"{parameterName}[{i}] is not an IPv4 or IPv6 CIDR block");
            }
            else if (range.IsEverything)
            {
                problems.Add($"{parameterName}[{i}] admits the whole internet; list the company's own ranges");
            }
            else
            {
                ranges.Add(range);
            }

            i++;
        }

        foreach (var family in new IpRangeUnion(ranges).FamiliesCovered())
        {
            problems.Add($"{parameterName} entries together admit the whole {FamilyName(family)} internet; list the company's own ranges");
        }

        return (ranges, problems);
    }

    /// <summary>"IPv4" or "IPv6", as messages name a family.</summary>
    public static string FamilyName(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? "IPv6" : "IPv4";
}
