using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Network;

namespace SecurityBaseline.Tests.Policies;

public class NetworkAclNoInternetAdminPortsTests
{
    private const string Acl = "aws:ec2/networkAcl:NetworkAcl";
    private const string AclRule = "aws:ec2/networkAclRule:NetworkAclRule";
    private const string UnknownString = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private readonly NetworkAclNoInternetAdminPorts policy = new();

    private static string Entry(int ruleNo, string action, string source, int from, int to, string protocol = "tcp") =>
        $$"""{"ruleNo":{{ruleNo}},"action":"{{action}}","protocol":"{{protocol}}",{{source}},"fromPort":{{from}},"toPort":{{to}}}""";

    private static string Nacl(params string[] ingress) =>
        $$"""{"vpcId":"vpc-0a1b2c3d","subnetIds":["subnet-0a1b2c3d"],"ingress":[{{string.Join(",", ingress)}}],"egress":[{"ruleNo":100,"action":"allow","protocol":"-1","cidrBlock":"0.0.0.0/0","fromPort":0,"toPort":0}]}""";

    [Fact]
    public void Acl_WhenOnlyHttpsAndEphemeralPortsFromTheInternet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(
            Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 443, 443),
            Entry(110, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 32768, 65535),
            Entry(120, "allow", "\"cidrBlock\":\"10.0.0.0/8\"", 22, 22)));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Acl_WhenSshFromTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 22, 22)));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("22", message, StringComparison.Ordinal);
        Assert.Contains("ingress[0]", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Acl_WhenAllTrafficFromIpv6Internet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(Entry(100, "allow", "\"ipv6CidrBlock\":\"::/0\"", 0, 0, protocol: "-1")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("IPv6", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Acl_WhenLowerNumberedDenyCoversTheAllow_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(
            Entry(90, "deny", "\"cidrBlock\":\"0.0.0.0/0\"", 22, 22),
            Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 0, 65535)),
            """{"network-acl-no-internet-admin-ports":{"adminPorts":[22]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Acl_WhenEphemeralRangeIncludesRdp_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(Entry(110, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 1024, 65535)));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("3389/tcp", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Acl_WhenDenyComesAfterTheAllow_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(
            Entry(200, "deny", "\"cidrBlock\":\"0.0.0.0/0\"", 22, 22),
            Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 0, 65535)));
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void Acl_WhenHalvesAddUpOnRdp_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(
            Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/1\"", 3389, 3389),
            Entry(110, "allow", "\"cidrBlock\":\"128.0.0.0/1\"", 3000, 4000)));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("3389", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Acl_WhenADenyCarvesOutPartOfTheInternet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(
            Entry(50, "deny", "\"cidrBlock\":\"198.51.100.0/24\"", 22, 22),
            Entry(100, "allow", "\"cidrBlock\":\"0.0.0.0/0\"", 22, 22)));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Acl_WhenARuleIsUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, Acl, Nacl(Entry(100, "allow", $"\"cidrBlock\":\"{UnknownString}\"", 22, 22)));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ingress[0].cidrBlock", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AclRule_WhenInboundAllowSshFromTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, AclRule, """
            {"networkAclId":"acl-0a1b2c3d","ruleNumber":100,"egress":false,"protocol":"tcp","ruleAction":"allow","cidrBlock":"0.0.0.0/0","fromPort":22,"toPort":22}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AclRule_WhenAllProtocolsFromTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, AclRule, """
            {"networkAclId":"acl-0a1b2c3d","ruleNumber":100,"protocol":"-1","ruleAction":"allow","cidrBlock":"0.0.0.0/0"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Theory]
    [InlineData(""""egress":true,"ruleAction":"allow","cidrBlock":"0.0.0.0/0"""")]
    [InlineData(""""egress":false,"ruleAction":"deny","cidrBlock":"0.0.0.0/0"""")]
    public void AclRule_WhenEgressOrDeny_ShouldBeNotApplicable(string fields)
    {
        var result = Fixtures.Evaluate(policy, AclRule, $$"""{"networkAclId":"acl-0a1b2c3d","ruleNumber":100,"protocol":"tcp","fromPort":22,"toPort":22,"{{fields}}"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }

    [Fact]
    public void AclRule_WhenHttpsFromTheInternet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, AclRule, """
            {"networkAclId":"acl-0a1b2c3d","ruleNumber":100,"protocol":"6","ruleAction":"allow","cidrBlock":"0.0.0.0/0","fromPort":443,"toPort":443}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
