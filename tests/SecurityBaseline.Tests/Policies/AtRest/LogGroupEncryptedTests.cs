using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class LogGroupEncryptedTests
{
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private readonly LogGroupEncrypted policy = new();

    [Fact]
    public void AwsLogGroup_WhenCompanyKeySet_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, LogGroup, """{"name":"/app/orders","retentionInDays":365,"kmsKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsLogGroup_WhenKeyAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"name":"/app/orders","retentionInDays":365}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("kmsKeyId is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLogGroup_WhenKeyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"name":"/app/orders","kmsKeyId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("kmsKeyId", result.Reason, StringComparison.Ordinal);
    }
}
