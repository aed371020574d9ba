using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

public class KeyVaultRecoverableTests
{
    private const string NativeVault = "azure-native:keyvault:Vault";
    private const string ClassicVault = "azure:keyvault/keyVault:KeyVault";
    private readonly KeyVaultRecoverable policy = new();

    [Fact]
    public void NativeVault_WhenSoftDeleteAndPurgeProtectionOn_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","vaultName":"kv-prod-app","location":"japaneast",
             "properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},
                           "enableSoftDelete":true,"enablePurgeProtection":true,"softDeleteRetentionInDays":90,"enableRbacAuthorization":true}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeVault_WhenSoftDeleteAbsentAndPurgeProtectionOn_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enablePurgeProtection":true}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeVault_WhenPurgeProtectionAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enableSoftDelete":true}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("properties.enablePurgeProtection is absent", message, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeVault_WhenSoftDeleteOffAndPurgeProtectionOff_ShouldFailTwice()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enableSoftDelete":false,"enablePurgeProtection":false}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Messages.Count);
        Assert.Contains(result.Messages, m => m.StartsWith("properties.enableSoftDelete is false", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.StartsWith("properties.enablePurgeProtection is false", StringComparison.Ordinal));
    }

    [Fact]
    public void NativeVault_WhenPurgeProtectionUnknownButSoftDeleteOff_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enableSoftDelete":false,"enablePurgeProtection":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("enableSoftDelete", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeVault_WhenPurgeProtectionUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, """
            {"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enablePurgeProtection":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("properties.enablePurgeProtection", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicVault_WhenPurgeProtectionOn_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, """
            {"resourceGroupName":"rg-prod","location":"japaneast","skuName":"standard","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","purgeProtectionEnabled":true,"softDeleteRetentionDays":30,"rbacAuthorizationEnabled":true}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicVault_WhenPurgeProtectionAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, """
            {"resourceGroupName":"rg-prod","location":"japaneast","skuName":"standard","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47"}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("purgeProtectionEnabled is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicVault_WhenPurgeProtectionFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, """{"skuName":"premium","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","purgeProtectionEnabled":false}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("purgeProtectionEnabled is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicVault_WhenPurgeProtectionUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, """{"skuName":"standard","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","purgeProtectionEnabled":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("purgeProtectionEnabled", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeVault_WhenRemediated_ShouldTurnOnRecoveryAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(NativeVault, """
            {"resourceGroupName":"rg-prod","vaultName":"kv-prod-app","tags":{"owner":"platform"},
             "properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"premium"},"enableSoftDelete":false,
                           "publicNetworkAccess":"disabled","softDeleteRetentionInDays":30,
                           "networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"203.0.113.0/24"}]}}}
            """);
        var configuration = PackConfiguration.Parse("""{"key-vault-recoverable":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        var vault = properties["properties"];
        Assert.True(vault["enablePurgeProtection"]!.BoolValue);
        Assert.True(vault["enableSoftDelete"]!.BoolValue);
        Assert.Equal("disabled", vault["publicNetworkAccess"]!.StringValue);
        Assert.Equal(30, vault["softDeleteRetentionInDays"]!.NumberValue);
        Assert.Equal("premium", vault["sku"]!["name"]!.StringValue);
        Assert.Equal("203.0.113.0/24", vault["networkAcls"]!["ipRules"]!.Items[0]["value"]!.StringValue);
        Assert.Equal("kv-prod-app", properties["vaultName"].StringValue);
        Assert.Equal("platform", properties["tags"]["owner"]!.StringValue);

        var after = Fixtures.Evaluate(policy, resource with { Properties = properties });
        Assert.Equal(Outcome.Pass, after.Outcome);
    }

    [Fact]
    public void NativeVault_WhenAlreadyRecoverable_ShouldNotRemediate()
    {
        var resource = Fixtures.Resource(NativeVault, """{"resourceGroupName":"rg-prod","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},"enablePurgeProtection":true}}""");
        var configuration = PackConfiguration.Parse("""{"key-vault-recoverable":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }

    [Fact]
    public void ClassicVault_WhenRemediated_ShouldTurnOnPurgeProtectionAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(ClassicVault, """{"skuName":"standard","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","softDeleteRetentionDays":30,"purgeProtectionEnabled":false}""");
        var configuration = PackConfiguration.Parse("""{"key-vault-recoverable":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.True(properties["purgeProtectionEnabled"].BoolValue);
        Assert.Equal(30, properties["softDeleteRetentionDays"].NumberValue);
        Assert.Equal("standard", properties["skuName"].StringValue);
    }
}
