using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class DatabaseFirewallNoPublicRangeTests
{
    private readonly DatabaseFirewallNoPublicRange policy = new();

    public static TheoryData<string, string> RuleShapes => new()
    {
        { "azure:mssql/firewallRule:FirewallRule", """"name":"office","serverId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Sql/servers/sql-app"""" },
        { "azure:mysql/flexibleServerFirewallRule:FlexibleServerFirewallRule", """"name":"office","resourceGroupName":"rg-data","serverName":"mysql-app"""" },
        { "azure:postgresql/flexibleServerFirewallRule:FlexibleServerFirewallRule", """"name":"office","serverId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-app"""" },
        { "azure-native:sql:FirewallRule", """"firewallRuleName":"office","resourceGroupName":"rg-data","serverName":"sql-app"""" },
        { "azure-native:dbformysql:FirewallRule", """"firewallRuleName":"office","resourceGroupName":"rg-data","serverName":"mysql-app"""" },
        { "azure-native:dbforpostgresql:FirewallRule", """"firewallRuleName":"office","resourceGroupName":"rg-data","serverName":"pg-app"""" },
    };

    /// <summary>The inputs, <paramref name="required"/> being the required name fields without their outer quotes (`name":"office`).</summary>
    private static string Inputs(string required, string start, string end) => $$"""{"{{required}}","startIpAddress":"{{start}}","endIpAddress":"{{end}}"}""";

    [Theory]
    [MemberData(nameof(RuleShapes))]
    public void Rule_WhenOfficeRange_ShouldPass(string type, string required) =>
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, Inputs(required, "203.0.113.0", "203.0.113.255")).Outcome);

    [Theory]
    [MemberData(nameof(RuleShapes))]
    public void Rule_WhenWholeInternet_ShouldFail(string type, string required)
    {
        var result = Fixtures.Evaluate(policy, type, Inputs(required, "0.0.0.0", "255.255.255.255"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("whole internet", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(RuleShapes))]
    public void Rule_WhenAllowAzureServices_ShouldFail(string type, string required)
    {
        var result = Fixtures.Evaluate(policy, type, Inputs(required, "0.0.0.0", "0.0.0.0"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("every Azure customer", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_WhenWiderThanTheAllowlist_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:sql:FirewallRule",
            Inputs(""""firewallRuleName":"office","resourceGroupName":"rg-data","serverName":"sql-app"""", "203.0.113.0", "203.0.114.10"),
            """{"database-firewall-no-public-range":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("outside the allowed ranges", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_WhenInsideTwoAdjacentAllowlistBlocks_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "azure:mssql/firewallRule:FirewallRule",
            Inputs(""""name":"office","serverId":"sql-app"""", "203.0.113.200", "203.0.114.10"),
            """{"database-firewall-no-public-range":{"allowedCidrs":["203.0.113.0/24","203.0.114.0/24"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Rule_WhenEndAbsent_ShouldFailStrictly()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:dbformysql:FirewallRule", """{"resourceGroupName":"rg-data","serverName":"mysql-app","startIpAddress":"0.0.0.0"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("endIpAddress", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Rule_WhenAddressUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:sql:FirewallRule", """{"resourceGroupName":"rg-data","serverName":"sql-app","startIpAddress":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","endIpAddress":"0.0.0.0"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }

    [Fact]
    public void Rule_WhenStartAfterEnd_ShouldBeAPolicyDataError()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:sql:FirewallRule", """{"resourceGroupName":"rg-data","serverName":"sql-app","startIpAddress":"10.0.0.9","endIpAddress":"10.0.0.1"}""");
        Assert.NotEqual(Outcome.Pass, result.Outcome);
    }
}
