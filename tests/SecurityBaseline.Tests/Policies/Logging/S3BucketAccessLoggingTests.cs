using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class S3BucketAccessLoggingTests
{
    private readonly S3BucketAccessLogging policy = new();

    [Fact]
    public void AwsBuckets_WhenLoggedBySideResourceOrInline_ShouldPassAndFailTheRest()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data"),
            Fixtures.Resource("aws:s3/bucketLogging:BucketLogging", """{"bucket":"acme-data","targetBucket":"acme-logs","targetPrefix":"data/"}""", "data-logging"),
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-inline","logging":{"targetBucket":"acme-logs","targetPrefix":"inline/"}}""", "inline"),
            Fixtures.Resource("aws:s3/bucketV2:BucketV2", """{"bucket":"acme-legacy","loggings":[{"targetBucket":"acme-logs","targetPrefix":"legacy/"}]}""", "legacy"),
            Fixtures.Resource("aws:s3/bucketV2:BucketV2", """{"bucket":"acme-scratch"}""", "scratch"),
        ]);

        Assert.All(evaluations.Where(e => e.Resource.Name != "scratch"), e => Assert.Equal(Outcome.Pass, e.Outcome));
        var scratch = Assert.Single(evaluations, e => e.Resource.Name == "scratch");
        Assert.Equal(Outcome.Fail, scratch.Outcome);
        Assert.Contains("no inline logging", Assert.Single(scratch.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLogBucket_WhenItReceivesOtherBucketsAccessLogs_ShouldPassAsTheEndOfTheChain()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-logs"}""", "logs"),
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data"),
            Fixtures.Resource("aws:s3/bucketLogging:BucketLogging", """{"bucket":"acme-data","targetBucket":"acme-logs","targetPrefix":"data/"}""", "data-logging"),
        ]);

        Assert.All(evaluations, e => Assert.Equal(Outcome.Pass, e.Outcome));
        Assert.Equal(2, evaluations.Count);
    }

    [Fact]
    public void AwsBucket_WhenItLogsIntoItself_ShouldPassWithoutExemptingUnloggedBuckets()
    {
        // A bucket named as its own target logs (into itself); it is not exempted as somebody else's log bucket.
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-self","logging":{"targetBucket":"acme-self","targetPrefix":"self/"}}""", "self"),
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-other"}""", "other"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations, e => e.Resource.Name == "self").Outcome);
        Assert.Equal(Outcome.Fail, Assert.Single(evaluations, e => e.Resource.Name == "other").Outcome);
    }
}
