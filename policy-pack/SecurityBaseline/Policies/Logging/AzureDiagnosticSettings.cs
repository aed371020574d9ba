using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: Key Vaults, storage accounts, SQL servers and NSGs send their logs somewhere through a diagnostic setting.</summary>
public sealed class AzureDiagnosticSettings : StackPolicy
{
    private const string NativeSetting = "azure-native:monitor:DiagnosticSetting";
    private const string ClassicSetting = "azure:monitoring/diagnosticSetting:DiagnosticSetting";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureDiagnosticSettings,
        Title = "Azure Key Vaults, storage, SQL servers and NSGs have diagnostic settings",
        Description = "Every Key Vault, storage account, SQL server and network security group of the stack must be the target of a diagnostic setting (azure-native resourceUri, classic targetResourceId), itself or one of its sub-resources.",
        Message = "The resource sends its logs nowhere: no diagnostic setting targets it.",
        Control = "§9",
        Severity = Severity.Medium,

        // Many organisations attach diagnostic settings by Azure Policy (deployIfNotExists) rather than in each stack.
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes =
        [
            "azure-native:keyvault:Vault", "azure-native:storage:StorageAccount", "azure-native:sql:Server", "azure-native:network:NetworkSecurityGroup",
            "azure:keyvault/keyVault:KeyVault", "azure:storage/account:Account", "azure:mssql/server:Server", "azure:network/networkSecurityGroup:NetworkSecurityGroup",
        ],
        Help = "Add an `azure-native:monitor:DiagnosticSetting` with `resourceUri: <resource>.id` (for storage, the blob service id `<account id>/blobServices/default` works too) and a `workspaceId`, `storageAccountId` or `eventHubAuthorizationRuleId`, with `logs: [{ categoryGroup: \"allLogs\", enabled: true }]` (classic: `azure.monitoring.DiagnosticSetting` with `targetResourceId`).",
        AbsentMeans = "Azure keeps no resource logs unless a diagnostic setting sends them: a resource no setting targets is a violation (advisory by default).",
        Tags = ["azure", "logging", "monitoring"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var native = Attachments.Collect(context, [NativeSetting], "resourceUri");
        var classic = Attachments.Collect(context, [ClassicSetting], "targetResourceId");
        if (native.Unresolved || classic.Unresolved)
        {
            return;
        }

        foreach (var resource in context.Stack.OfType(Rule.ResourceTypes))
        {
            if (!native.Cover(resource, beneath: true) && !classic.Cover(resource, beneath: true))
            {
                context.Report(resource, "No diagnostic setting targets this resource or its sub-resources (resourceUri / targetResourceId): its resource logs are not collected. Fix: add a DiagnosticSetting sending allLogs to the company's Log Analytics workspace.");
            }
        }
    }
}
