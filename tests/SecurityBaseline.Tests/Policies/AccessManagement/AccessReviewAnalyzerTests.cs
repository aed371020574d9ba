using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AccessManagement;

namespace SecurityBaseline.Tests.Policies.AccessManagement;

public class AccessReviewAnalyzerTests
{
    private const string Analyzer = "aws:accessanalyzer/analyzer:Analyzer";
    private readonly AccessReviewAnalyzer policy = new();

    private static Evaluation Single(IReadOnlyList<Evaluation> evaluations) => Assert.Single(evaluations);

    [Fact]
    public void AwsStack_WhenUnusedAccessAnalyzerWithinAQuarter_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"),
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data"),
            Fixtures.Resource(Analyzer, """{"analyzerName":"unused","type":"ACCOUNT_UNUSED_ACCESS","configuration":{"unusedAccess":{"unusedAccessAge":90}}}""", "unused"),
        ]);

        Assert.Equal(Outcome.Pass, Single(evaluations).Outcome);
    }

    [Fact]
    public void AwsStack_WhenNoAnalyzer_ShouldFailTheStackAsAdvisory()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data")]);

        var finding = Single(evaluations);
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, finding.Level);
        Assert.Equal(ResourceRef.Stack, finding.Resource);
    }

    [Theory]
    [InlineData("""{"analyzerName":"external"}""", "reports external access")]
    [InlineData("""{"analyzerName":"unused","type":"ORGANIZATION_UNUSED_ACCESS","configuration":{"unusedAccess":{"unusedAccessAge":180}}}""", "unusedAccessAge is 180")]
    public void AwsAnalyzer_WhenNotAQuarterlyUnusedAccessAnalyzer_ShouldFailIt(string inputs, string fragment)
    {
        var finding = Single(Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource(Analyzer, inputs, "analyzer")]));
        Assert.Equal(Outcome.Fail, finding.Outcome);
        Assert.Contains(fragment, Assert.Single(finding.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureStack_WhenNoAwsResource_ShouldReportNothing()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"), Fixtures.Resource("azure-native:storage:StorageAccount", """{"resourceGroupName":"rg"}""", "storage")]);
        Assert.Empty(evaluations);
    }
}
