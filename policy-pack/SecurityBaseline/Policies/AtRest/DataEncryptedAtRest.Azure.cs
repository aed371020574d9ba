using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

public sealed partial class DataEncryptedAtRest
{
    private static IEnumerable<Requirement> AzureRows =>
    [
        .. AzureAutomationVariableRows,
        new()
        {
            Type = "azure-native:automation:Variable",
            Path = "isEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("an unencrypted variable (the SDK documents no default; read strictly)"),
            Problem = "the automation variable's value is stored unencrypted and readable by anyone who can read the account.",
            Fix = "Set `isEncrypted: true`.",
        },
        new()
        {
            Type = "azure:batch/account:Account",
            Path = "encryption.keyVaultKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("a Microsoft-managed key (the provider's default), not the company's key"),
            Problem = "the Batch account's data is encrypted with a key the company does not hold although the service takes a customer-managed key.",
            Fix = "Set `encryption.keyVaultKeyId` to the company's Key Vault key.",
        },
        new()
        {
            Type = "azure-native:batch:BatchAccount",
            Path = "encryption.keySource",
            Expect = Must.BeOneOf("Microsoft.KeyVault"),
            Absent = AbsentReading.Fails("\"Microsoft.Batch\", a Microsoft-managed key (the API's default)"),
            Problem = "the Batch account's data is encrypted with a key the company does not hold although the service takes a customer-managed key.",
            Fix = "Set `encryption.keySource: \"Microsoft.KeyVault\"` and `encryption.keyVaultProperties.keyIdentifier` to the company's Key Vault key.",
        },
        new()
        {
            Type = "azure:kusto/cluster:Cluster",
            Path = "diskEncryptionEnabled",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default)"),
            Problem = "the cluster's disks (data and cache) are not encrypted.",
            Fix = "Set `diskEncryptionEnabled: true`.",
        },
        new()
        {
            Type = "azure-native:kusto:Cluster",
            Path = "enableDiskEncryption",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the SDK's default)"),
            Problem = "the cluster's disks (data and cache) are not encrypted.",
            Fix = "Set `enableDiskEncryption: true`.",
        },
        new()
        {
            Type = "azure:synapse/sqlPool:SqlPool",
            Path = "dataEncrypted",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("transparent data encryption off (the provider documents no default; read strictly)"),
            Problem = "the dedicated SQL pool stores its data without transparent data encryption.",
            Fix = "Set `dataEncrypted: true`.",
        },
        new()
        {
            Type = "azure-native:synapse:SqlPoolTransparentDataEncryption",
            Path = "status",
            Expect = Must.BeOneOf("Enabled"),
            Absent = AbsentReading.Fails("no status sent (the SDK documents no default; read strictly)"),
            Problem = "the dedicated SQL pool stores its data without transparent data encryption.",
            Fix = "Set `status: \"Enabled\"`.",
        },
        new()
        {
            Type = "azure:synapse/workspace:Workspace",
            Path = "customerManagedKey.keyVersionlessId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("Microsoft-managed keys only (the provider's default), no layer with the company's key"),
            Problem = "the workspace's data is encrypted only with keys the company does not hold although the service takes a customer-managed key.",
            Fix = "Set `customerManagedKey.keyVersionlessId` to the company's Key Vault key.",
        },
        new()
        {
            Type = "azure-native:synapse:Workspace",
            Path = "encryption.cmk.key.keyVaultUrl",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("Microsoft-managed keys only (the API's default), no layer with the company's key"),
            Problem = "the workspace's data is encrypted only with keys the company does not hold although the service takes a customer-managed key.",
            Fix = "Set `encryption.cmk.key.keyVaultUrl` (and `encryption.cmk.key.name`) to the company's Key Vault key.",
        },
        new()
        {
            Type = "azure:appconfiguration/configurationStore:ConfigurationStore",
            Path = "encryption.keyVaultKeyIdentifier",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("a Microsoft-managed key (the provider's default), not the company's key"),
            Problem = "the configuration store is encrypted with a key the company does not hold although its tier takes a customer-managed key.",
            Fix = "Set `encryption.keyVaultKeyIdentifier` (with `encryption.identityClientId`) to the company's Key Vault key.",

            // Only the standard and premium tiers take a customer-managed key; an absent sku is the free tier.
            When = new Condition("sku", Must.BeOneOf("standard", "premium")),
        },
        new()
        {
            Type = "azure-native:appconfiguration:ConfigurationStore",
            Path = "encryption.keyVaultProperties.keyIdentifier",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("a Microsoft-managed key (the API's default), not the company's key"),
            Problem = "the configuration store is encrypted with a key the company does not hold although its tier takes a customer-managed key.",
            Fix = "Set `encryption.keyVaultProperties.keyIdentifier` (with `identityClientId`) to the company's Key Vault key.",
            When = new Condition("sku.name", Must.BeOneOf("Standard", "Premium")),
        },
    ];

    /// <summary>The classic provider splits automation variables by value type; all share the `encrypted` flag and its default.</summary>
    private static IEnumerable<Requirement> AzureAutomationVariableRows
    {
        get
        {
            string[] types =
            [
                "azure:automation/boolVariable:BoolVariable",
                "azure:automation/dateTimeVariable:DateTimeVariable",
                "azure:automation/intVariable:IntVariable",
                "azure:automation/stringVariable:StringVariable",
                "azure:automation/variableObject:VariableObject",
            ];
            return types.Select(type => new Requirement
            {
                Type = type,
                Path = "encrypted",
                Expect = Must.Be(true),
                Absent = AbsentReading.Fails("false (the provider's default)"),
                Problem = "the automation variable's value is stored unencrypted and readable by anyone who can read the account.",
                Fix = "Set `encrypted: true`.",
            });
        }
    }
}
