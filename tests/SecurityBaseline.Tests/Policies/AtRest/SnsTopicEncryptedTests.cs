using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class SnsTopicEncryptedTests
{
    private const string Topic = "aws:sns/topic:Topic";
    private readonly SnsTopicEncrypted policy = new();

    [Fact]
    public void AwsTopic_WhenCompanyKeySet_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Topic, """{"name":"security-alerts","kmsMasterKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsTopic_WhenKeyAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Topic, """{"name":"security-alerts","displayName":"Security alerts"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("kmsMasterKeyId is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTopic_WhenKeyEmpty_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Topic, """{"name":"security-alerts","kmsMasterKeyId":""}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("kmsMasterKeyId is \"\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTopic_WhenKeyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Topic, """{"name":"security-alerts","kmsMasterKeyId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("kmsMasterKeyId", result.Reason, StringComparison.Ordinal);
    }
}
