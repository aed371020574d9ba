using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class AzureDiagnosticSettingsTests
{
    private const string VaultId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/acme-vault";
    private const string StorageId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/acmedata";
    private readonly AzureDiagnosticSettings policy = new();

    private static PulumiResource WithId(string type, string name, string id) =>
        Fixtures.Resource(type, $$"""{"resourceGroupName":"rg","id":"{{id}}"}""", name) with { Id = id };

    [Fact]
    public void AzureNative_WhenVaultHasASettingAndStorageHasNone_ShouldPassOneAndFailTheOther()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            WithId("azure-native:keyvault:Vault", "vault", VaultId),
            WithId("azure-native:storage:StorageAccount", "storage", StorageId),
            Fixtures.Resource("azure-native:monitor:DiagnosticSetting", $$"""{"resourceUri":"{{VaultId}}","workspaceId":"/subscriptions/x/workspaces/law"}""", "vault-diag"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations, e => e.Resource.Name == "vault").Outcome);
        var storage = Assert.Single(evaluations, e => e.Resource.Name == "storage");
        Assert.Equal(Outcome.Fail, storage.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, storage.Level);
    }

    [Fact]
    public void AzureClassic_WhenSettingTargetsTheBlobService_ShouldPassTheAccount()
    {
        var evaluations = Fixtures.EvaluateStack(policy,
        [
            WithId("azure:storage/account:Account", "storage", StorageId),
            Fixtures.Resource("azure:monitoring/diagnosticSetting:DiagnosticSetting", $$"""{"targetResourceId":"{{StorageId}}/blobServices/default","logAnalyticsWorkspaceId":"/subscriptions/x/workspaces/law"}""", "blob-diag"),
        ]);

        Assert.Equal(Outcome.Pass, Assert.Single(evaluations).Outcome);
    }

    [Fact]
    public void AzureClassic_WhenNsgHasNoSetting_ShouldFail()
    {
        var evaluations = Fixtures.EvaluateStack(policy, [WithId("azure:network/networkSecurityGroup:NetworkSecurityGroup", "nsg", "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/app")]);
        Assert.Equal(Outcome.Fail, Assert.Single(evaluations).Outcome);
    }
}
