using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class KeyVaultFirewallDefaultDenyTests
{
    private const string NativeVault = "azure-native:keyvault:Vault";
    private const string ClassicVault = "azure:keyvault/keyVault:KeyVault";
    private const string TenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    private readonly KeyVaultFirewallDefaultDeny policy = new();

    [Fact]
    public void AzureNativeVault_WhenNetworkAclsDeny_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","sku":{"family":"A","name":"standard"},"enableRbacAuthorization":true,
              "networkAcls":{"defaultAction":"Deny","bypass":"AzureServices","ipRules":[{"value":"203.0.113.0/24"}]}}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("Disabled")]
    [InlineData("disabled")]
    public void AzureNativeVault_WhenPublicNetworkAccessDisabled_ShouldPass(string access)
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","sku":{"family":"A","name":"standard"},"publicNetworkAccess":"{{{{access}}}}"}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeVault_WhenNetworkAclsAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","sku":{"family":"A","name":"standard"}}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("properties.networkAcls is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeVault_WhenDefaultActionAllow_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","sku":{"family":"A","name":"standard"},"publicNetworkAccess":"Enabled","networkAcls":{"defaultAction":"Allow"}}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("properties.networkAcls.defaultAction is \"Allow\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeVault_WhenIpRuleIsTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","sku":{"family":"A","name":"standard"},
              "networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"0.0.0.0/0"}]}}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("properties.networkAcls.ipRules[0].value", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeVault_WhenIpRuleOutsideAllowedCidrs_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy,
            NativeVault,
            $$$$"""{"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"198.51.100.0/24"}]}}}""",
            """{"key-vault-firewall-default-deny":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("outside the allowed ranges", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeVault_WhenPublicNetworkAccessUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeVault, $$$$"""
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"{{{{TenantId}}}}","publicNetworkAccess":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("properties.publicNetworkAccess", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureKeyVault_WhenNetworkAclsDeny_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, $$$$"""
            {"resourceGroupName":"rg-keys","tenantId":"{{{{TenantId}}}}","skuName":"standard","purgeProtectionEnabled":true,
             "networkAcls":{"bypass":"AzureServices","defaultAction":"Deny","ipRules":["203.0.113.10/32"]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureKeyVault_WhenPublicNetworkAccessDisabled_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, $$$$"""{"resourceGroupName":"rg-keys","tenantId":"{{{{TenantId}}}}","skuName":"standard","publicNetworkAccessEnabled":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureKeyVault_WhenNetworkAclsAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, $$$$"""{"resourceGroupName":"rg-keys","tenantId":"{{{{TenantId}}}}","skuName":"standard"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkAcls is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureKeyVault_WhenDefaultActionAllowAndIpRuleIsTheInternet_ShouldReportBoth()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, $$$$"""
            {"resourceGroupName":"rg-keys","tenantId":"{{{{TenantId}}}}","skuName":"standard","networkAcls":{"bypass":"None","defaultAction":"Allow","ipRules":["0.0.0.0/0"]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Messages.Count);
        Assert.Contains(result.Messages, m => m.Contains("networkAcls.defaultAction is \"Allow\"", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.Contains("networkAcls.ipRules[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void AzureKeyVault_WhenIpRulesUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicVault, $$$$"""
            {"resourceGroupName":"rg-keys","tenantId":"{{{{TenantId}}}}","skuName":"standard","networkAcls":{"bypass":"AzureServices","defaultAction":"Deny","ipRules":"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"}}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("networkAcls.ipRules", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Configuration_WhenAllowedCidrsInvalid_ShouldRaisePolicyConfigException()
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse("""{"key-vault-firewall-default-deny":{"allowedCidrs":["10.0.0.0/33"]}}""", [policy]));
        Assert.Contains("allowedCidrs[0]", error.Message, StringComparison.Ordinal);
    }
}
