using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class S3BucketEncryptionTests
{
    private const string Bucket = "aws:s3/bucket:Bucket";
    private const string BucketV2 = "aws:s3/bucketV2:BucketV2";
    private const string Configuration = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    private const string ConfigurationV2 = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";
    private const string CompanyKey = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string RequireKms = """{"s3-bucket-encryption":{"requireKms":true}}""";
    private const string RequireCustomerKey = """{"s3-bucket-encryption":{"requireCustomerManagedKey":true}}""";
    private readonly S3BucketEncryption policy = new();

    private static string ByDefault(string algorithm, string? key) =>
        key is null ? $$"""{"sseAlgorithm":"{{algorithm}}"}""" : $$"""{"sseAlgorithm":"{{algorithm}}","kmsMasterKeyId":"{{key}}"}""";

    private static string V7Inline(string algorithm, string? key = null) =>
        """{"bucket":"orders-archive","serverSideEncryptionConfiguration":{"rule":{"applyServerSideEncryptionByDefault":"""
        + ByDefault(algorithm, key) + ""","bucketKeyEnabled":true}}}""";

    private static string V6List(string algorithm, string? key = null) =>
        """{"bucket":"orders-archive","serverSideEncryptionConfigurations":[{"rules":[{"applyServerSideEncryptionByDefaults":["""
        + ByDefault(algorithm, key) + "]}]}]}";

    [Fact]
    public void V7Bucket_WhenKmsWithCompanyKey_ShouldPassEvenWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(policy, Bucket, V7Inline("aws:kms", CompanyKey), RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void V7Bucket_WhenAes256ByDefaultParameters_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Bucket, V7Inline("AES256"));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void V7Bucket_WhenAes256AndKmsRequired_ShouldFailNamingThePath()
    {
        var result = Fixtures.Evaluate(policy, Bucket, V7Inline("AES256"), RequireKms);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault.sseAlgorithm is \"AES256\"", message, StringComparison.Ordinal);
        Assert.Contains("requireKms", message, StringComparison.Ordinal);
    }

    [Fact]
    public void V7Bucket_WhenAlgorithmInvalid_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Bucket, V7Inline("aws:fsx"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("\"aws:fsx\", not one of AES256, aws:kms, aws:kms:dsse", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void V6BucketV2_WhenAes256AndKmsRequired_ShouldFailWithListIndexes()
    {
        var result = Fixtures.Evaluate(policy, BucketV2, V6List("AES256"), RequireKms);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(
            "serverSideEncryptionConfigurations[0].rules[0].applyServerSideEncryptionByDefaults[0].sseAlgorithm",
            Assert.Single(result.Messages),
            StringComparison.Ordinal);
    }

    [Fact]
    public void V6BucketV2_WhenKmsWithCompanyKey_ShouldPassWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(policy, BucketV2, V6List("aws:kms", CompanyKey), RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void V7Bucket_WhenStateCarriesTheV6ListShape_ShouldStillBeRead()
    {
        // A v6 BucketV2 aliased to the v7 token keeps its list-shaped state until the next update.
        var result = Fixtures.Evaluate(policy, Bucket, V6List("AES256"), RequireKms);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void V7Bucket_WhenRuleHasNoDefaultAndKmsRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Bucket, """{"serverSideEncryptionConfiguration":{"rule":{"bucketKeyEnabled":true}}}""", RequireKms);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("serverSideEncryptionConfiguration.rule sets no sseAlgorithm", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Bucket_WhenNoInlineConfiguration_ShouldBeNotApplicablePointingAtTheStackPolicy()
    {
        var result = Fixtures.Evaluate(policy, Bucket, """{"bucket":"orders-archive","forceDestroy":false}""", RequireKms);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("s3-bucket-encryption-configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenAwsManagedAliasAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy,
            Configuration,
            """{"bucket":"orders-archive","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":"arn:aws:kms:eu-central-1:111122223333:alias/aws/s3"}}]}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("rules[0].applyServerSideEncryptionByDefault.kmsMasterKeyId", message, StringComparison.Ordinal);
        Assert.Contains("AWS-managed", message, StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationV2_WhenKmsWithoutKeyAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy,
            ConfigurationV2,
            """{"bucket":"orders-archive","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms"},"bucketKeyEnabled":true}]}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("kmsMasterKeyId is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ConfigurationV2_WhenDsseWithCompanyKey_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy,
            ConfigurationV2,
            $$$"""{"bucket":"orders-archive","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms:dsse","kmsMasterKeyId":"{{{CompanyKey}}}"}}]}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Configuration_WhenKeyIsASecretAwsManagedAlias_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(
            policy,
            Configuration,
            """{"bucket":"orders-archive","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"aws:kms","kmsMasterKeyId":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"alias/aws/s3"}}}]}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("alias/aws/s3", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenAlgorithmUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(
            policy,
            Configuration,
            """{"bucket":"orders-archive","rules":[{"applyServerSideEncryptionByDefault":{"sseAlgorithm":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}]}""",
            RequireKms);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("rules[0].applyServerSideEncryptionByDefault.sseAlgorithm", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void V6BucketV2_WhenConfigurationListUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, BucketV2, """{"serverSideEncryptionConfigurations":"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"}""", RequireKms);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("serverSideEncryptionConfigurations", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenParameterIsNotBoolean_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"s3-bucket-encryption":{"requireKms":"yes"}}""", [policy]));
        Assert.Contains("requireKms", error.Message, StringComparison.Ordinal);
    }
}
