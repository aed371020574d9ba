using System.Net.Sockets;
using PolicyPack.Sdk.Network;

namespace SecurityBaseline.Tests.Network;

public class IpRangeUnionTests
{
    private static IpRangeUnion Of(params string[] blocks) => new(blocks.Select(IpRange.Parse));

    [Fact]
    public void TwoIpv4Halves_CoverTheWholeIpv4Internet()
    {
        var union = Of("0.0.0.0/1", "128.0.0.0/1");
        Assert.True(union.CoversEverything(AddressFamily.InterNetwork));
        Assert.False(union.CoversEverything(AddressFamily.InterNetworkV6));
    }

    [Fact]
    public void AllTheSlash8s_CoverTheWholeIpv4Internet_ButOneMissingDoesNot()
    {
        var all = Enumerable.Range(0, 256).Select(i => $"{i}.0.0.0/8").ToArray();
        Assert.True(Of(all).CoversEverything(AddressFamily.InterNetwork));
        Assert.False(Of(all.Where(b => b != "77.0.0.0/8").ToArray()).CoversEverything(AddressFamily.InterNetwork));
    }

    [Fact]
    public void Ipv6Halves_CoverTheWholeIpv6Internet()
    {
        Assert.True(Of("::/1", "8000::/1").CoversEverything(AddressFamily.InterNetworkV6));
    }

    [Fact]
    public void OverlappingAndAdjacentBlocks_Merge()
    {
        var union = Of("10.0.0.0/9", "10.128.0.0/9", "10.64.0.0/10");
        Assert.True(union.Covers(IpRange.Parse("10.0.0.0/8")));
        Assert.False(union.Covers(IpRange.Parse("11.0.0.0/32")));
    }

    [Fact]
    public void Spans_AreCoveredAcrossBlocks()
    {
        var union = Of("10.0.0.0/8", "11.0.0.0/8");
        Assert.True(union.Covers(AddressFamily.InterNetwork, IpRange.Parse("10.200.0.0").First, IpRange.Parse("11.3.0.0").First));
        Assert.False(union.Covers(AddressFamily.InterNetwork, IpRange.Parse("9.255.255.255").First, IpRange.Parse("10.0.0.1").First));
    }

    [Fact]
    public void Empty_CoversNothing()
    {
        Assert.False(Of().CoversEverything(AddressFamily.InterNetwork));
        Assert.False(Of().Covers(IpRange.Parse("10.0.0.1")));
    }
}
