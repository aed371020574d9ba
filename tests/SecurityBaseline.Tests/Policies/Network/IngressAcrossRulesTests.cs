using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class IngressAcrossRulesTests
{
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    private readonly IngressAcrossRules policy = new();

    private static PulumiResource Group(string name, string ingress = "") =>
        Fixtures.Resource(SecurityGroup, $$"""{"id":"sg-{{name}}","name":"{{name}}","vpcId":"vpc-0a1b2c3d"{{ingress}}}""", name) with { Id = $"sg-{name}" };

    private static PulumiResource Ingress(string name, string group, string cidr, int port = 22) =>
        Fixtures.Resource(IngressRule, $$"""{"securityGroupId":"{{group}}","ipProtocol":"tcp","fromPort":{{port}},"toPort":{{port}},"cidrIpv4":"{{cidr}}"}""", name);

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, string name) =>
        Assert.Single(evaluations, e => e.Resource.Name == name);

    [Fact]
    public void StandaloneRules_WhenTheyAddUpToTheInternetOnOnePort_ShouldFailEachContributor()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Group("web"), Ingress("low", "sg-web", "0.0.0.0/1"), Ingress("high", "sg-web", "128.0.0.0/1")]);
        Assert.Equal(Outcome.Fail, For(evaluations, "low").Outcome);
        Assert.Equal(Outcome.Fail, For(evaluations, "high").Outcome);
        Assert.Contains("together admit the whole IPv4 internet", Assert.Single(For(evaluations, "high").Messages), StringComparison.Ordinal);
        Assert.Equal(Outcome.Pass, For(evaluations, "web").Outcome);
    }

    [Fact]
    public void InlineAndStandaloneRules_WhenTheyAddUp_ShouldFail()
    {
        var web = Group("web", ""","ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/1"]}]""");
        var rule = Fixtures.Resource(SecurityGroupRule, """{"type":"ingress","securityGroupId":"sg-web","protocol":"tcp","fromPort":0,"toPort":65535,"cidrBlocks":["128.0.0.0/1"]}""", "rest");
        var evaluations = Fixtures.EvaluateStack(policy, [web, rule]);
        Assert.Equal(Outcome.Fail, For(evaluations, "web").Outcome);
        Assert.Equal(Outcome.Fail, For(evaluations, "rest").Outcome);
    }

    [Fact]
    public void StandaloneRules_WhenOnDifferentGroupsOrPorts_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Ingress("a", "sg-one", "0.0.0.0/1"), Ingress("b", "sg-two", "128.0.0.0/1"),
            Ingress("c", "sg-three", "0.0.0.0/1", 22), Ingress("d", "sg-three", "128.0.0.0/1", 443),
        ]);
        Assert.All(evaluations, e => Assert.Equal(Outcome.Pass, e.Outcome));
    }

    [Fact]
    public void OneResource_WhenItAddsUpOnItsOwn_ShouldBeLeftToTheResourcePolicy()
    {
        var web = Group("web", ""","ingress":[{"protocol":"tcp","fromPort":22,"toPort":22,"cidrBlocks":["0.0.0.0/1","128.0.0.0/1"]}]""");
        Assert.Equal(Outcome.Pass, For(Fixtures.EvaluateStack(policy, [web]), "web").Outcome);
    }
}
