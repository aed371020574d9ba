using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class NoInternetIngressTests
{
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    private const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private const string NativeNsg = "azure-native:network:NetworkSecurityGroup";
    private const string NativeRule = "azure-native:network:SecurityRule";
    private const string ClassicNsg = "azure:network/networkSecurityGroup:NetworkSecurityGroup";
    private const string ClassicRule = "azure:network/networkSecurityRule:NetworkSecurityRule";
    private const string UnknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string UnknownArray = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

    private readonly NoInternetIngress policy = new();

    [Fact]
    public void AwsSecurityGroup_WhenIngressFromPrivateRanges_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","description":"app","ingress":[
              {"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.20.0.0/16"]},
              {"protocol":"tcp","fromPort":8080,"toPort":8080,"securityGroups":["sg-0123456789abcdef0"]}
            ],"egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressFromAnyIpv4_ShouldFailNamingRuleSourceAndPort()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","ingress":[
              {"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.20.0.0/16"]},
              {"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["10.0.0.0/8","0.0.0.0/0"]}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("ingress[1]: cidrBlocks[1] = 0.0.0.0/0", message, StringComparison.Ordinal);
        Assert.Contains("port 22", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressFromAnyIpv6_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"ingress":[{"protocol":"tcp","fromPort":80,"toPort":80,"ipv6CidrBlocks":["::/0"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ipv6CidrBlocks[0] = ::/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """{"vpcId":"vpc-0a1b2c3d","description":"no inbound"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenOnlySelfAndPrefixListSources_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"self":true},
                        {"protocol":"tcp","fromPort":443,"toPort":443,"prefixListIds":["pl-02cd2c6b"]}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecurityGroup_WhenCidrUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, $$"""
            {"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["{{UnknownString}}"]}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress[0].cidrBlocks[0]", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenIngressListUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, $$"""{"ingress":"{{UnknownArray}}"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenOneRuleUnknownAndAnotherOpen_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, $$"""
            {"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":"{{UnknownArray}}"},
                        {"protocol":"tcp","fromPort":3389,"toPort":3389,"cidrBlocks":["0.0.0.0/0"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ingress[1]", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("ingress[0].cidrBlocks", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroup_WhenOpenSourceIsSecret_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroup, """
            {"ingress":[{"protocol":"tcp","fromPort":443,"toPort":443,
              "cidrBlocks":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":["0.0.0.0/0"]}}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("0.0.0.0/0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenIngressFromAnywhere_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("all protocols and ports", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenIngressFromAnywhere_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"ingress","securityGroupId":"sg-0123456789abcdef0","protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["0.0.0.0/0"]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("cidrBlocks[0] = 0.0.0.0/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecurityGroupRule_WhenEgressToAnywhere_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, SecurityGroupRule, """
            {"type":"egress","securityGroupId":"sg-0123456789abcdef0","protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("egress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsIngressRule_WhenCidrIpv6IsAnywhere_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv6":"::/0"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("cidrIpv6 = ::/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsIngressRule_WhenSourceIsReferencedGroup_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, """
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":5432,"toPort":5432,"referencedSecurityGroupId":"sg-0fedcba9876543210"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsIngressRule_WhenCidrUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, IngressRule, $$"""
            {"securityGroupId":"sg-0123456789abcdef0","ipProtocol":"tcp","fromPort":443,"toPort":443,"cidrIpv4":"{{UnknownString}}"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("cidrIpv4", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenInboundAllowFromStar_ShouldFailNamingTheRule()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """
            {"resourceGroupName":"rg-app","location":"westeurope","securityRules":[
              {"name":"allow-https-vnet","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp",
               "sourceAddressPrefix":"VirtualNetwork","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"},
              {"name":"allow-ssh","priority":110,"direction":"Inbound","access":"Allow","protocol":"Tcp",
               "sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"22"}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("securityRules[1] (\"allow-ssh\"): sourceAddressPrefix = *", message, StringComparison.Ordinal);
        Assert.Contains("port 22", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenInternetOnlyInOutboundOrDenyRules_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """
            {"resourceGroupName":"rg-app","securityRules":[
              {"name":"deny-internet","priority":4000,"direction":"Inbound","access":"Deny","protocol":"*",
               "sourceAddressPrefix":"Internet","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"*"},
              {"name":"out-any","priority":100,"direction":"Outbound","access":"Allow","protocol":"*",
               "sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"Internet","destinationPortRange":"*"}
            ]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNsg_WhenInternetTagInPrefixList_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """
            {"resourceGroupName":"rg-app","securityRules":[
              {"name":"web","priority":100,"direction":"inbound","access":"allow","protocol":"Tcp",
               "sourceAddressPrefixes":["10.0.0.0/8","Internet"],"sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRanges":["80","443"]}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("sourceAddressPrefixes[1] = Internet", message, StringComparison.Ordinal);
        Assert.Contains("ports 80, 443", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenRulesNestedUnderProperties_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """
            {"resourceGroupName":"rg-app","securityRules":[
              {"name":"rdp","properties":{"priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp",
               "sourceAddressPrefix":"Any","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"3389"}}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("properties.sourceAddressPrefix = Any", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNsg_WhenSecurityRulesAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNsg, """{"resourceGroupName":"rg-app","location":"westeurope"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeSecurityRule_WhenInboundAllowFromInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeRule, """
            {"resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","securityRuleName":"https","priority":100,
             "direction":"Inbound","access":"Allow","protocol":"Tcp","sourceAddressPrefix":"Internet","sourcePortRange":"*",
             "destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("sourceAddressPrefix = Internet", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSecurityRule_WhenOutbound_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, NativeRule, """
            {"resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Outbound","access":"Allow",
             "protocol":"*","sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"*"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("Outbound", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSecurityRule_WhenSourceUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeRule, $$"""
            {"resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound","access":"Allow",
             "protocol":"Tcp","sourceAddressPrefix":"{{UnknownString}}","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("sourceAddressPrefix", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicNsg_WhenInboundFromVirtualNetworkOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicNsg, """
            {"resourceGroupName":"rg-app","location":"westeurope","securityRules":[
              {"name":"https","priority":100,"direction":"Inbound","access":"Allow","protocol":"Tcp",
               "sourceAddressPrefix":"VirtualNetwork","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            ]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicNsg_WhenInboundAllowFromStar_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicNsg, """
            {"resourceGroupName":"rg-app","securityRules":[
              {"name":"any","priority":100,"direction":"Inbound","access":"Allow","protocol":"*",
               "sourceAddressPrefix":"*","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"*"}
            ]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("protocol *, all ports", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicRule_WhenSourceIsZeroSlashZero_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicRule, """
            {"name":"https","resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound",
             "access":"Allow","protocol":"Tcp","sourceAddressPrefix":"0.0.0.0/0","sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("0.0.0.0/0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicRule_WhenSourceIsCompanyRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicRule, """
            {"name":"https","resourceGroupName":"rg-app","networkSecurityGroupName":"nsg-app","priority":100,"direction":"Inbound",
             "access":"Allow","protocol":"Tcp","sourceAddressPrefixes":["203.0.113.0/24"],"sourcePortRange":"*","destinationAddressPrefix":"*","destinationPortRange":"443"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
