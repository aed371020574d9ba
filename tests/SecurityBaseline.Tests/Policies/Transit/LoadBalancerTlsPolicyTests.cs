using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class LoadBalancerTlsPolicyTests
{
    private const string LbListener = "aws:lb/listener:Listener";
    private const string AlbListener = "aws:alb/listener:Listener";
    private const string LegacyListener = "aws:elasticloadbalancingv2/listener:Listener";
    private const string Certificate = "arn:aws:acm:eu-central-1:123456789012:certificate/4f1e2d3c";
    private const string Forward = """[{"type":"forward","targetGroupArn":"arn:aws:elasticloadbalancing:eu-central-1:123456789012:targetgroup/web/73e2d6bc24d8a067"}]""";
    private readonly LoadBalancerTlsPolicy policy = new();

    private static string Listener(string protocol, string? sslPolicy) =>
        $$"""
        {"loadBalancerArn":"arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/edge/50dc6c495c0c9188","port":443,
         "protocol":"{{protocol}}","certificateArn":"{{Certificate}}",{{(sslPolicy is null ? string.Empty : $"\"sslPolicy\":{sslPolicy},")}}"defaultActions":{{Forward}}}
        """;

    [Theory]
    [InlineData(AlbListener, "HTTPS", "ELBSecurityPolicy-TLS13-1-2-2021-06")]
    [InlineData(LbListener, "TLS", "ELBSecurityPolicy-TLS13-1-3-2021-06")]
    [InlineData(LegacyListener, "HTTPS", "ELBSecurityPolicy-FS-1-2-Res-2020-10")]
    public void AwsListener_WhenTlsPolicyIsModern_ShouldPass(string type, string protocol, string sslPolicy)
    {
        var result = Fixtures.Evaluate(policy, type, Listener(protocol, $"\"{sslPolicy}\""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsListener_WhenTlsPolicyAllowsTls10_ShouldFailNamingThePolicy()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", "\"ELBSecurityPolicy-2016-08\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("sslPolicy \"ELBSecurityPolicy-2016-08\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenTlsPolicyAbsent_ShouldFailBecauseTheDefaultIsOld()
    {
        var result = Fixtures.Evaluate(policy, LbListener, Listener("TLS", null));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("sslPolicy is absent", message, StringComparison.Ordinal);
        Assert.Contains("ELBSecurityPolicy-2016-08", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenSecretProtocolLacksTlsPolicy_ShouldFailWithoutPrintingTheProtocol()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", null).Replace("\"protocol\":\"HTTPS\"", "\"protocol\":{\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\",\"value\":\"HTTPS\"}", StringComparison.Ordinal));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("protocol [secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("HTTPS", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("HTTP")]
    [InlineData("TCP")]
    public void AwsListener_WhenNoTlsIsTerminated_ShouldBeNotApplicable(string protocol)
    {
        var result = Fixtures.Evaluate(policy, LbListener, Listener(protocol, null));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains(protocol, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenProtocolAbsent_ShouldBeNotApplicableAsHttp()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, $$"""{"loadBalancerArn":"arn:aws:elasticloadbalancing:eu-central-1:123456789012:loadbalancer/app/edge/50dc6c495c0c9188","port":80,"defaultActions":{{Forward}}}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("HTTP by default", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenTlsPolicyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", "\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("sslPolicy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenConfiguredAllowListIsStricter_ShouldFailOutsideIt()
    {
        const string config = """{"load-balancer-tls-policy":{"allowedSslPolicies":["ELBSecurityPolicy-TLS13-1-3-2021-06"]}}""";

        var tls12 = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", "\"ELBSecurityPolicy-TLS13-1-2-2021-06\""), config);
        var tls13 = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", "\"ELBSecurityPolicy-TLS13-1-3-2021-06\""), config);

        Assert.Equal(Outcome.Fail, tls12.Outcome);
        Assert.Equal(Outcome.Pass, tls13.Outcome);
    }

    [Theory]
    [InlineData("""{"load-balancer-tls-policy":{"allowedSslPolicies":"ELBSecurityPolicy-TLS13-1-2-2021-06"}}""")]
    [InlineData("""{"load-balancer-tls-policy":{"allowedSslPolicies":[]}}""")]
    [InlineData("""{"load-balancer-tls-policy":{"allowedSslPolicies":[""]}}""")]
    public void Config_WhenAllowedPoliciesInvalid_ShouldBeRejected(string config)
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse(config, [policy]));
        Assert.Contains("allowedSslPolicies", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09")]
    [InlineData("ELBSecurityPolicy-TLS13-1-3-FIPS-PQ-2025-09")]
    [InlineData("ELBSecurityPolicy-TLS13-1-2-Ext2-PQ-2025-09")]
    public void AwsListener_WhenPolicyIsAPostQuantumTls12Policy_ShouldPass(string sslPolicy)
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", $"\"{sslPolicy}\""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsListener_WhenPolicyIsOnlyUnknownToTheList_ShouldFailWithoutClaimingItIsWeak()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("HTTPS", "\"ELBSecurityPolicy-TLS13-1-2-2027-01\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("does not know which TLS versions it negotiates", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS 1.0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListener_WhenPolicyIsKnownToAcceptTls10_ShouldSaySo()
    {
        var result = Fixtures.Evaluate(policy, AlbListener, Listener("TLS", "\"ELBSecurityPolicy-TLS13-1-0-2021-06\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("it accepts TLS 1.0 or 1.1", Assert.Single(result.Messages), StringComparison.Ordinal);
    }
}
