using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class IngressAllowlistTests
{
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string NativeNsg = "azure-native:network:NetworkSecurityGroup";
    private const string NativeRule = "azure-native:network:SecurityRule";
    private const string ClassicNsg = "azure:network/networkSecurityGroup:NetworkSecurityGroup";
    private const string ClassicRule = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string UnknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string UnknownArray = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

    private readonly IngressAllowlist policy = new();

    private static string Sg(string rule) => $$"""{"vpcId":"vpc-0a1b2c3d","ingress":[{{rule}}]}""";

    private static string NsgRule(string source) => $$"""
        {"name":"app","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp",{{source}},
         "sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
        """;

    [Fact]
    public void AwsSecurityGroup_WhenCidrInsideDefaultPrivateRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.1.0.0/16","192.168.4.0/24","172.31.0.0/16"]}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenCidrWiderThanAllowlistBlock_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/7"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("ingress[0]: cidrBlocks[0] = 10.0.0.0/7", message, StringComparison.Ordinal);
        Assert.Contains("allowedCidrs", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenPublicCidrAndDefaultAllowlist_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["203.0.113.0/24"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("203.0.113.0/24", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenPublicCidrIsConfiguredInAllowlist_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy,
            SecurityGroup,
            Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["203.0.113.0/25"]}"""),
            """{"network-ingress-allowlist":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenConfiguredAllowlistReplacesDefault_ShouldFailPrivateRange()
    {
        var result = Fixtures.Evaluate(
            policy,
            SecurityGroup,
            Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.1.0.0/16"]}"""),
            """{"network-ingress-allowlist":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("10.1.0.0/16", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIpv6UniqueLocalRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"ipv6CidrBlocks":["fd12:3456:789a::/48"]}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIpv6GlobalRange_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"ipv6CidrBlocks":["2001:db8::/32"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ipv6CidrBlocks[0] = 2001:db8::/32", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIpv6SourceAndOnlyIpv4Allowlist_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy,
            SecurityGroup,
            Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"ipv6CidrBlocks":["::ffff:10.0.0.1/128"]}"""),
            """{"network-ingress-allowlist":{"allowedCidrs":["10.0.0.0/8"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenSourcesAreGroupsPrefixListsAndSelf_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"ingress":[{"protocol":"tcp","fromPort":5432,"toPort":5432,"securityGroups":["sg-0123456789abcdef0"]},
                        {"protocol":"tcp","fromPort":443,"toPort":443,"prefixListIds":["pl-02cd2c6b"]},
                        {"protocol":"-1","fromPort":0,"toPort":0,"self":true}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenCidrIsNotACidr_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, Sg("""{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/33"]}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """{"vpcId":"vpc-0a1b2c3d"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenOneRuleUnknownAndAnotherOutside_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, $$"""
            {"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["{{UnknownString}}"]},
                        {"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["198.51.100.0/24"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ingress[1]", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenIngressOutsideAllowlist_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"ingress","securityGroupId":"sg-0123456789abcdef0","protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["198.51.100.7/32"]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenSourceSecurityGroup_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"ingress","securityGroupId":"sg-0123456789abcdef0","protocol":"tcp","fromPort":443,"toPort":443,"sourceSecurityGroupId":"sg-0fedcba9876543210"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsIngressRule_WhenCidrIpv4InsideAllowlist_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv4":"10.0.0.0/8"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsIngressRule_WhenPrefixList_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":443,"toPort":443,"prefixListId":"pl-02cd2c6b"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsIngressRule_WhenCidrIpv6Unknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, $$"""
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv6":"{{UnknownString}}"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("cidrIpv6", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenSourcesAreServiceTagsAndPrivateRanges_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, $$"""
            {"resourceGroupName":"rg-app","securityRules":[
              {{NsgRule("\"sourceAddressPrefix\":\"VirtualNetwork\"")}},
              {{NsgRule("\"sourceAddressPrefix\":\"AzureLoadBalancer\"")}},
              {{NsgRule("\"sourceAddressPrefixes\":[\"10.0.1.0/24\",\"172.16.5.4\"]")}}
            ]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenSourceOutsideAllowlist_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, $$"""
            {"resourceGroupName":"rg-app","securityRules":[
              {{NsgRule("\"sourceAddressPrefixes\":[\"10.0.1.0/24\",\"198.51.100.0/24\"]")}}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("securityRules[0] (\"app\"): sourceAddressPrefixes[1] = 198.51.100.0/24", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenSecurityRulesAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """{"resourceGroupName":"rg-app","location":"westeurope"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenSourcePrefixesUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, $$"""
            {"resourceGroupName":"rg-app","securityRules":[{{NsgRule($"\"sourceAddressPrefixes\":\"{UnknownArray}\"")}}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("securityRules[0].sourceAddressPrefixes", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSecurityRule_WhenSourceIsApplicationSecurityGroup_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeRule, """
            {"resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp",
             "sourceApplicationSecurityGroups":[{"id":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Network/applicationSecurityGroups/asg-web"}],
             "sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicNsg_WhenSourceInsideAllowlist_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicNsg, $$"""
            {"resourceGroupName":"rg-app","securityRules":[{{NsgRule("\"sourceAddressPrefix\":\"192.168.10.0/24\"")}}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicRule_WhenSourceIsInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicRule, """
            {"name":"https","resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound",
             "access":"Allow","protocol":"Tcp","sourceAddressPrefix":"Internet","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("sourceAddressPrefix = Internet", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""["10.0.0.0/8","not-a-cidr"]""", "allowedCidrs[1]")]
    [InlineData("""["0.0.0.0/0"]""", "allowedCidrs[0]")]
    [InlineData("""["fc00::/7","::/0"]""", "allowedCidrs[1]")]
    [InlineData("""["10.0.0.0/0"]""", "allowedCidrs[0]")]
    [InlineData("""[10]""", "allowedCidrs[0]")]
    public void Configuration_WhenAllowlistEntryInvalid_ShouldBeRejectedNamingTheIndex(string entries, string expected)
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse($$$"""{"network-ingress-allowlist":{"allowedCidrs":{{{entries}}}}}""", [policy]));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Contains("network-ingress-allowlist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenAllowlistValid_ShouldBeAccepted()
    {
        var configuration = PackConfiguration.Parse("""{"network-ingress-allowlist":{"allowedCidrs":["203.0.113.0/24","2001:db8::/32"]}}""", [policy]);
        Assert.Equal(2, configuration.For("network-ingress-allowlist").Parameters.GetStrings("allowedCidrs").Count);
    }
}
