using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class SqsQueueEncryptedTests
{
    private const string Queue = "aws:sqs/queue:Queue";
    private readonly SqsQueueEncrypted policy = new();

    [Fact]
    public void AwsQueue_WhenCompanyKeySet_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, Queue, """{"name":"orders-events","kmsMasterKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab","kmsDataKeyReusePeriodSeconds":300}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsQueue_WhenSqsManagedSseOn_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Queue, """{"name":"orders-events","sqsManagedSseEnabled":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsQueue_WhenEncryptionSettingsAbsent_ShouldPassAsSseSqsIsTheDefault()
    {
        var result = Fixtures.Evaluate(policy, Queue, """{"name":"orders-events","visibilityTimeoutSeconds":60}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsQueue_WhenSqsManagedSseOffWithoutKey_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Queue, """{"name":"orders-events","sqsManagedSseEnabled":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("sqsManagedSseEnabled is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsQueue_WhenKeyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Queue, """{"name":"orders-events","kmsMasterKeyId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","sqsManagedSseEnabled":false}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("kmsMasterKeyId", result.Reason, StringComparison.Ordinal);
    }
}
