using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

public class KmsKeyPolicyNotPublicTests
{
    private const string KmsKey = "aws:kms/key:Key";
    private const string KmsKeyPolicy = "aws:kms/keyPolicy:KeyPolicy";
    private readonly KmsKeyPolicyNotPublic policy = new();

    [Fact]
    public void AwsKey_WhenPolicyGrantsOnlyAccountRoot_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"description":"data key","enableKeyRotation":true,
             "policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EnableRoot\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenPolicyAllowsEveryoneWithoutCondition_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EnableRoot\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Sid\":\"OpenDecrypt\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"kms:Decrypt\",\"kms:DescribeKey\"],\"Resource\":\"*\"}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("policy statement \"OpenDecrypt\"", message, StringComparison.Ordinal);
        Assert.Contains("kms:Decrypt", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenPolicyObjectAllowsAwsStarInPrincipalList_ShouldFailNamingTheStatementIndex()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"policy":{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/app","*"]},"Action":"kms:*","Resource":"*"}}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("policy statement 0", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenEveryoneIsLimitedByCondition_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OrgOnly\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenEveryoneHasAnEmptyCondition_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"policy":{"Statement":[{"Sid":"Hollow","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Encrypt","Resource":"*","Condition":{}}]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("\"Hollow\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenEveryoneIsDenied_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """
            {"policy":{"Statement":[{"Sid":"DenyOutsideVpce","Effect":"Deny","Principal":"*","Action":"kms:*","Resource":"*"}]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenPolicyAbsent_ShouldPassAsTheDefaultKeyPolicy()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"description":"data key","deletionWindowInDays":30}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Empty(result.Messages);
    }

    [Fact]
    public void AwsKeyPolicy_WhenAllowsEveryone_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """
            {"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("kms:*", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKeyPolicy_WhenScopedToARole_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """
            {"keyId":"1234abcd-12ab-34cd-56ef-1234567890ab","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:role/app\"},\"Action\":[\"kms:Encrypt\",\"kms:Decrypt\"],\"Resource\":\"*\"}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKeyPolicy_WhenPolicyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, KmsKeyPolicy, """{"keyId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","policy":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("policy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenPolicyIsNotJson_ShouldFailClosedNamingTheProperty()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"policy":"{\"Statement\": [ "}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("at policy", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenSecretPolicyAllowsEveryone_ShouldFailWithoutPrintingItsContent()
    {
        // A policy document built from a secret output stays secret: its Sid and actions are its content.
        var document = """{"Version":"2012-10-17","Statement":[{"Sid":"ShareWithPartnerXyz","Effect":"Allow","Principal":"*","Action":"kms:ReEncryptFrom","Resource":"*"}]}""";
        var result = Fixtures.Evaluate(policy, KmsKey, $$$"""{"description":"data key","policy":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":{{{System.Text.Json.JsonSerializer.Serialize(document)}}}}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("statement 0", message, StringComparison.Ordinal);
        Assert.DoesNotContain("ShareWithPartnerXyz", message, StringComparison.Ordinal);
        Assert.DoesNotContain("kms:ReEncryptFrom", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenConfiguredAdvisory_ShouldFailWithoutBlocking()
    {
        var result = Fixtures.Evaluate(policy, KmsKey, """{"policy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}]}}""", """{"kms-key-policy-not-public":"advisory"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.False(result.Blocks);
    }

    [Fact]
    public void Configuration_WhenPolicyGetsAParameter_ShouldBeRejected()
    {
        var problem = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"kms-key-policy-not-public":{"allowedPrincipals":["*"]}}""", [policy]));
        Assert.Contains("allowedPrincipals", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsKey_WhenEveryoneIsLimitedToTheAccountThroughAService_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:kms/key:Key", """
            {"description":"ebs key","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"EbsInAccount\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":[\"kms:Decrypt\",\"kms:GenerateDataKey*\"],\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"kms:CallerAccount\":\"123456789012\",\"kms:ViaService\":\"ec2.ap-northeast-1.amazonaws.com\"}}}]}"}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsKey_WhenEveryoneIsAllowedWithOnlyATransportCondition_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:kms/key:Key", """
            {"description":"open key","policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\",\"Resource\":\"*\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }
}
