using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class DataEncryptedAtRestTests
{
    private const string AzureAutomationVariable = "\"automationAccountName\":\"ops\",\"resourceGroupName\":\"rg-ops\",\"name\":\"deploy-window\"";

    public static RowCases AzureCases { get; } = new RowCases()
        .Pass("azure:automation/boolVariable:BoolVariable", $$"""{{{AzureAutomationVariable}},"value":true,"encrypted":true}""")
        .Fail("azure:automation/boolVariable:BoolVariable", "encrypted is absent", $$"""{{{AzureAutomationVariable}},"value":true}""")
        .Pass("azure:automation/dateTimeVariable:DateTimeVariable", $$"""{{{AzureAutomationVariable}},"value":"2026-01-01T00:00:00Z","encrypted":true}""")
        .Fail("azure:automation/dateTimeVariable:DateTimeVariable", "encrypted is false", $$"""{{{AzureAutomationVariable}},"value":"2026-01-01T00:00:00Z","encrypted":false}""")
        .Pass("azure:automation/intVariable:IntVariable", $$"""{{{AzureAutomationVariable}},"value":3,"encrypted":true}""")
        .Fail("azure:automation/intVariable:IntVariable", "encrypted is absent", $$"""{{{AzureAutomationVariable}},"value":3}""")
        .Pass("azure:automation/stringVariable:StringVariable", $$"""{{{AzureAutomationVariable}},"value":"blue","encrypted":true}""")
        .Fail("azure:automation/stringVariable:StringVariable", "encrypted is false", $$"""{{{AzureAutomationVariable}},"value":"blue","encrypted":false}""")
        .Pass("azure:automation/variableObject:VariableObject", $$"""{{{AzureAutomationVariable}},"value":"{\"slot\":2}","encrypted":true}""")
        .Fail("azure:automation/variableObject:VariableObject", "encrypted is absent", $$"""{{{AzureAutomationVariable}},"value":"{\"slot\":2}"}""")
        .Pass("azure-native:automation:Variable", $$"""{{{AzureAutomationVariable}},"value":"\"blue\"","isEncrypted":true}""")
        .Pass("azure-native:automation/v20231101:Variable", $$"""{{{AzureAutomationVariable}},"value":"\"blue\"","isEncrypted":true}""")
        .Fail("azure-native:automation:Variable", "isEncrypted is absent", $$"""{{{AzureAutomationVariable}},"value":"\"blue\""}""")
        .Fail("azure-native:automation/v20231101:Variable", "isEncrypted is false", $$"""{{{AzureAutomationVariable}},"value":"\"blue\"","isEncrypted":false}""")
        .Pass("azure:batch/account:Account", """{"name":"jobsbatch","resourceGroupName":"rg-jobs","poolAllocationMode":"BatchService","encryption":{"keyVaultKeyId":"https://kv-jobs.vault.azure.net/keys/batch"}}""")
        .Fail("azure:batch/account:Account", "encryption.keyVaultKeyId is absent", """{"name":"jobsbatch","resourceGroupName":"rg-jobs","poolAllocationMode":"BatchService"}""")
        .Pass("azure-native:batch:BatchAccount", """{"accountName":"jobsbatch","resourceGroupName":"rg-jobs","identity":{"type":"SystemAssigned"},"encryption":{"keySource":"Microsoft.KeyVault","keyVaultProperties":{"keyIdentifier":"https://kv-jobs.vault.azure.net/keys/batch"}}}""")
        .Fail("azure-native:batch:BatchAccount", "encryption.keySource is \"Microsoft.Batch\"", """{"accountName":"jobsbatch","resourceGroupName":"rg-jobs","encryption":{"keySource":"Microsoft.Batch"}}""")
        .Fail("azure-native:batch:BatchAccount", "encryption.keySource is absent", """{"accountName":"jobsbatch","resourceGroupName":"rg-jobs"}""")
        .Pass("azure:kusto/cluster:Cluster", """{"name":"telemetry","resourceGroupName":"rg-data","sku":{"name":"Standard_D11_v2","capacity":2},"diskEncryptionEnabled":true}""")
        .Fail("azure:kusto/cluster:Cluster", "diskEncryptionEnabled is absent", """{"name":"telemetry","resourceGroupName":"rg-data","sku":{"name":"Standard_D11_v2","capacity":2}}""")
        .Pass("azure-native:kusto:Cluster", """{"clusterName":"telemetry","resourceGroupName":"rg-data","sku":{"name":"Standard_E8ads_v5","tier":"Standard","capacity":2},"enableDiskEncryption":true}""")
        .Fail("azure-native:kusto:Cluster", "enableDiskEncryption is false", """{"clusterName":"telemetry","resourceGroupName":"rg-data","sku":{"name":"Standard_E8ads_v5","tier":"Standard","capacity":2},"enableDiskEncryption":false}""")
        .Pass("azure:synapse/sqlPool:SqlPool", """{"name":"warehouse","synapseWorkspaceId":"/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Synapse/workspaces/analytics","skuName":"DW100c","createMode":"Default","dataEncrypted":true}""")
        .Fail("azure:synapse/sqlPool:SqlPool", "dataEncrypted is absent", """{"name":"warehouse","synapseWorkspaceId":"/subscriptions/0000/resourceGroups/rg-data/providers/Microsoft.Synapse/workspaces/analytics","skuName":"DW100c"}""")
        .Pass("azure-native:synapse:SqlPoolTransparentDataEncryption", """{"resourceGroupName":"rg-data","workspaceName":"analytics","sqlPoolName":"warehouse","transparentDataEncryptionName":"current","status":"Enabled"}""")
        .Fail("azure-native:synapse:SqlPoolTransparentDataEncryption", "status is \"Disabled\"", """{"resourceGroupName":"rg-data","workspaceName":"analytics","sqlPoolName":"warehouse","transparentDataEncryptionName":"current","status":"Disabled"}""")
        .Pass("azure:synapse/workspace:Workspace", """{"name":"analytics","resourceGroupName":"rg-data","storageDataLakeGen2FilesystemId":"https://dlanalytics.dfs.core.windows.net/synapse","identity":{"type":"SystemAssigned"},"customerManagedKey":{"keyVersionlessId":"https://kv-data.vault.azure.net/keys/synapse","keyName":"cmk"}}""")
        .Fail("azure:synapse/workspace:Workspace", "customerManagedKey.keyVersionlessId is absent", """{"name":"analytics","resourceGroupName":"rg-data","storageDataLakeGen2FilesystemId":"https://dlanalytics.dfs.core.windows.net/synapse","identity":{"type":"SystemAssigned"}}""")
        .Pass("azure-native:synapse:Workspace", """{"workspaceName":"analytics","resourceGroupName":"rg-data","defaultDataLakeStorage":{"accountUrl":"https://dlanalytics.dfs.core.windows.net","filesystem":"synapse"},"encryption":{"cmk":{"key":{"name":"cmk","keyVaultUrl":"https://kv-data.vault.azure.net/keys/synapse"}}}}""")
        .Fail("azure-native:synapse:Workspace", "encryption.cmk.key.keyVaultUrl is absent", """{"workspaceName":"analytics","resourceGroupName":"rg-data","defaultDataLakeStorage":{"accountUrl":"https://dlanalytics.dfs.core.windows.net","filesystem":"synapse"}}""")
        .Pass("azure:appconfiguration/configurationStore:ConfigurationStore", """{"name":"appcfg","resourceGroupName":"rg-app","sku":"standard","identity":{"type":"UserAssigned","identityIds":["/subscriptions/0000/resourceGroups/rg-app/providers/Microsoft.ManagedIdentity/userAssignedIdentities/appcfg"]},"encryption":{"keyVaultKeyIdentifier":"https://kv-app.vault.azure.net/keys/appcfg","identityClientId":"00000000-0000-0000-0000-000000000001"}}""")
        .Fail("azure:appconfiguration/configurationStore:ConfigurationStore", "encryption.keyVaultKeyIdentifier is absent", """{"name":"appcfg","resourceGroupName":"rg-app","sku":"standard"}""")
        .NotApplicable("azure:appconfiguration/configurationStore:ConfigurationStore", "sku", """{"name":"appcfg","resourceGroupName":"rg-app"}""")
        .Pass("azure-native:appconfiguration:ConfigurationStore", """{"configStoreName":"appcfg","resourceGroupName":"rg-app","sku":{"name":"Standard"},"encryption":{"keyVaultProperties":{"keyIdentifier":"https://kv-app.vault.azure.net/keys/appcfg","identityClientId":"00000000-0000-0000-0000-000000000001"}}}""")
        .Fail("azure-native:appconfiguration:ConfigurationStore", "encryption.keyVaultProperties.keyIdentifier is absent", """{"configStoreName":"appcfg","resourceGroupName":"rg-app","sku":{"name":"standard"}}""");

    [Theory]
    [MemberData(nameof(AzureCases))]
    public void AzureRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
