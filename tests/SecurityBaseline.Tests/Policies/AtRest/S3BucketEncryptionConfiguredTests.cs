using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class S3BucketEncryptionConfiguredTests
{
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    private const string Configuration = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    private const string ConfigurationV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    private const string PublicAccessBlock = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    private const string CompanyKey = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string RequireKms = """{"s3-bucket-encryption-configured":{"requireKms":true}}""";
    private readonly S3BucketEncryptionConfigured policy = new();

    // As a v7 stack export shows it: the provider reads S3's default SSE-S3 back into the inline block.
    private static readonly PulumiResource Orders = Fixtures.Resource(
        Bucket,
        """{"bucket":"orders-7f3a","arn":"arn:aws:s3:::orders-7f3a","serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"},"bucketKeyEnabled":false}}}""",
        "orders") with { Id = "orders-7f3a" };

    private static readonly PulumiResource Logs = Fixtures.Resource(BucketV2, """{"bucket":"logs-91c2","arn":"arn:aws:s3:::logs-91c2"}""", "logs") with { Id = "logs-91c2" };

    private static readonly PulumiResource Scratch = Fixtures.Resource(Bucket, """{"bucket":"scratch-0d41","arn":"arn:aws:s3:::scratch-0d41"}""", "scratch") with { Id = "scratch-0d41" };

    // Tied to Orders only through property dependencies: its bucket value names no resource.
    private static readonly PulumiResource OrdersEncryption = Fixtures.Resource(
        Configuration,
        $$$"""{"bucket":"renamed-outside-pulumi","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":"{{{CompanyKey}}}"},"bucketKeyEnabled":true}]}""",
        "orders-encryption") with
    {
        PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["bucket"] = [Orders.Urn] },
    };

    // Tied to Logs by its name, as a v6 program that passed a plain string would be.
    private static readonly PulumiResource LogsEncryption = Fixtures.Resource(
        ConfigurationV2,
        """{"bucket":"logs-91c2","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}]}""",
        "logs-encryption");

    // Shares the bucket name with Logs; the join must not mistake it for a bucket.
    private static readonly PulumiResource LogsPublicAccessBlock = Fixtures.Resource(
        PublicAccessBlock, """{"bucket":"logs-91c2","blockPublicAcls":true,"blockPublicPolicy":true,"ignorePublicAcls":true,"restrictPublicBuckets":true}""", "logs-pab");

    private static readonly PulumiResource[] Stack = [Orders, Logs, Scratch, OrdersEncryption, LogsEncryption, LogsPublicAccessBlock];

    private static Evaluation For(IReadOnlyList<Evaluation> evaluations, PulumiResource bucket) =>
        Assert.Single(evaluations, e => e.Resource.Urn == bucket.Urn);

    [Fact]
    public void Stack_WhenDefaultParameters_ShouldPassEveryBucketIncludingTheUnconfiguredOne()
    {
        var evaluations = Fixtures.EvaluateStack(policy, Stack);
        Assert.Equal(3, evaluations.Count);
        Assert.All(evaluations, e => Assert.Equal(Outcome.Pass, e.Outcome));
    }

    [Fact]
    public void Stack_WhenKmsRequired_ShouldJudgeEachBucketByItsEffectiveConfiguration()
    {
        var evaluations = Fixtures.EvaluateStack(policy, Stack, RequireKms);

        // The configuration resource wins over the inline AES256 the provider read back.
        Assert.Equal(Outcome.Pass, For(evaluations, Orders).Outcome);

        var logs = For(evaluations, Logs);
        Assert.Equal(Outcome.Fail, logs.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, logs.Level);
        var logsMessage = Assert.Single(logs.Messages);
        Assert.Contains("\"logs-encryption\"", logsMessage, StringComparison.Ordinal);
        Assert.Contains("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm is \"AES256\"", logsMessage, StringComparison.Ordinal);

        var scratch = For(evaluations, Scratch);
        Assert.Equal(Outcome.Fail, scratch.Outcome);
        Assert.Contains("no server-side encryption configuration", Assert.Single(scratch.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_WhenConfigurationNamesTheBucketById_ShouldJoinIt()
    {
        var byId = Fixtures.Resource(
            Configuration,
            $$$"""{"bucket":"scratch-0d41","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms:dsse","kmsMasterKeyId":"{{{CompanyKey}}}"}}]}""",
            "scratch-encryption");
        var evaluations = Fixtures.EvaluateStack(policy, [Scratch, byId], """{"s3-bucket-encryption-configured":{"requireCustomerManagedKey":true}}""");
        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }

    [Fact]
    public void Stack_WhenInlineConfigurationOnlyAndCustomerKeyRequired_ShouldFailOnTheInlinePath()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [Orders], """{"s3-bucket-encryption-configured":{"requireCustomerManagedKey":true}}""");
        var orders = Assert.Single(evaluations);
        Assert.Equal(Outcome.Fail, orders.Outcome);
        Assert.Contains("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm", Assert.Single(orders.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_WhenAConfigurationsBucketIsUnknown_ShouldLeaveUnconfiguredBucketsNotApplicable()
    {
        var pending = Fixtures.Resource(
            Configuration, """{"bucket":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms"}}]}""", "pending-encryption");
        var evaluations = Fixtures.EvaluateStack(policy, [Scratch, pending], RequireKms);
        var scratch = Assert.Single(evaluations);
        Assert.Equal(Outcome.NotApplicable, scratch.Outcome);
        Assert.Contains("pending-encryption.bucket", scratch.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_WhenParameterIsNotBoolean_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(
            () => PackConfiguration.Parse("""{"s3-bucket-encryption-configured":{"requireCustomerManagedKey":1}}""", [policy]));
        Assert.Contains("requireCustomerManagedKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_When500BucketsAnd500ConfigurationsShareOneBucketValue_ShouldGiveEachBucketOneBoundedMessage()
    {
        // A stack file can tie every configuration to every bucket (one shared `bucket` value): the messages must not grow with n.
        const int n = 500;
        var buckets = Enumerable.Range(0, n)
            .Select(i => Fixtures.Resource(Bucket, """{"bucket":"shared-7f3a","arn":"arn:aws:s3:::shared-7f3a"}""", $"bucket-{i}") with { Id = "shared-7f3a" });
        var configurations = Enumerable.Range(0, n)
            .Select(i => Fixtures.Resource(Configuration, """{"bucket":"shared-7f3a","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"AES256"}}]}""", $"encryption-{i}"));

        var evaluations = Fixtures.EvaluateStack(policy, [.. buckets, .. configurations], RequireKms);

        Assert.Equal(n, evaluations.Count);
        Assert.All(evaluations, e =>
        {
            Assert.Equal(Outcome.Fail, e.Outcome);
            var message = Assert.Single(e.Messages);
            Assert.Equal(10, message.Split("\"encryption-", StringSplitOptions.None).Length - 1);
            Assert.EndsWith($"… and {n - 10} more", message, StringComparison.Ordinal);
            Assert.True(message.Length < 3_000, $"message of {message.Length} characters");
        });
    }
}
