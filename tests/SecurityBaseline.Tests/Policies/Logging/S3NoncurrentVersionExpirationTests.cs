using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class S3NoncurrentVersionExpirationTests
{
    private readonly S3NoncurrentVersionExpiration policy = new();

    [Fact]
    public void AwsBuckets_WhenVersionedWithAndWithoutExpiry_ShouldPassOneAndAdviseOnTheOther()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-data"}""", "data"),
            Fixtures.Resource("aws:s3/bucketVersioning:BucketVersioning", """{"bucket":"acme-data","versioningConfiguration":{"status":"Enabled"}}""", "data-versioning"),
            Fixtures.Resource("aws:s3/bucketLifecycleConfiguration:BucketLifecycleConfiguration", """{"bucket":"acme-data","rules":[{"id":"old","status":"Enabled","filter":{},"noncurrentVersionExpiration":{"noncurrentDays":30}}]}""", "data-lifecycle"),
            Fixtures.Resource("aws:s3/bucketV2:BucketV2", """{"bucket":"acme-legacy","versionings":[{"enabled":true}]}""", "legacy"),
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-plain"}""", "plain"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations, e => e.Resource.Name == "data").Outcome);
        Assert.Equal(Outcome.Pass, Assert.Single(evaluations, e => e.Resource.Name == "plain").Outcome);
        var legacy = Assert.Single(evaluations, e => e.Resource.Name == "legacy");
        Assert.Equal(Outcome.Fail, legacy.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, legacy.Level);
    }

    [Fact]
    public void AwsBucket_WhenObjectLockAndInlineRuleExpires_ShouldPass()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            Fixtures.Resource("aws:s3/bucket:Bucket", """{"bucket":"acme-audit","objectLockEnabled":true,"lifecycleRules":[{"enabled":true,"noncurrentVersionExpiration":{"days":365}}]}""", "audit"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }
}
