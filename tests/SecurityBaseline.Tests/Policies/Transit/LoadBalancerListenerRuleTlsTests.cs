using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class LoadBalancerListenerRuleTlsTests
{
    private const string Listener = "aws:lb/listener:Listener";
    private const string ListenerRule = "aws:lb/listenerRule:ListenerRule";
    private const string HttpArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/baseline/50dc6c495c0c9188/f2f7dc8efc522ab2";
    private const string HttpsArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/baseline/50dc6c495c0c9188/0467ef3c8400ae65";
    private const string TargetGroup = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/app/0123456789abcdef";
    private readonly LoadBalancerListenerRuleTls policy = new();

    private static PulumiResource HttpListener() => Fixtures.Resource(Listener, $$$"""
        {"arn":"{{{HttpArn}}}","loadBalancerArn":"arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/baseline/50dc6c495c0c9188","port":80,"protocol":"HTTP",
         "defaultActions":[{"type":"redirect","redirect":{"protocol":"HTTPS","port":"443","statusCode":"HTTP_301"}}]}
        """, "http");

    private static PulumiResource HttpsListener() => Fixtures.Resource(Listener, $$$"""
        {"arn":"{{{HttpsArn}}}","port":443,"protocol":"HTTPS","sslPolicy":"ELBSecurityPolicy-TLS13-1-2-2021-06","defaultActions":[{"type":"forward","targetGroupArn":"{{{TargetGroup}}}"}]}
        """, "https");

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, string name) => Assert.Single(evaluations, e => e.Resource.Name == name);

    [Fact]
    public void AwsListenerRule_WhenItForwardsOnAPlainHttpListener_ShouldFail()
    {
        var listener = HttpListener();
        var rule = Fixtures.Resource(ListenerRule, $$$"""
            {"listenerArn":"{{{HttpArn}}}","priority":10,"actions":[{"type":"forward","targetGroupArn":"{{{TargetGroup}}}"}],"conditions":[{"pathPattern":{"values":["/api/*"]}}]}
            """, "api-over-http");

        var evaluation = For(Fixtures.EvaluateStack(policy, [listener, rule]), "api-over-http");

        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("actions[0].type is \"forward\" on a rule of the plain-HTTP listener \"http\"", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListenerRule_WhenItRedirectsToHttps_ShouldPass()
    {
        var rule = Fixtures.Resource(ListenerRule, $$$"""
            {"listenerArn":"{{{HttpArn}}}","priority":5,"actions":[{"type":"redirect","redirect":{"protocol":"HTTPS","host":"www.example.com","statusCode":"HTTP_301"}}],"conditions":[{"hostHeader":{"values":["example.com"]}}]}
            """, "apex-redirect");

        Assert.Equal(Outcome.Pass, For(Fixtures.EvaluateStack(policy, [HttpListener(), rule]), "apex-redirect").Outcome);
    }

    [Fact]
    public void AlbListenerRule_WhenItForwardsOnAnHttpsListenerJoinedByDependencies_ShouldPass()
    {
        var listener = HttpsListener();
        var rule = Fixtures.Resource("aws:alb/listenerRule:ListenerRule", $$$"""
            {"listenerArn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","priority":10,"actions":[{"type":"forward","targetGroupArn":"{{{TargetGroup}}}"}],"conditions":[{"pathPattern":{"values":["/api/*"]}}]}
            """, "api") with
        {
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["listenerArn"] = [listener.Urn] },
        };

        Assert.Equal(Outcome.Pass, For(Fixtures.EvaluateStack(policy, [listener, rule]), "api").Outcome);
    }

    [Fact]
    public void AwsListenerRule_WhenTheRedirectKeepsHttp_ShouldFail()
    {
        var rule = Fixtures.Resource(ListenerRule, $$$"""
            {"listenerArn":"{{{HttpArn}}}","priority":7,"actions":[{"type":"redirect","redirect":{"host":"legacy.example.com","statusCode":"HTTP_302"}}],"conditions":[{"pathPattern":{"values":["/old/*"]}}]}
            """, "legacy");

        var evaluation = For(Fixtures.EvaluateStack(policy, [HttpListener(), rule]), "legacy");

        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Contains("redirect.protocol is absent", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListenerRule_WhenItsListenerIsUnknownInAPreview_ShouldBeNotApplicable()
    {
        var rule = Fixtures.Resource(ListenerRule, $$$"""
            {"listenerArn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","priority":10,"actions":[{"type":"forward","targetGroupArn":"{{{TargetGroup}}}"}]}
            """, "pending");

        var evaluation = For(Fixtures.EvaluateStack(policy, [HttpListener(), rule]), "pending");

        Assert.Equal(Outcome.NotApplicable, evaluation.Outcome);
        Assert.Contains("pending.listenerArn", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsListenerRule_WhenItsListenerIsNotInTheStack_ShouldPass()
    {
        var rule = Fixtures.Resource(ListenerRule, $$$"""
            {"listenerArn":"arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:listener/app/shared/1/2","priority":10,"actions":[{"type":"forward","targetGroupArn":"{{{TargetGroup}}}"}]}
            """, "imported");

        Assert.Equal(Outcome.Pass, For(Fixtures.EvaluateStack(policy, [rule]), "imported").Outcome);
    }
}
