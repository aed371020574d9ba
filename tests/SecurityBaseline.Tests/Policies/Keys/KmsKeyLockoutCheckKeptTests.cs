using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

public class KmsKeyLockoutCheckKeptTests
{
    private const string KmsKey = "aws:kms/key:Key";
    private const string KmsKeyPolicy = "aws:kms/keyPolicy:KeyPolicy";
    private readonly KmsKeyLockoutCheckKept policy = new();

    [Fact]
    public void AwsKey_WhenSafetyCheckKept_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key","bypassPolicyLockoutSafetyCheck":false,"enableKeyRotation":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenSafetyCheckBypassed_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key","bypassPolicyLockoutSafetyCheck":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("bypassPolicyLockoutSafetyCheck", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenSafetyCheckAbsent_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void AwsKeyPolicy_WhenSafetyCheckBypassed_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","policy":"{}","bypassPolicyLockoutSafetyCheck":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsKeyPolicy_WhenSafetyCheckKept_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","policy":"{}"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKeyPolicy_WhenSafetyCheckUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """{"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","bypassPolicyLockoutSafetyCheck":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("bypassPolicyLockoutSafetyCheck", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenDisabledByConfig_ShouldNotBeEvaluated()
    {
        var configuration = PackConfiguration.Parse("""{"kms-key-lockout-check-kept":"disabled"}""", [policy]);
        var evaluations = new PolicyEngine([policy], configuration).AnalyzeResource(Fixtures.Resource(KmsKey, """{"bypassPolicyLockoutSafetyCheck":true}"""));
        Assert.Empty(evaluations);
    }

    [Fact]
    public void Configuration_WhenLevelIsInvalid_ShouldBeRejected()
    {
        var problem = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"kms-key-lockout-check-kept":"strict"}""", [policy]));
        Assert.Contains("kms-key-lockout-check-kept", problem.Message, StringComparison.Ordinal);
    }
}
