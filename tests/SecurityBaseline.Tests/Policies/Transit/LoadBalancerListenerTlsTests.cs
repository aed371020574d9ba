using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class LoadBalancerListenerTlsTests
{
    private const string LbListener = "aws:lb/listener:Listener";
    private const string AlbListener = "aws:alb/listener:Listener";
    private const string LegacyListener = "aws:elasticloadbalancingv2/listener:Listener";
    private const string LegacyAlbListener = "aws:applicationloadbalancing/listener:Listener";
    private const string LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/edge/50dc6c495c0c9188";
    private const string TargetGroupArn = "arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/web/73e2d6bc24d8a067";
    private readonly LoadBalancerListenerTls policy = new();

    [Theory]
    [InlineData(LbListener)]
    [InlineData(AlbListener)]
    [InlineData(LegacyListener)]
    [InlineData(LegacyAlbListener)]
    public void AwsListener_WhenHttps_ShouldPass(string type)
    {
        var result = Fixtures.Evaluate(policy, type, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":443,"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06",
             "certificateArn":"arn:aws:acm:eu-central-1:123456789012:certificate/4f1e2d3c","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("TLS")]
    [InlineData("QUIC")]
    public void AwsListener_WhenNetworkListenerEncrypts_ShouldPass(string protocol)
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":443,"protocol":"{{protocol}}","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsListener_WhenHttpOnlyRedirectsToHttps_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP",
             "defaultActions":[{"type":"redirect","redirect":{"port":"443","protocol":"HTTPS","statusCode":"HTTP_301"} }]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsListener_WhenHttpForwardsToTargets_ShouldFailNamingTheAction()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("defaultActions[0].type is \"forward\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenOneOfTwoRedirectsStaysOnHttp_ShouldFailNamingThatRedirect()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":[
              {"type":"redirect","order":1,"redirect":{"protocol":"HTTPS","port":"443","statusCode":"HTTP_301"} },
              {"type":"redirect","order":2,"redirect":{"protocol":"HTTP","host":"legacy.example.com","statusCode":"HTTP_302"} }]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("defaultActions[1].redirect.protocol is \"HTTP\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenRedirectProtocolAbsent_ShouldFailBecauseItKeepsHttp()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":[{"type":"redirect","redirect":{"host":"www.example.com","statusCode":"HTTP_301"} }]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("#{protocol}", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenProtocolAbsent_ShouldTreatItAsHttpAndFail()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":8080,"defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("absent (HTTP by default)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenHttpHasNoDefaultActions_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""{"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":[]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no defaultActions", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TCP")]
    [InlineData("UDP")]
    [InlineData("TCP_UDP")]
    [InlineData("TCP_QUIC")]
    public void AwsListener_WhenLayer4PlaintextOnUnlistedPort_ShouldFailNamingThePort(string protocol)
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":5432,"protocol":"{{protocol}}","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains($"protocol \"{protocol}\" on port 5432", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenTcpPortIsConfiguredAsTlsPassthrough_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":443,"protocol":"TCP","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """, """{"load-balancer-listener-tls":{"plaintextPassthroughPorts":[443, 8443]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsListener_WhenTcpPassthroughListsAnotherPort_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"TCP","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """, """{"load-balancer-listener-tls":{"plaintextPassthroughPorts":[443]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("port 80", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\"protocol\":\"GENEVE\",\"port\":6081,")]
    public void AwsListener_WhenGatewayLoadBalancerListener_ShouldBeNotApplicableAsGeneveNeverCarriesTls(string protocol)
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""{"loadBalancerArn":"{{LoadBalancerArn}}",{{protocol}}"defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("Gateway Load Balancer", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenProtocolIsSecret_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":9000,"protocol":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"TCP"},
             "defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TCP", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenProtocolUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":443,"protocol":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("protocol", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenOneActionUnknownAndAnotherForwards_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":[
              {"type":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"},{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("defaultActions[1].type", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("defaultActions[0].type", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenDefaultActionsUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":80,"protocol":"HTTP","defaultActions":"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("defaultActions", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenPortUnknownOnTcp_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, LbListener, $$"""
            {"loadBalancerArn":"{{LoadBalancerArn}}","port":"3eeb2bf0-c639-47a8-9e75-3b44932eb421","protocol":"TCP","defaultActions":[{"type":"forward","targetGroupArn":"{{TargetGroupArn}}"}]}
            """, """{"load-balancer-listener-tls":{"plaintextPassthroughPorts":[443]}}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("port", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"load-balancer-listener-tls":{"plaintextPassthroughPorts":["443"]}}""")]
    [InlineData("""{"load-balancer-listener-tls":{"plaintextPassthroughPorts":[70000]}}""")]
    [InlineData("""{"load-balancer-listener-tls":{"plaintextPassthroughPorts":443}}""")]
    public void Config_WhenPassthroughPortsInvalid_ShouldBeRejected(string config)
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse(config, [policy]));
        Assert.Contains("plaintextPassthroughPorts", error.Message, StringComparison.Ordinal);
    }
}
