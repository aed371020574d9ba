using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class EfsEncryptedTests
{
    private const string FileSystem = "aws:efs/fileSystem:FileSystem";
    private readonly EfsEncrypted policy = new();

    [Fact]
    public void AwsFileSystem_WhenEncrypted_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, FileSystem, """{"creationToken":"shared-media","encrypted":true,"kmsKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","performanceMode":"generalPurpose"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsFileSystem_WhenEncryptedFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, FileSystem, """{"creationToken":"shared-media","encrypted":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("encrypted is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsFileSystem_WhenEncryptedAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, FileSystem, """{"creationToken":"shared-media","performanceMode":"generalPurpose"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsFileSystem_WhenEncryptedUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, FileSystem, """{"creationToken":"shared-media","encrypted":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("encrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsFileSystem_WhenRemediated_ShouldTurnEncryptionOnAndKeepEveryOtherProperty()
    {
        var resource = Fixtures.Resource(
            FileSystem, """{"creationToken":"shared-media","encrypted":false,"lifecyclePolicies":[{"transitionToIa":"AFTER_30_DAYS"}],"tags":{"team":"media"}}""");
        var configuration = PackConfiguration.Parse("""{"efs-encrypted":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.True(properties["encrypted"].BoolValue);
        Assert.Equal(resource.Properties.Count, properties.Count);
        Assert.Equal("shared-media", properties["creationToken"].StringValue);
        Assert.Equal("AFTER_30_DAYS", properties["lifecyclePolicies"].Items[0]["transitionToIa"]!.StringValue);
    }
}
