using System.Net.Sockets;

namespace PolicyPack.Sdk.Network;

/// <summary>The addresses a set of blocks admits together, merged into disjoint spans, so that many narrow rules can be judged as the whole they add up to.</summary>
public sealed class IpRangeUnion
{
    private readonly List<Span> spans = [];

    public IpRangeUnion(IEnumerable<IpRange> ranges)
        : this(ranges.Select(range => new Span(range.Family, range.First, range.Last)))
    {
    }

    private IpRangeUnion(IEnumerable<Span> parts)
    {
        foreach (var part in parts.OrderBy(s => s.Family).ThenBy(s => s.First))
        {
            // Adjacent spans merge too: 0.0.0.0/1 and 128.0.0.0/1 leave no gap between them.
            if (spans.Count > 0 && spans[^1] is var last && last.Family == part.Family && (last.Last == UInt128.MaxValue || part.First <= last.Last + 1))
            {
                spans[^1] = last with { Last = UInt128.Max(last.Last, part.Last) };
            }
            else
            {
                spans.Add(part);
            }
        }
    }

    /// <summary>A union of address spans given by their first and last address (a firewall's start and end address).</summary>
    public static IpRangeUnion FromSpans(IEnumerable<(AddressFamily Family, UInt128 First, UInt128 Last)> parts) =>
        new(parts.Select(p => new Span(p.Family, p.First, p.Last)));

    public bool IsEmpty => spans.Count == 0;

    /// <summary>The highest address of a family.</summary>
    public static UInt128 MaxAddress(AddressFamily family) => family == AddressFamily.InterNetworkV6 ? UInt128.MaxValue : uint.MaxValue;

    /// <summary>True when every address from <paramref name="first"/> to <paramref name="last"/> is admitted by some block.</summary>
    public bool Covers(AddressFamily family, UInt128 first, UInt128 last) =>
        spans.Any(span => span.Family == family && span.First <= first && last <= span.Last);

    public bool Covers(IpRange range) => Covers(range.Family, range.First, range.Last);

    /// <summary>True when the blocks together admit every address of <paramref name="family"/>: the whole internet.</summary>
    public bool CoversEverything(AddressFamily family) => Covers(family, UInt128.Zero, MaxAddress(family));

    /// <summary>The address families (IPv4, IPv6) whose every address the blocks admit together.</summary>
    public IEnumerable<AddressFamily> FamiliesCovered() =>
        new[] { AddressFamily.InterNetwork, AddressFamily.InterNetworkV6 }.Where(CoversEverything);

    private readonly record struct Span(AddressFamily Family, UInt128 First, UInt128 Last);
}
