using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class ConfigRecorderEnabledTests
{
    private readonly ConfigRecorderEnabled policy = new();

    [Fact]
    public void AwsStack_WhenRecorderPresent_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:cfg/recorder:Recorder", """{"roleArn":"arn:aws:iam::123456789012:role/config"}""", "recorder")]);
        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }

    [Fact]
    public void AwsStack_WhenNoRecorder_ShouldFailTheStack()
    {
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:ec2/vpc:Vpc", """{"cidrBlock":"10.0.0.0/16"}""", "main")]));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, finding.Level);
    }
}
