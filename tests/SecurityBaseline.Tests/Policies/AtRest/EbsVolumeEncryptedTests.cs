using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class EbsVolumeEncryptedTests
{
    private const string Volume = "aws:ebs/volume:Volume";
    private readonly EbsVolumeEncrypted policy = new();

    [Fact]
    public void AwsVolume_WhenEncryptedWithCompanyKey_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, Volume, """{"availabilityZone":"eu-central-1a","size":100,"type":"gp3","encrypted":true,"kmsKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsVolume_WhenEncryptedFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Volume, """{"availabilityZone":"eu-central-1a","size":100,"encrypted":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("encrypted is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenEncryptedAbsent_ShouldLeaveTheVerdictToTheStackPolicy()
    {
        var result = Fixtures.Evaluate(policy, Volume, """{"availabilityZone":"eu-central-1a","size":100,"type":"gp3"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ebs-volume-default-encryption", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenRestoredFromSnapshotWithEncryptionOff_ShouldFailNamingTheSnapshot()
    {
        var result = Fixtures.Evaluate(policy, Volume, """{"availabilityZone":"eu-central-1a","snapshotId":"snap-0a1b2c3d4e5f67890","encrypted":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("snap-0a1b2c3d4e5f67890", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenEncryptedUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Volume, """{"availabilityZone":"eu-central-1a","encrypted":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("encrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenRemediated_ShouldTurnEncryptionOnAndKeepEveryOtherProperty()
    {
        var resource = Fixtures.Resource(Volume, """{"availabilityZone":"eu-central-1a","size":100,"type":"gp3","tags":{"team":"orders"}}""");
        var configuration = PackConfiguration.Parse("""{"ebs-volume-encrypted":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.True(properties["encrypted"].BoolValue);
        Assert.Equal(resource.Properties.Count + 1, properties.Count);
        Assert.Equal("eu-central-1a", properties["availabilityZone"].StringValue);
        Assert.Equal(100, properties["size"].NumberValue);
        Assert.Equal("orders", properties["tags"]["team"]!.StringValue);
    }

    [Fact]
    public void AwsVolume_WhenAlreadyEncrypted_ShouldNotRemediate()
    {
        var resource = Fixtures.Resource(Volume, """{"availabilityZone":"eu-central-1a","encrypted":true}""");
        var configuration = PackConfiguration.Parse("""{"ebs-volume-encrypted":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }
}
