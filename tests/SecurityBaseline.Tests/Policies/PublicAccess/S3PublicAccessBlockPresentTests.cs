using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class S3PublicAccessBlockPresentTests
{
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    private const string BucketBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string AccountBlock = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";
    private const string AllOn = "\"blockPublicAcls\":true,\"blockPublicPolicy\":true,\"ignorePublicAcls\":true,\"restrictPublicBuckets\":true";
    private readonly S3PublicAccessBlockPresent policy = new();

    private static PulumiResource NamedBucket(string name, string type = Bucket) =>
        Fixtures.Resource(type, $$"""{"bucket":"acme-{{name}}","id":"acme-{{name}}","arn":"arn:aws:s3:::acme-{{name}}"}""", name);

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, string name) =>
        Assert.Single(evaluations, e => e.Resource.Name == name);

    [Fact]
    public void AwsBuckets_WhenOnlyOneHasABlock_ShouldPassItAndFailTheOther()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            NamedBucket("scratch"),
            Fixtures.Resource(BucketBlock, $$"""{"bucket":"acme-data",{{AllOn}}}""", "data-block"),
        ]);

        Assert.Equal(Outcome.Pass, For(evaluations, "data").Outcome);
        var scratch = For(evaluations, "scratch");
        Assert.Equal(Outcome.Fail, scratch.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, scratch.Level);
        Assert.Contains("No aws:s3/bucketPublicAccessBlock", Assert.Single(scratch.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenJoinedByPropertyDependencies_ShouldPass()
    {
        var bucket = NamedBucket("logs");
        var block = Fixtures.Resource(BucketBlock, $$"""{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9",{{AllOn}}}""", "logs-block") with
        {
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["bucket"] = [bucket.Urn] },
        };

        var evaluations = Fixtures.EvaluateStack(policy, [bucket, block]);
        Assert.Equal(Outcome.Pass, For(evaluations, "logs").Outcome);
    }

    [Fact]
    public void AwsBucketV2_WhenJoinedByBucketName_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource(BucketV2, """{"bucket":"acme-audit"}""", "audit"),
            Fixtures.Resource(BucketBlock, $$"""{"bucket":"acme-audit",{{AllOn}}}""", "audit-block"),
        ]);

        Assert.Equal(Outcome.Pass, For(evaluations, "audit").Outcome);
    }

    [Fact]
    public void AwsBuckets_WhenAccountBlockHasAllFlags_ShouldPassEveryBucket()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            NamedBucket("legacy", BucketV2),
            Fixtures.Resource(AccountBlock, $$"""{"accountId":"123456789012",{{AllOn}}}""", "account-block"),
        ]);

        Assert.Equal(2, evaluations.Count);
        Assert.All(evaluations, e => Assert.Equal(Outcome.Pass, e.Outcome));
    }

    [Fact]
    public void AwsBucket_WhenAccountBlockLeavesAFlagOff_ShouldStillNeedItsOwnBlock()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            Fixtures.Resource(AccountBlock, """{"blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true}""", "account-block"),
        ]);

        Assert.Equal(Outcome.Fail, For(evaluations, "data").Outcome);
    }

    [Fact]
    public void AwsBucket_WhenItsBlockHasAFalseFlag_ShouldFailNamingTheBlockAndFlag()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            Fixtures.Resource(BucketBlock, """{"bucket":"acme-data","blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", "data-block"),
        ]);

        var message = Assert.Single(For(evaluations, "data").Messages);
        Assert.Contains("data-block", message, StringComparison.Ordinal);
        Assert.Contains("blockPublicPolicy is false", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBuckets_WhenManyWeakBlocksShareOneBucketValue_ShouldListAFewBlocksAndCountTheRest()
    {
        // n buckets with one `bucket` name and n weak blocks naming it: listing every block in every message is n² text.
        const int n = 300;
        var resources = new List<PulumiResource>();
        for (var i = 0; i < n; i++)
        {
            resources.Add(Fixtures.Resource(Bucket, """{"bucket":"acme-shared"}""", $"shared-{i}"));
            resources.Add(Fixtures.Resource(BucketBlock, """{"bucket":"acme-shared","blockPublicAcls":false,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", $"block-{i}"));
        }

        var evaluations = Fixtures.EvaluateStack(policy, resources);

        var messages = evaluations.Where(e => e.Resource.Type == Bucket).SelectMany(e => e.Messages).ToArray();
        Assert.Equal(n, messages.Length);
        Assert.All(messages, m => Assert.True(m.Length < 2_000, $"{m.Length} characters"));
        Assert.All(messages, m => Assert.Contains("block-0 has blockPublicAcls is false", m, StringComparison.Ordinal));
        Assert.All(messages, m => Assert.Contains($"and {n - 10} more", m, StringComparison.Ordinal));
    }

    [Fact]
    public void AwsBucket_WhenItsBlockFlagIsUnknown_ShouldBeNotApplicableWithReason()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            Fixtures.Resource(BucketBlock, """{"bucket":"acme-data","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""", "data-block"),
        ]);

        var data = For(evaluations, "data");
        Assert.Equal(Outcome.NotApplicable, data.Outcome);
        Assert.Contains("restrictPublicBuckets", data.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsStack_WhenNoBuckets_ShouldReportNothing()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Fixtures.Resource(AccountBlock, $$"""{{{AllOn}}}""", "account-block")]);
        Assert.Empty(evaluations);
    }

    [Fact]
    public void AwsBucket_WhenABlocksBucketIsUnknownInAPreview_ShouldBeNotApplicableNotFailed()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("new-data"),
            Fixtures.Resource(BucketBlock, $$"""{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9",{{AllOn}}}""", "new-data-block"),
        ]);

        var bucket = For(evaluations, "new-data");
        Assert.Equal(Outcome.NotApplicable, bucket.Outcome);
        Assert.Contains("new-data-block.bucket", bucket.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsBucket_WhenAnotherBlocksBucketIsUnknownButItsOwnBlockIsWeak_ShouldStillFail()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            NamedBucket("data"),
            Fixtures.Resource(BucketBlock, """{"bucket":"acme-data","blockPublicAcls":true,"blockPublicPolicy":false,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", "data-block"),
            Fixtures.Resource(BucketBlock, $$"""{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9",{{AllOn}}}""", "other-block"),
        ]);

        Assert.Equal(Outcome.Fail, For(evaluations, "data").Outcome);
    }
}
