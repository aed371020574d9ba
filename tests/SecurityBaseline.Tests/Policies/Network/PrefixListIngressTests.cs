using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class PrefixListIngressTests
{
    private const string PrefixList = "aws:ec2/managedPrefixList:ManagedPrefixList";
    private const string PrefixListEntry = "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry";
    private const string SecurityGroup = "aws:ec2/securityGroup:SecurityGroup";
    private const string SecurityGroupRule = "aws:ec2/securityGroupRule:SecurityGroupRule";
    private const string IngressRule = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";

    private readonly PrefixListIngress policy = new();

    private static PulumiResource List(string name, string id, params string[] cidrs) =>
        Fixtures.Resource(PrefixList, $$"""{"id":"{{id}}","name":"{{name}}","addressFamily":"IPv4","maxEntries":10,"entries":[{{string.Join(",", cidrs.Select(c => $$"""{"cidr":"{{c}}"}"""))}}]}""", name) with { Id = id };

    private static PulumiResource Group(string name, string prefixListId, int port = 22) =>
        Fixtures.Resource(SecurityGroup, $$"""{"id":"sg-{{name}}","vpcId":"vpc-0a1b2c3d","ingress":[{"protocol":"tcp","fromPort":{{port}},"toPort":{{port}},"prefixListIds":["{{prefixListId}}"]}]}""", name);

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, string name) =>
        Assert.Single(evaluations, e => e.Resource.Name == name);

    [Fact]
    public void SecurityGroup_WhenPrefixListEntriesAddUpToTheInternet_ShouldFail()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [List("halves", "pl-0a1b2c3d4e5f60001", "0.0.0.0/1", "128.0.0.0/1"), Group("web", "pl-0a1b2c3d4e5f60001")]);
        var web = For(evaluations, "web");
        Assert.Equal(Outcome.Fail, web.Outcome);
        Assert.Contains("together admit the whole IPv4 internet", string.Join("\n", web.Messages), StringComparison.Ordinal);
        Assert.Contains("ingress[0]: prefixListIds[0]", string.Join("\n", web.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityGroup_WhenPrefixListHasAnEntryResourceOutsideTheAllowlist_ShouldFail()
    {
        var entry = Fixtures.Resource(PrefixListEntry, """{"prefixListId":"pl-0a1b2c3d4e5f60002","cidr":"198.51.100.0/24","description":"partner"}""", "partner");
        var evaluations = Fixtures.EvaluateStack(policy, [List("corp", "pl-0a1b2c3d4e5f60002", "10.0.0.0/8"), entry, Group("app", "pl-0a1b2c3d4e5f60002", 443)]);
        var app = For(evaluations, "app");
        Assert.Equal(Outcome.Fail, app.Outcome);
        Assert.Contains("198.51.100.0/24", Assert.Single(app.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityGroup_WhenPrefixListIsInsideTheAllowlist_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [List("corp", "pl-0a1b2c3d4e5f60003", "10.0.0.0/8", "192.168.0.0/16"), Group("app", "pl-0a1b2c3d4e5f60003")]);
        Assert.Equal(Outcome.Pass, For(evaluations, "app").Outcome);
    }

    [Fact]
    public void IngressRule_WhenPrefixListIsNotInTheStack_ShouldPassAsToday()
    {
        var rule = Fixtures.Resource(IngressRule, """{"securityGroupId":"sg-0a1b2c3d","ipProtocol":"tcp","fromPort":443,"toPort":443,"prefixListId":"pl-02cd2c6b"}""", "s3");
        Assert.Equal(Outcome.Pass, For(Fixtures.EvaluateStack(policy, [rule]), "s3").Outcome);
    }

    [Fact]
    public void IngressRule_WhenJoinedByPropertyDependency_ShouldFail()
    {
        var list = List("open", "pl-0a1b2c3d4e5f60004", "0.0.0.0/0");
        var rule = Fixtures.Resource(IngressRule, """{"securityGroupId":"sg-0a1b2c3d","ipProtocol":"tcp","fromPort":22,"toPort":22,"prefixListId":"pl-renamed"}""", "ssh") with
        {
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["prefixListId"] = [list.Urn] },
        };
        var ssh = For(Fixtures.EvaluateStack(policy, [list, rule]), "ssh");
        Assert.Equal(Outcome.Fail, ssh.Outcome);
        Assert.Contains("0.0.0.0/0", string.Join("\n", ssh.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void SecurityGroupRule_WhenEgress_ShouldNotBeJudged()
    {
        var rule = Fixtures.Resource(SecurityGroupRule, """{"type":"egress","securityGroupId":"sg-0a1b2c3d","protocol":"-1","fromPort":0,"toPort":0,"prefixListIds":["pl-0a1b2c3d4e5f60005"]}""", "out");
        var evaluations = Fixtures.EvaluateStack(policy, [List("open", "pl-0a1b2c3d4e5f60005", "0.0.0.0/0"), rule]);
        Assert.NotEqual(Outcome.Fail, For(evaluations, "out").Outcome);
    }
}
