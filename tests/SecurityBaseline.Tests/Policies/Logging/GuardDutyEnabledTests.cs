using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class GuardDutyEnabledTests
{
    private readonly GuardDutyEnabled policy = new();

    [Fact]
    public void AwsStack_WhenDetectorEnabledByDefault_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:guardduty/detector:Detector", """{"findingPublishingFrequency":"FIFTEEN_MINUTES"}""", "detector")]);
        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }

    [Fact]
    public void AwsStack_WhenDetectorSuspended_ShouldFailIt()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:guardduty/detector:Detector", """{"enable":false}""", "detector")]);
        var finding = Assert.Single(evaluations);
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, finding.Level);
    }

    [Fact]
    public void AwsStack_WhenNoDetector_ShouldFailTheStack()
    {
        var finding = Assert.Single(Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data")]));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(ResourceRef.Stack, finding.Resource);
    }

    [Fact]
    public void AwsFragment_WhenTheRootStackIsNotInTheInput_ShouldReportNothing()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("aws:kms/key:Key", """{"description":"data key"}""", "data-key")]);
        Assert.Empty(evaluations);
    }
}
