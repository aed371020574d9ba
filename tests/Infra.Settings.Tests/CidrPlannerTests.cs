using Baseline.Settings;
using PolicyPack.Sdk.Network;

namespace Infra.Settings.Tests;

public class CidrPlannerTests
{
    [Fact]
    public void PlanZones_WhenThreeZonesInASlash16_ShouldGiveSlash19sWithoutOverlap()
    {
        var plan = CidrPlanner.PlanZones(IpRange.Parse("10.40.0.0/16"), 3);

        Assert.Equal(["10.40.0.0/19", "10.40.32.0/19", "10.40.64.0/19"], plan.Select(z => z.Public.ToString()));
        Assert.Equal(["10.40.96.0/19", "10.40.128.0/19", "10.40.160.0/19"], plan.Select(z => z.Private.ToString()));
        var all = plan.SelectMany(z => new[] { ($"p{z.Zone}", z.Public), ($"q{z.Zone}", z.Private) }).ToArray();
        Assert.Empty(CidrPlanner.Overlaps(all));
    }

    [Fact]
    public void PlanZones_WhenTwoZones_ShouldKeepEveryBlockInsideTheNetwork()
    {
        var network = IpRange.Parse("172.16.8.0/22");

        var plan = CidrPlanner.PlanZones(network, 2);

        Assert.All(plan, z => Assert.True(network.Contains(z.Public) && network.Contains(z.Private)));
        Assert.Equal(24, plan[0].Public.PrefixLength);
    }

    [Fact]
    public void Split_WhenTheBlocksWouldBeSmallerThanSlash28_ShouldThrow()
    {
        var error = Assert.Throws<ArgumentException>(() => CidrPlanner.Split(IpRange.Parse("10.0.0.0/27"), 4));

        Assert.Contains("/28", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Overlaps_WhenTwoBlocksShareAddresses_ShouldNameBoth()
    {
        var problems = CidrPlanner.Overlaps([("a", IpRange.Parse("10.0.0.0/24")), ("b", IpRange.Parse("10.0.0.128/25")), ("c", IpRange.Parse("10.0.1.0/24"))]).ToArray();

        Assert.Equal(["a 10.0.0.0/24 overlaps b 10.0.0.128/25"], problems);
    }
}
