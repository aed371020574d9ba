using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class DefaultSecurityGroupClosedTests
{
    private const string DefaultSecurityGroup = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
    private const string UnknownArray = "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2";

    private readonly DefaultSecurityGroupClosed policy = new();

    [Fact]
    public void AwsDefaultSecurityGroup_WhenRulesAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, """{"vpcId":"vpc-0a1b2c3d","tags":{"Name":"default-closed"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenRulesEmpty_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, """{"vpcId":"vpc-0a1b2c3d","ingress":[],"egress":[]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenSelfIngressDeclared_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"self":true}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.StartsWith("ingress[0]: protocol -1 (all protocols and ports) from self = the group itself", message, StringComparison.Ordinal);
        Assert.Contains("no inbound traffic", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenAllowAllEgressDeclared_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]},
                                             {"protocol":"-1","fromPort":0,"toPort":0,"ipv6CidrBlocks":["::/0"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Messages.Count);
        Assert.StartsWith("egress[0]: protocol -1 (all protocols and ports) to cidrBlocks[0] = 0.0.0.0/0", result.Messages[0], StringComparison.Ordinal);
        Assert.StartsWith("egress[1]: protocol -1 (all protocols and ports) to ipv6CidrBlocks[0] = ::/0", result.Messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenIngressUnknownAndEgressDeclared_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, $$"""
            {"vpcId":"vpc-0a1b2c3d","ingress":"{{UnknownArray}}","egress":[{"protocol":"tcp","fromPort":443,"toPort":443,"cidrBlocks":["10.0.0.0/8"]}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("egress[0]: protocol tcp, port 443 to cidrBlocks[0] = 10.0.0.0/8", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("ingress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenRulesUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, DefaultSecurityGroup, $$"""{"vpcId":"vpc-0a1b2c3d","ingress":"{{UnknownArray}}"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDefaultSecurityGroup_WhenRemediated_ShouldEmptyBothListsAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(DefaultSecurityGroup, """
            {"vpcId":"vpc-0a1b2c3d","ingress":[{"protocol":"-1","fromPort":0,"toPort":0,"self":true}],
             "egress":[{"protocol":"-1","fromPort":0,"toPort":0,"cidrBlocks":["0.0.0.0/0"]}]}
            """);
        var configuration = PackConfiguration.Parse("""{"default-security-group-closed":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.Empty(properties["ingress"].Items);
        Assert.Empty(properties["egress"].Items);
        Assert.Equal("vpc-0a1b2c3d", properties["vpcId"].StringValue);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, resource with { Properties = properties }).Outcome);
    }
}
