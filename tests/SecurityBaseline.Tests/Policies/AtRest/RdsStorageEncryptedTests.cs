using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class RdsStorageEncryptedTests
{
    private const string DbInstance = "aws:rds/instance:Instance";
    private const string Cluster = "aws:rds/cluster:Cluster";
    private const string CompanyKey = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private readonly RdsStorageEncrypted policy = new();

    [Fact]
    public void AwsDbInstance_WhenStorageEncrypted_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, DbInstance, $$$"""{"engine":"postgres","instanceClass":"db.t4g.medium","allocatedStorage":50,"storageEncrypted":true,"kmsKeyId":"{{{CompanyKey}}}","manageMasterUserPassword":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDbInstance_WhenStorageEncryptedFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DbInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","storageEncrypted":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("storageEncrypted is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDbInstance_WhenStorageEncryptedAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DbInstance, """{"engine":"mysql","instanceClass":"db.t4g.medium","allocatedStorage":20}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("storageEncrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDbInstance_WhenKeyWithoutFlag_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, DbInstance, $$$"""{"engine":"postgres","instanceClass":"db.t4g.medium","kmsKeyId":"{{{CompanyKey}}}"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsDbInstance_WhenReadReplicaWithoutKey_ShouldBeNotApplicableAsTheSourceDecides()
    {
        var result = Fixtures.Evaluate(policy, DbInstance, """{"instanceClass":"db.t4g.medium","replicateSourceDb":"orders-primary"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("\"orders-primary\"", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDbInstance_WhenReplicateSourceDbEmptyAndFlagAbsent_ShouldFail()
    {
        // The provider treats an empty replicateSourceDb as unset and creates a primary, unencrypted without the flag.
        var result = Fixtures.Evaluate(policy, DbInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","allocatedStorage":50,"replicateSourceDb":""}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("storageEncrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsDbInstance_WhenCrossRegionReplicaWithKey_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, DbInstance, $$$"""{"instanceClass":"db.t4g.medium","replicateSourceDb":"arn:aws:rds:eu-west-1:111122223333:db:orders-primary","kmsKeyId":"{{{CompanyKey}}}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsDbInstance_WhenFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, DbInstance, """{"engine":"postgres","storageEncrypted":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("storageEncrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsCluster_WhenStorageEncrypted_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Cluster, $$$"""{"engine":"aurora-postgresql","storageEncrypted":true,"kmsKeyId":"{{{CompanyKey}}}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsCluster_WhenProvisionedWithoutFlag_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Cluster, """{"engine":"aurora-postgresql","engineMode":"provisioned","serverlessv2ScalingConfiguration":{"minCapacity":0.5,"maxCapacity":4}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("storageEncrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsCluster_WhenEngineModeAbsentAndFlagAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Cluster, """{"engine":"aurora-mysql","masterUsername":"admin","manageMasterUserPassword":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsCluster_WhenServerlessV1WithoutFlag_ShouldPassAsAlwaysEncrypted()
    {
        var result = Fixtures.Evaluate(policy, Cluster, """{"engine":"aurora-postgresql","engineMode":"serverless","scalingConfiguration":{"minCapacity":2,"maxCapacity":8}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsCluster_WhenServerlessV1ExplicitlyUnencrypted_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Cluster, """{"engine":"aurora-postgresql","engineMode":"serverless","storageEncrypted":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("storageEncrypted is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsCluster_WhenEngineModeUnknownAndFlagAbsent_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Cluster, """{"engine":"aurora-postgresql","engineMode":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("engineMode", result.Reason, StringComparison.Ordinal);
    }
}
