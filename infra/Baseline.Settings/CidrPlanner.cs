using System.Net.Sockets;
using PolicyPack.Sdk.Network;

namespace Baseline.Settings;

/// <summary>The two subnets of one availability zone: a public one for the load balancer and NAT, a private one for workloads.</summary>
public sealed record ZoneSubnets(int Zone, IpRange Public, IpRange Private);

/// <summary>Carves equal, non-overlapping subnets out of a network range.</summary>
public static class CidrPlanner
{
    /// <summary>AWS rejects subnets smaller than /28 and VPCs larger than /16.</summary>
    public const int SmallestSubnetPrefix = 28;
    public const int LargestVpcPrefix = 16;

    /// <summary>Public subnets take the first <paramref name="zones"/> blocks, private ones the next, so adding a zone later never moves an existing subnet.</summary>
    public static IReadOnlyList<ZoneSubnets> PlanZones(IpRange network, int zones)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(zones, 1);
        var blocks = Split(network, 2 * zones);
        return Enumerable.Range(0, zones).Select(i => new ZoneSubnets(i, blocks[i], blocks[zones + i])).ToArray();
    }

    /// <summary>The first <paramref name="count"/> equal blocks of <paramref name="network"/>, as large as the count allows.</summary>
    public static IReadOnlyList<IpRange> Split(IpRange network, int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (network.IsIPv6)
        {
            throw new ArgumentException("only IPv4 ranges are planned", nameof(network));
        }

        var extraBits = 0;
        while ((1 << extraBits) < count)
        {
            extraBits++;
        }

        var prefix = network.PrefixLength + extraBits;
        if (prefix > SmallestSubnetPrefix)
        {
            throw new ArgumentException($"{network} cannot hold {count} subnets of at least /{SmallestSubnetPrefix}", nameof(network));
        }

        var size = UInt128.One << (32 - prefix);
        return Enumerable.Range(0, count)
            .Select(i => new IpRange(AddressFamily.InterNetwork, network.First + (size * (uint)i), network.First + (size * (uint)(i + 1)) - 1, prefix))
            .ToArray();
    }

    /// <summary>Every pair of ranges that overlap, named by their labels.</summary>
    public static IEnumerable<string> Overlaps(IReadOnlyList<(string Label, IpRange Range)> ranges)
    {
        for (var i = 0; i < ranges.Count; i++)
        {
            for (var j = i + 1; j < ranges.Count; j++)
            {
                if (ranges[i].Range.Overlaps(ranges[j].Range))
                {
                    yield return $"{ranges[i].Label} {ranges[i].Range} overlaps {ranges[j].Label} {ranges[j].Range}";
                }
            }
        }
    }
}
