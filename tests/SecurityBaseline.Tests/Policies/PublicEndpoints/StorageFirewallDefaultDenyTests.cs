using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class StorageFirewallDefaultDenyTests
{
    private const string NativeAccount = "azure-native:storage:StorageAccount";
    private const string ClassicAccount = "azure:storage/account:Account";
    private const string ClassicNetworkRules = "azure:storage/accountNetworkRules:AccountNetworkRules";
    private const string SubnetId = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/snet-app";
    private readonly StorageFirewallDefaultDeny policy = new();

    [Fact]
    public void AzureNativeAccount_WhenDefaultActionDeny_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, $$$"""
            {"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_ZRS"},
             "networkRuleSet":{"defaultAction":"Deny","bypass":"AzureServices","ipRules":[{"iPAddressOrRange":"203.0.113.0/24","action":"Allow"}],
               "virtualNetworkRules":[{"virtualNetworkResourceId":"{{{SubnetId}}}"}]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenPublicNetworkAccessDisabled_ShouldPassWithoutRules()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """{"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"},"publicNetworkAccess":"Disabled"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenNetworkRuleSetAbsent_ShouldFailBecauseTheDefaultIsAllow()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """{"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("networkRuleSet is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenDefaultActionAllowAndPublicAccessEnabled_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """{"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"},"publicNetworkAccess":"Enabled","networkRuleSet":{"defaultAction":"Allow"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkRuleSet.defaultAction is \"Allow\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenIpRuleIsTheInternet_ShouldFailNamingTheRule()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """
            {"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"},
             "networkRuleSet":{"defaultAction":"Deny","ipRules":[{"iPAddressOrRange":"203.0.113.10"},{"iPAddressOrRange":"0.0.0.0/0"}]}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("networkRuleSet.ipRules[1].iPAddressOrRange", message, StringComparison.Ordinal);
        Assert.Contains("0.0.0.0/0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenIpRuleOutsideAllowedCidrs_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy,
            NativeAccount,
            """{"resourceGroupName":"rg-app","networkRuleSet":{"defaultAction":"Deny","ipRules":[{"iPAddressOrRange":"203.0.113.0/25"},{"iPAddressOrRange":"198.51.100.7"}]}}""",
            """{"storage-firewall-default-deny":{"allowedCidrs":["203.0.113.0/24"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("networkRuleSet.ipRules[1].iPAddressOrRange is \"198.51.100.7\"", message, StringComparison.Ordinal);
        Assert.Contains("allowedCidrs", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenDefaultActionUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """{"resourceGroupName":"rg-app","networkRuleSet":{"defaultAction":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("networkRuleSet.defaultAction", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenDefaultActionUnknownButAnIpRuleIsTheInternet_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, """{"resourceGroupName":"rg-app","networkRuleSet":{"defaultAction":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","ipRules":[{"iPAddressOrRange":"0.0.0.0/0"}]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ipRules[0]", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenRemediated_ShouldDenyByDefaultAndKeepEverythingElse()
    {
        var resource = Fixtures.Resource(NativeAccount, """
            {"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"},"minimumTlsVersion":"TLS1_2",
             "networkRuleSet":{"defaultAction":"Allow","ipRules":[{"iPAddressOrRange":"203.0.113.0/24"}]}}
            """);
        var configuration = PackConfiguration.Parse("""{"storage-firewall-default-deny":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        var ruleSet = properties["networkRuleSet"];
        Assert.Equal("Deny", ruleSet["defaultAction"]!.StringValue);
        Assert.Equal("AzureServices", ruleSet["bypass"]!.StringValue);
        Assert.Equal("203.0.113.0/24", ruleSet["ipRules"]!.Items[0]["iPAddressOrRange"]!.StringValue);
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"].StringValue);
        Assert.Equal("Standard_LRS", properties["sku"]["name"]!.StringValue);

        var recheck = Fixtures.Evaluate(policy, resource with { Properties = properties });
        Assert.Equal(Outcome.Pass, recheck.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenRemediatedWithoutRuleSet_ShouldAddOneAndKeepAnExistingBypass()
    {
        var configuration = PackConfiguration.Parse("""{"storage-firewall-default-deny":"remediate"}""", [policy]);
        var engine = new PolicyEngine([policy], configuration);

        var bare = Fixtures.Resource(NativeAccount, """{"resourceGroupName":"rg-app","kind":"StorageV2","sku":{"name":"Standard_LRS"}}""");
        var (_, added, _) = Assert.Single(engine.Remediate(bare));
        Assert.Equal("Deny", added!["networkRuleSet"]["defaultAction"]!.StringValue);
        Assert.Equal("rg-app", added["resourceGroupName"].StringValue);

        var withBypass = Fixtures.Resource(NativeAccount, """{"resourceGroupName":"rg-app","networkRuleSet":{"defaultAction":"Allow","bypass":"Logging, Metrics"}}""");
        var (_, kept, _) = Assert.Single(engine.Remediate(withBypass));
        Assert.Equal("Logging, Metrics", kept!["networkRuleSet"]["bypass"]!.StringValue);
    }

    [Fact]
    public void AzureNativeAccount_WhenAlreadyCompliant_ShouldNotBeRemediated()
    {
        var resource = Fixtures.Resource(NativeAccount, """{"resourceGroupName":"rg-app","publicNetworkAccess":"Disabled"}""");
        var configuration = PackConfiguration.Parse("""{"storage-firewall-default-deny":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }

    [Fact]
    public void AzureAccount_WhenNetworkRulesDeny_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$$"""
            {"resourceGroupName":"rg-app","accountTier":"Standard","accountReplicationType":"ZRS",
             "networkRules":{"defaultAction":"Deny","bypasses":["AzureServices"],"ipRules":["203.0.113.10"],"virtualNetworkSubnetIds":["{{{SubnetId}}}"]}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureAccount_WhenPublicNetworkAccessDisabled_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, """{"resourceGroupName":"rg-app","accountTier":"Standard","accountReplicationType":"LRS","publicNetworkAccessEnabled":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureAccount_WhenNetworkRulesAbsent_ShouldLeaveTheVerdictToTheStackPolicy()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, """{"resourceGroupName":"rg-app","accountTier":"Standard","accountReplicationType":"LRS"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("storage-firewall-configured", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccount_WhenIpRuleIsTheInternet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, """{"resourceGroupName":"rg-app","accountTier":"Standard","accountReplicationType":"LRS","networkRules":{"defaultAction":"Deny","ipRules":["0.0.0.0/0"]}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkRules.ipRules[0]", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccount_WhenPublicAccessFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, """{"resourceGroupName":"rg-app","publicNetworkAccessEnabled":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("publicNetworkAccessEnabled", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccountNetworkRules_WhenAllow_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicNetworkRules, """{"storageAccountId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","defaultAction":"Allow","bypasses":["AzureServices"]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("defaultAction is \"Allow\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccountNetworkRules_WhenDenyWithCompanyRange_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy,
            ClassicNetworkRules,
            """{"storageAccountId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","defaultAction":"Deny","ipRules":["203.0.113.0/24"]}""",
            """{"storage-firewall-default-deny":{"allowedCidrs":["203.0.113.0/24","2001:db8::/32"]}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("""["not-a-cidr"]""")]
    [InlineData("""["0.0.0.0/0"]""")]
    [InlineData("\"203.0.113.0/24\"")]
    public void Configuration_WhenAllowedCidrsInvalid_ShouldRaisePolicyConfigException(string value)
    {
        var error = Assert.Throws<PolicyConfigException>(() =>
            PackConfiguration.Parse($$$"""{"storage-firewall-default-deny":{"allowedCidrs":{{{value}}}}}""", [policy]));
        Assert.Contains("allowedCidrs", error.Message, StringComparison.Ordinal);
    }
}
