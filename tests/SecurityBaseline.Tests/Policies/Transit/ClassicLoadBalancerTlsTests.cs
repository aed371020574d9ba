using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class ClassicLoadBalancerTlsTests
{
    private const string Elb = "aws:elb/loadBalancer:LoadBalancer";
    private const string LegacyElb = "aws:elasticloadbalancing/loadBalancer:LoadBalancer";
    private const string Certificate = "arn:aws:iam::123456789012:server-certificate/edge-2025";
    private readonly ClassicLoadBalancerTls policy = new();

    private static string Balancer(string listeners) =>
        $$"""{"name":"legacy-edge","availabilityZones":["eu-central-1a","eu-central-1b"],"listeners":{{listeners}},"crossZoneLoadBalancing":true}""";

    [Theory]
    [InlineData(Elb)]
    [InlineData(LegacyElb)]
    public void AwsClassicElb_WhenEveryListenerIsHttpsOrSsl_ShouldPass(string type)
    {
        var result = Fixtures.Evaluate(policy, type, Balancer($$"""
            [{"lbPort":443,"lbProtocol":"HTTPS","instancePort":8080,"instanceProtocol":"HTTP","sslCertificateId":"{{Certificate}}"},
             {"lbPort":8443,"lbProtocol":"ssl","instancePort":8443,"instanceProtocol":"SSL","sslCertificateId":"{{Certificate}}"}]
            """));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsClassicElb_WhenOneListenerIsHttp_ShouldFailNamingListenerAndPort()
    {
        var result = Fixtures.Evaluate(policy, Elb, Balancer($$"""
            [{"lbPort":443,"lbProtocol":"HTTPS","instancePort":8080,"instanceProtocol":"HTTP","sslCertificateId":"{{Certificate}}"},
             {"lbPort":80,"lbProtocol":"HTTP","instancePort":8080,"instanceProtocol":"HTTP"}]
            """));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("listeners[1].lbProtocol is \"HTTP\"", message, StringComparison.Ordinal);
        Assert.Contains("lbPort 80", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsClassicElb_WhenTcpListenerOnLegacyToken_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LegacyElb, Balancer("""[{"lbPort":5432,"lbProtocol":"TCP","instancePort":5432,"instanceProtocol":"TCP"}]"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("\"TCP\" on lbPort 5432", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsClassicElb_WhenListenersAbsent_ShouldPassAsNothingListens()
    {
        var result = Fixtures.Evaluate(policy, Elb, """{"name":"legacy-edge","availabilityZones":["eu-central-1a"]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsClassicElb_WhenLbProtocolAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Elb, Balancer("""[{"lbPort":80,"instancePort":80,"instanceProtocol":"HTTP"}]"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("listeners[0].lbProtocol is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsClassicElb_WhenOneProtocolUnknownAndAnotherHttp_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, Elb, Balancer("""
            [{"lbPort":443,"lbProtocol":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","instancePort":8080,"instanceProtocol":"HTTP"},
             {"lbPort":80,"lbProtocol":"HTTP","instancePort":8080,"instanceProtocol":"HTTP"}]
            """));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("listeners[1]", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsClassicElb_WhenProtocolUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Elb, Balancer("""[{"lbPort":443,"lbProtocol":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","instancePort":8080,"instanceProtocol":"HTTP"}]"""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("listeners[0].lbProtocol", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsClassicElb_WhenListenersUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Elb, Balancer("\"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("listeners", result.Reason, StringComparison.Ordinal);
    }
}
