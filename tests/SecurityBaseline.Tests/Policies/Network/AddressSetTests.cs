using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Sources judged as the set they add up to (§1): unions, Azure service tags and NSG priorities.</summary>
public class AddressSetTests
{
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string NativeNsg = "azure-native:network:NetworkSecurityGroup";
    private const string ClassicNsg = "azure:network/networkSecurityGroup:NetworkSecurityGroup";

    private static readonly string EverySlash8 = string.Join(",", Enumerable.Range(0, 256).Select(i => $"\"{i}.0.0.0/8\""));

    private static string Sg(params string[] rules) => $$"""{"vpcId":"vpc-0a1b2c3d","description":"app","ingress":[{{string.Join(",", rules)}}]}""";

    private static string Rule(string name, int priority, string access, string source, string port = "443", string protocol = "Tcp") => $$"""
        {"name":"{{name}}","priority":{{priority}},"direction":"Inbound","access":"{{access}}","protocol":"{{protocol}}",{{source}},
         "sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"{{port}}"}
        """;

    private static string Nsg(params string[] rules) => $$"""{"resourceGroupName":"rg-app","location":"westeurope","securityRules":[{{string.Join(",", rules)}}]}""";

    [Fact]
    public void SecurityGroup_WhenOneRuleListsTwoHalvesOfTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new NoInternetIngress(), SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/1","128.0.0.0/1"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("together admit the whole IPv4 internet", message, StringComparison.Ordinal);
        Assert.Contains("ingress[0].cidrBlocks[0]", message, StringComparison.Ordinal);
        Assert.Contains("ingress[0].cidrBlocks[1]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityGroup_WhenSeveralRulesOnOnePortAddUpToTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new NoInternetIngress(), SecurityGroup, Sg(
            $$"""{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":[{{EverySlash8}}]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);

        var halves = Fixtures.Evaluate(new NoInternetIngress(), SecurityGroup, Sg(
            """{"protocol":"tcp","fromPort":20,"toPort":30,"cidrBlocks":["0.0.0.0/1"]}""",
            """{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["128.0.0.0/1"]}"""));
        Assert.Equal(Outcome.Fail, halves.Outcome);
        Assert.Contains("tcp, ports 20-30", Assert.Single(halves.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityGroup_WhenHalvesOpenDifferentPorts_ShouldPass()
    {
        var result = Fixtures.Evaluate(new NoInternetIngress(), SecurityGroup, Sg(
            """{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/1"]}""",
            """{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["128.0.0.0/1"]}""",
            """{"protocol":"udp","fromPort":22,"toPort":22,"cidrBlocks":["128.0.0.0/1"]}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void SecurityGroup_WhenIpv6HalvesAddUp_ShouldFail()
    {
        var result = Fixtures.Evaluate(new NoInternetIngress(), SecurityGroup, Sg(
            """{"protocol":"tcp","fromPort":443,"toPort":443,"ipv6CidrBlocks":["::/1"]}""",
            """{"protocol":"tcp","fromPort":443,"toPort":443,"ipv6CidrBlocks":["8000::/1"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("IPv6", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Nsg_WhenRulesAddUpToTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new NoInternetIngress(), NativeNsg, Nsg(
            Rule("low", 100, "Allow", "\"sourceAddressPrefix\":\"0.0.0.0/1\""),
            Rule("high", 110, "Allow", "\"sourceAddressPrefixes\":[\"128.0.0.0/2\",\"192.0.0.0/2\"]")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("together admit the whole IPv4 internet", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AzureCloud")]
    [InlineData("AzureCloud.westeurope")]
    [InlineData("AzureFrontDoor.Backend")]
    [InlineData("Storage")]
    public void Nsg_WhenSourceIsABroadServiceTag_ShouldBeOutsideTheAllowlist(string tag)
    {
        var result = Fixtures.Evaluate(new IngressAllowlist(), NativeNsg, Nsg(Rule("app", 100, "Allow", $"\"sourceAddressPrefix\":\"{tag}\"")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains($"sourceAddressPrefix = {tag}", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Nsg_WhenBroadServiceTagOpensSsh_ShouldFailAdminPorts()
    {
        var result = Fixtures.Evaluate(new AdminPortsNotPublic(), ClassicNsg, Nsg(Rule("ssh", 100, "Allow", "\"sourceAddressPrefix\":\"AzureCloud\"", port: "22")));
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void Nsg_WhenServiceTagIsConfiguredAsInternal_ShouldPass()
    {
        var result = Fixtures.Evaluate(new IngressAllowlist(), NativeNsg,
            Nsg(Rule("app", 100, "Allow", "\"sourceAddressPrefix\":\"GatewayManager\""), Rule("lb", 110, "Allow", "\"sourceAddressPrefix\":\"azureloadbalancer\"")),
            """{"network-ingress-allowlist":{"internalServiceTags":["GatewayManager"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("*")]
    [InlineData("Internet")]
    [InlineData("AzureCloud")]
    public void Configuration_WhenInternalServiceTagIsBroad_ShouldBeRejected(string tag)
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse($$$"""{"network-ingress-allowlist":{"internalServiceTags":["{{{tag}}}"]}}""", [new IngressAllowlist()]));
        Assert.Contains("internalServiceTags[0]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenAllowlistAddsUpToTheInternet_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse("""{"network-ingress-allowlist":{"allowedCidrs":["10.0.0.0/8","0.0.0.0/1","128.0.0.0/1"]}}""", [new IngressAllowlist()]));
        Assert.Contains("together admit the whole IPv4 internet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nsg_WhenHigherPriorityDenyCoversTheAllow_ShouldPass()
    {
        var nsg = Nsg(
            Rule("deny-all", 100, "Deny", "\"sourceAddressPrefix\":\"*\"", port: "*", protocol: "*"),
            Rule("open-ssh", 200, "Allow", "\"sourceAddressPrefix\":\"*\"", port: "22"));
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(new NoInternetIngress(), NativeNsg, nsg).Outcome);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(new AdminPortsNotPublic(), ClassicNsg, nsg).Outcome);
    }

    [Fact]
    public void Nsg_WhenDenyCoversOnlyPartOfTheSourcesOrPorts_ShouldStillFail()
    {
        var partSources = Nsg(
            Rule("deny-some", 100, "Deny", "\"sourceAddressPrefix\":\"198.51.100.0/24\"", port: "*", protocol: "*"),
            Rule("open-ssh", 200, "Allow", "\"sourceAddressPrefix\":\"0.0.0.0/0\"", port: "22"));
        Assert.Equal(Outcome.Fail, Fixtures.Evaluate(new NoInternetIngress(), NativeNsg, partSources).Outcome);

        var partPorts = Nsg(
            Rule("deny-ssh", 100, "Deny", "\"sourceAddressPrefix\":\"*\"", port: "22"),
            Rule("open", 200, "Allow", "\"sourceAddressPrefix\":\"*\"", port: "20-30"));
        Assert.Equal(Outcome.Fail, Fixtures.Evaluate(new NoInternetIngress(), NativeNsg, partPorts).Outcome);
    }

    [Fact]
    public void Nsg_WhenAllowIsAboveTheDeny_ShouldFail()
    {
        var nsg = Nsg(
            Rule("open-ssh", 100, "Allow", "\"sourceAddressPrefix\":\"Internet\"", port: "22"),
            Rule("deny-all", 4000, "Deny", "\"sourceAddressPrefix\":\"*\"", port: "*", protocol: "*"));
        Assert.Equal(Outcome.Fail, Fixtures.Evaluate(new AdminPortsNotPublic(), ClassicNsg, nsg).Outcome);
    }

    [Fact]
    public void Nsg_WhenDenyHalvesTogetherCoverTheAllow_ShouldPass()
    {
        var nsg = Nsg(
            Rule("deny-low", 100, "Deny", "\"sourceAddressPrefix\":\"0.0.0.0/1\"", port: "*", protocol: "*"),
            Rule("deny-high", 110, "Deny", "\"sourceAddressPrefix\":\"128.0.0.0/1\"", port: "*", protocol: "*"),
            Rule("open-ssh", 200, "Allow", "\"sourceAddressPrefix\":\"0.0.0.0/0\"", port: "22"));
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(new NoInternetIngress(), NativeNsg, nsg).Outcome);
    }
}
