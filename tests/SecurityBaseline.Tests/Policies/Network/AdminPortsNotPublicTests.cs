using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class AdminPortsNotPublicTests
{
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string NativeNsg = "azure-native:network:NetworkSecurityGroup";
    private const string NativeRule = "azure-native:network:SecurityRule";
    private const string ClassicRule = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string UnknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string UnknownNumber = "3eeb2bf0-c639-47a8-9e75-3b44932eb421";

    private readonly AdminPortsNotPublic policy = new();

    private static string Sg(string protocol, int from, int to, string source) =>
        $$"""{"vpcId":"vpc-0a1b2c3d","ingress":[{"protocol":"{{protocol}}","fromPort":{{from}},"toPort":{{to}},{{source}}}]}""";

    private static string NativeNsgWith(string protocol, string ports, string source) => $$"""
        {"resourceGroupName":"rg-app","securityRules":[
          {"name":"inbound","priority":100,"direction":"Inbound","access":"Allow","protocol":"{{protocol}}",
           "sourceAddressPrefix":"{{source}}","sourcePortRange":"*","destinationAddressPrefix":"*",{{ports}}}
        ]}
        """;

    [Fact]
    public void AwsSecurityGroup_WhenSshOpenToInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 22, 22, "\"cidrBlocks\":[\"0.0.0.0/0\"]"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("ingress[0]: admin port 22", message, StringComparison.Ordinal);
        Assert.Contains("cidrBlocks[0] = 0.0.0.0/0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenHttpsOpenToInternet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 443, 443, "\"cidrBlocks\":[\"0.0.0.0/0\"]"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenSshFromPrivateRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 22, 22, "\"cidrBlocks\":[\"10.10.0.0/16\"]"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenAllProtocolsOpenToPublicRange_ShouldFailListingEveryAdminPort()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("-1", 0, 0, "\"cidrBlocks\":[\"198.51.100.0/24\"]"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("admin ports 22, 1433, 1521, 3306, 3389, 5432, 5439, 6379, 9200, 11211, 27017", message, StringComparison.Ordinal);
        Assert.Contains("all protocols and ports", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenRangeSpansAdminPorts_ShouldFailNamingThem()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 3000, 3400, "\"cidrBlocks\":[\"203.0.113.5/32\"]"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("admin ports 3306, 3389", message, StringComparison.Ordinal);
        Assert.Contains("ports 3000-3400", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIcmpFromInternet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("icmp", -1, -1, "\"cidrBlocks\":[\"0.0.0.0/0\"]"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenRdpOpenToAnyIpv6_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 3389, 3389, "\"ipv6CidrBlocks\":[\"::/0\"]"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ipv6CidrBlocks[0] = ::/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenPostgresFromIpv6UniqueLocal_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 5432, 5432, "\"ipv6CidrBlocks\":[\"fd00:10::/64\"]"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """{"vpcId":"vpc-0a1b2c3d"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenToPortUnknownAndSourcePublic_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, $$"""
            {"ingress":[{"protocol":"tcp","fromPort":20,"toPort":"{{UnknownNumber}}","cidrBlocks":["0.0.0.0/0"]}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress[0].toPort", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenSourceUnknownOnHttpsOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 443, 443, $"\"cidrBlocks\":[\"{UnknownString}\"]"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenSourceUnknownOnSsh_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 22, 22, $"\"cidrBlocks\":[\"{UnknownString}\"]"));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress[0].cidrBlocks[0]", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenRdpIngressFromInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"ingress","securityGroupId":"sg-0123456789abcdef0","protocol":"tcp","fromPort":3389,"toPort":3389,"cidrBlocks":["0.0.0.0/0"]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("admin port 3389", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenEgress_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"egress","securityGroupId":"sg-0123456789abcdef0","protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/0"]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("egress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsIngressRule_WhenAllProtocolsFromAnyIpv6_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"-1","cidrIpv6":"::/0"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("cidrIpv6 = ::/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsIngressRule_WhenPostgresFromReferencedGroup_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":5432,"toPort":5432,"referencedSecurityGroupId":"sg-0fedcba9876543210"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenPortListIncludesRdpFromInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("Tcp", "\"destinationPortRanges\":[\"80\",\"443\",\"3389\"]", "Internet"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("securityRules[0] (\"inbound\"): admin port 3389", message, StringComparison.Ordinal);
        Assert.Contains("ports 80, 443, 3389", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenRangeMissesAdminPorts_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("Tcp", "\"destinationPortRange\":\"8000-8999\"", "*"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenRangeSpansDatabasePorts_ShouldFailNamingThem()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("Udp", "\"destinationPortRange\":\"1000-2000\"", "198.51.100.0/24"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("admin ports 1433, 1521", message, StringComparison.Ordinal);
        Assert.Contains("protocol Udp, ports 1000-2000", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenAnyProtocolAndStarPortFromStar_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("*", "\"destinationPortRange\":\"*\"", "*"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("protocol *, all ports", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenIcmpFromStar_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("Icmp", "\"destinationPortRange\":\"*\"", "*"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenPortRangeMalformed_ShouldFailClosed()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, NativeNsgWith("Tcp", "\"destinationPortRange\":\"ssh\"", "*"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("securityRules[0].destinationPortRange", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSecurityRule_WhenPortUnknownFromInternet_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeRule, $$"""
            {"resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound","access":"Allow",
             "protocol":"Tcp","sourceAddressPrefix":"Internet","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"{{UnknownString}}"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("destinationPortRange", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicRule_WhenSshFromStar_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicRule, """
            {"name":"ssh","resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound",
             "access":"Allow","protocol":"Tcp","sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"22"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("sourceAddressPrefix = *", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicRule_WhenSshFromVirtualNetwork_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicRule, """
            {"name":"ssh","resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound",
             "access":"Allow","protocol":"Tcp","sourceAddressPrefix":"VirtualNetwork","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"22"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenConfiguredAdminPortsExcludeSsh_ShouldPassSshAndFailConfiguredPort()
    {
        const string Config = """{"network-admin-ports-not-public":{"adminPorts":[8080]}}""";
        var ssh = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 22, 22, "\"cidrBlocks\":[\"0.0.0.0/0\"]"), Config);
        var web = Fixtures.Evaluate(policy, SecurityGroup, Sg("tcp", 8000, 8100, "\"cidrBlocks\":[\"0.0.0.0/0\"]"), Config);
        Assert.Equal(Outcome.Pass, ssh.Outcome);
        Assert.Equal(Outcome.Fail, web.Outcome);
        Assert.Contains("admin port 8080", Assert.Single(web.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenSourceInConfiguredAllowlist_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy,
            SecurityGroup,
            Sg("tcp", 22, 22, "\"cidrBlocks\":[\"203.0.113.7/32\"]"),
            """{"network-admin-ports-not-public":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("""{"adminPorts":["ssh"]}""", "adminPorts[0]")]
    [InlineData("""{"adminPorts":[22,70000]}""", "adminPorts[1]")]
    [InlineData("""{"allowedCidrs":["10.0.0.0/8","10.0.0.0/0"]}""", "allowedCidrs[1]")]
    [InlineData("""{"allowedCidrs":["bastion.example.com"]}""", "allowedCidrs[0]")]
    public void Configuration_WhenParameterInvalid_ShouldBeRejectedNamingIt(string properties, string expected)
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse($$$"""{"network-admin-ports-not-public":{{{properties}}}}""", [policy]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
