using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

/// <summary>PaaS firewall IP rules judged as the set they add up to.</summary>
public class FirewallAddressSetTests
{
    [Fact]
    public void StorageAccount_WhenIpRulesAddUpToTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new StorageFirewallDefaultDeny(), "azure-native:storage:StorageAccount", """
            {"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"},
             "networkRuleSet":{"defaultAction":"Deny","ipRules":[{"iPAddressOrRange":"0.0.0.0/1"},{"iPAddressOrRange":"128.0.0.0/2"},{"iPAddressOrRange":"192.0.0.0/2"}]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("together admit the whole IPv4 internet", message, StringComparison.Ordinal);
        Assert.Contains("networkRuleSet.ipRules[2].iPAddressOrRange", message, StringComparison.Ordinal);
    }

    [Fact]
    public void StorageAccount_WhenIpRulesAreNarrow_ShouldPass()
    {
        var result = Fixtures.Evaluate(new StorageFirewallDefaultDeny(), "azure:storage/account:Account", """
            {"resourceGroupName":"rg-app","accountTier":"Standard","accountReplicationType":"LRS",
             "networkRules":{"defaultAction":"Deny","ipRules":["203.0.113.0/24","198.51.100.0/24"]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void KeyVault_WhenIpRulesAddUpToTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(new KeyVaultFirewallDefaultDeny(), "azure:keyvault/keyVault:KeyVault", """
            {"resourceGroupName":"rg-keys","tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","skuName":"standard",
             "networkAcls":{"defaultAction":"Deny","bypass":"AzureServices","ipRules":["0.0.0.0/1","128.0.0.0/1"]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("together admit the whole IPv4 internet", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void KeyVault_WhenAllowlistIsTwoBlocksCoveringTheRule_ShouldPass()
    {
        var result = Fixtures.Evaluate(new KeyVaultFirewallDefaultDeny(), "azure-native:keyvault:Vault", """
            {"resourceGroupName":"rg-keys","properties":{"tenantId":"72f988bf-86f1-41af-91ab-2d7cd011db47","sku":{"family":"A","name":"standard"},
              "networkAcls":{"defaultAction":"Deny","ipRules":[{"value":"203.0.112.0/23"}]}}}
            """, """{"key-vault-firewall-default-deny":{"allowedCidrs":["203.0.112.0/24","203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void Configuration_WhenFirewallAllowlistAddsUpToTheInternet_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse(
            """{"storage-firewall-default-deny":{"allowedCidrs":["::/1","8000::/1"]}}""", [new StorageFirewallDefaultDeny()]));
        Assert.Contains("together admit the whole IPv6 internet", error.Message, StringComparison.Ordinal);
    }
}
