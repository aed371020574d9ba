namespace SecurityBaseline.Network;

/// <summary>Decisions about the source of an inbound rule: is it the internet, is it inside the allowlist.</summary>
public static class SourceAddress
{
    /// <summary>Azure's words for "anywhere" in NSG rules and firewalls, compared case-insensitively.</summary>
    private static readonly string[] AzureEverywhere = ["*", "Internet", "Any"];

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

    /// <summary>True when <paramref name="source"/> is a CIDR or address entirely inside one allowlist block.</summary>
    /// <remarks>Service tags and names that are not addresses (`VirtualNetwork`, `AzureLoadBalancer`) are not addresses of the internet and count as inside.</remarks>
    public static bool IsAllowed(string source, IReadOnlyList<IpRange> allowlist)
    {
        if (IsInternet(source))
        {
            return false;
        }

        if (!IpRange.TryParse(source, out var range))
        {
            return IsServiceTag(source);
        }

        return allowlist.Any(block => block.Contains(range));
    }

    /// <summary>Azure service tags that stay inside Azure's own network.</summary>
    public static bool IsServiceTag(string source) =>
        source.Trim() is { Length: > 0 } tag && char.IsLetter(tag[0]) && !string.Equals(tag, "Internet", StringComparison.OrdinalIgnoreCase) && !string.Equals(tag, "Any", StringComparison.OrdinalIgnoreCase);

    /// <summary>Parses an allowlist, naming each entry that is not a CIDR block.</summary>
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

        return (ranges, problems);
    }
}
