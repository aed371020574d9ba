using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

public class KmsKeyRotationTests
{
    private const string KmsKey = "aws:kms/key:Key";
    private readonly KmsKeyRotation policy = new();

    [Fact]
    public void AwsKey_WhenRotationEnabled_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key","enableKeyRotation":true,"deletionWindowInDays":30}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenRotationAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("enableKeyRotation", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenAsymmetric_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"customerMasterKeySpec":"RSA_2048","keyUsage":"SIGN_VERIFY"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("RSA_2048", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenInCustomKeyStore_ShouldBeNotApplicable()
    {
        // KMS refuses automatic rotation for keys in a CloudHSM or external key store: enableKeyRotation true would fail the deployment.
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"hsm-backed data key","customKeyStoreId":"cks-1234567890abcdef0","deletionWindowInDays":30}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("customKeyStoreId", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenInCustomKeyStore_ShouldNotBeRemediated()
    {
        var resource = Fixtures.Resource(KmsKey, """{"description":"hsm-backed data key","customKeyStoreId":"cks-1234567890abcdef0"}""");
        var configuration = PackConfiguration.Parse("""{"kms-key-rotation-enabled":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }

    [Fact]
    public void AwsKey_WhenRotationUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"enableKeyRotation":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("enableKeyRotation", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenRemediated_ShouldTurnRotationOnAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(KmsKey, """{"description":"data key","policy":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"{}"}}""");
        var configuration = PackConfiguration.Parse("""{"kms-key-rotation-enabled":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.True(properties["enableKeyRotation"].BoolValue);
        Assert.True(properties["policy"].IsSecret);
        Assert.Equal("data key", properties["description"].StringValue);
    }
}
