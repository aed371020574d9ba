using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class AzureDiskEncryptedTests
{
    private const string NativeDisk = "azure-native:compute:Disk";
    private const string ClassicDisk = "azure:compute/managedDisk:ManagedDisk";
    private const string DiskEncryptionSet = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Compute/diskEncryptionSets/des-data";
    private const string RequireCustomerKey = """{"azure-disk-encrypted":{"requireCustomerManagedKey":true}}""";
    private readonly AzureDiskEncrypted policy = new();

    [Fact]
    public void NativeDisk_WhenCustomerKeyFromEncryptionSet_ShouldPassWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(
            policy,
            NativeDisk,
            $$$"""{"resourceGroupName":"rg-data","location":"westeurope","diskSizeGB":128,"creationData":{"createOption":"Empty"},"encryption":{"type":"EncryptionAtRestWithCustomerKey","diskEncryptionSetId":"{{{DiskEncryptionSet}}}"}}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeDisk_WhenEncryptionAbsent_ShouldPassAsPlatformKeyEncrypts()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","diskSizeGB":128,"creationData":{"createOption":"Empty"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeDisk_WhenEncryptionAbsentAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","diskSizeGB":128,"creationData":{"createOption":"Empty"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("encryption.type is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeDisk_WhenPlatformKeyExplicitAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","encryption":{"type":"EncryptionAtRestWithPlatformKey"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encryption.type is \"EncryptionAtRestWithPlatformKey\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeDisk_WhenDiskEncryptionSwitchedOff_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","encryptionSettingsCollection":{"enabled":false}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encryptionSettingsCollection.enabled is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeDisk_WhenCustomerKeyTypeWithoutEncryptionSet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","encryption":{"type":"EncryptionAtRestWithPlatformAndCustomerKeys"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encryption.diskEncryptionSetId is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeDisk_WhenEncryptionTypeInvalid_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","encryption":{"type":"None"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encryption.type is \"None\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeDisk_WhenConfidentialVmCustomerKey_ShouldPassWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(
            policy,
            NativeDisk,
            $$$"""{"resourceGroupName":"rg-data","osType":"Linux","securityProfile":{"securityType":"ConfidentialVM_DiskEncryptedWithCustomerKey","secureVMDiskEncryptionSetId":"{{{DiskEncryptionSet}}}"}}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeDisk_WhenEncryptionTypeUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeDisk, """{"resourceGroupName":"rg-data","encryption":{"type":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("encryption.type", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicDisk_WhenEncryptionSetGiven_ShouldPassWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(
            policy,
            ClassicDisk,
            $$$"""{"name":"data-disk","resourceGroupName":"rg-data","location":"westeurope","storageAccountType":"Premium_LRS","createOption":"Empty","diskSizeGb":128,"diskEncryptionSetId":"{{{DiskEncryptionSet}}}"}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicDisk_WhenNoEncryptionSettings_ShouldPassByDefault()
    {
        var result = Fixtures.Evaluate(policy, ClassicDisk, """{"name":"data-disk","resourceGroupName":"rg-data","storageAccountType":"Premium_LRS","createOption":"Empty","diskSizeGb":128}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicDisk_WhenNoEncryptionSetAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy, ClassicDisk, """{"name":"data-disk","resourceGroupName":"rg-data","storageAccountType":"Premium_LRS","createOption":"Empty","diskSizeGb":128}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("diskEncryptionSetId is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicDisk_WhenV5EncryptionSettingsDisabled_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicDisk, """{"name":"data-disk","resourceGroupName":"rg-data","createOption":"Empty","encryptionSettings":{"enabled":false}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encryptionSettings.enabled is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicDisk_WhenAzureDiskEncryptionWithCompanyVault_ShouldPassWithCustomerKeyRequired()
    {
        var result = Fixtures.Evaluate(
            policy,
            ClassicDisk,
            """
            {"name":"os-disk","resourceGroupName":"rg-data","createOption":"Empty","encryptionSettings":{
              "diskEncryptionKey":{"secretUrl":"https://kv-data.vault.azure.net/secrets/disk-key/0123456789abcdef","sourceVaultId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-data"}}}
            """,
            RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicDisk_WhenEncryptionSetUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicDisk, """{"name":"data-disk","createOption":"Empty","diskEncryptionSetId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""", RequireCustomerKey);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("diskEncryptionSetId", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Disk_WhenParameterIsNotBoolean_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(
            () => PackConfiguration.Parse("""{"azure-disk-encrypted":{"requireCustomerManagedKey":"always"}}""", [policy]));
        Assert.Contains("requireCustomerManagedKey", error.Message, StringComparison.Ordinal);
    }
}
