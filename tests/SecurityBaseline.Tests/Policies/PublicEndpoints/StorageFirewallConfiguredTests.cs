using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class StorageFirewallConfiguredTests
{
    private const string Account = "azure:storage/account:Account";
    private const string NetworkRules = "azure:storage/accountNetworkRules:AccountNetworkRules";
    private const string AccountId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/stappdata";
    private const string BareAccount = """{"name":"stappdata","resourceGroupName":"rg-app","location":"japaneast","accountTier":"Standard","accountReplicationType":"ZRS"}""";
    private readonly StorageFirewallConfigured policy = new();

    private static PulumiResource AccountWithId(string inputs) => Fixtures.Resource(Account, inputs.Replace("{\"name\"", $"{{\"id\":\"{AccountId}\",\"name\"", StringComparison.Ordinal), "app-data");

    [Fact]
    public void AzureAccount_WhenACompanionNetworkRulesResourceGovernsIt_ShouldPass()
    {
        var rules = Fixtures.Resource(NetworkRules, $$"""{"storageAccountId":"{{AccountId}}","defaultAction":"Deny","bypasses":["AzureServices"],"ipRules":["203.0.113.10"]}""", "app-data-rules");
        var results = Fixtures.EvaluateStack(policy, [AccountWithId(BareAccount), rules]);
        Assert.Equal(Outcome.Pass, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AzureAccount_WhenNoInlineRulesAndNoCompanion_ShouldFail()
    {
        var result = Assert.Single(Fixtures.EvaluateStack(policy, [AccountWithId(BareAccount)]));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("no azure:storage/accountNetworkRules", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureAccount_WhenTheCompanionGovernsAnotherAccount_ShouldFail()
    {
        var rules = Fixtures.Resource(NetworkRules, """{"storageAccountId":"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Storage/storageAccounts/other","defaultAction":"Deny"}""", "other-rules");
        var results = Fixtures.EvaluateStack(policy, [AccountWithId(BareAccount), rules]);
        Assert.Equal(Outcome.Fail, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AzureAccount_WhenPublicNetworkAccessIsOff_ShouldPass()
    {
        var results = Fixtures.EvaluateStack(policy, [AccountWithId(BareAccount.Replace("\"accountTier\"", "\"publicNetworkAccessEnabled\":false,\"accountTier\"", StringComparison.Ordinal))]);
        Assert.Equal(Outcome.Pass, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AzureAccount_WhenTheCompanionsAccountIdIsUnknown_ShouldBeNotApplicable()
    {
        var rules = Fixtures.Resource(NetworkRules, """{"storageAccountId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","defaultAction":"Deny"}""", "app-data-rules");
        var results = Fixtures.EvaluateStack(policy, [AccountWithId(BareAccount), rules]);
        Assert.Equal(Outcome.NotApplicable, Assert.Single(results).Outcome);
    }
}
