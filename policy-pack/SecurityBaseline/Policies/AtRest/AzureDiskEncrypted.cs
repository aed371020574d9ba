using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: Azure managed disks keep their encryption on and, when configured, use the company's own Key Vault keys.</summary>
public sealed class AzureDiskEncrypted : ResourcePolicy
{
    private const string NativeDiskType = "azure-native:compute:Disk";
    private const string ClassicDiskType = "azure:compute/managedDisk:ManagedDisk";
    private const string ConfidentialWithCustomerKey = "ConfidentialVM_DiskEncryptedWithCustomerKey";

    /// <summary>The values of azure-native's EncryptionType enum (compute, API 2025-01-02 in azure-native 3.28.0).</summary>
    private static readonly string[] EncryptionTypes =
    [
        "EncryptionAtRestWithPlatformKey",
        "EncryptionAtRestWithCustomerKey",
        "EncryptionAtRestWithPlatformAndCustomerKeys",
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureDiskEncrypted,
        Title = "Azure managed disks are encrypted with the required keys",
        Description = "Azure managed disks must not switch disk encryption off and, when requireCustomerManagedKey is on, must be encrypted with a customer-managed key.",
        Message = "The managed disk's encryption is off or does not use the company's own key.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [NativeDiskType, ClassicDiskType],
        ConfigSchema = """
            {
              "requireCustomerManagedKey": {
                "type": "boolean",
                "description": "Require a customer-managed key: a disk encryption set (encryption.type EncryptionAtRestWithCustomerKey or …PlatformAndCustomerKeys / diskEncryptionSetId), a confidential-VM customer key, or Azure Disk Encryption with keys in the company's Key Vault.",
                "default": false
              }
            }
            """,
        Help = "azure-native: set `encryption: { type: \"EncryptionAtRestWithCustomerKey\", diskEncryptionSetId: <the company's disk encryption set> }`; "
            + "classic: set `diskEncryptionSetId`. Never set `encryptionSettingsCollection.enabled: false` (azure-native) or `encryptionSettings.enabled: false` (classic before v6).",
        AbsentMeans = "Azure encrypts every managed disk at rest with a platform-managed key: `encryption` (azure-native) or `diskEncryptionSetId` (classic) absent means "
            + "EncryptionAtRestWithPlatformKey, compliant unless requireCustomerManagedKey is on. Azure Disk Encryption settings absent leave that platform encryption in place; explicitly disabled settings are a violation.",
        Tags = ["azure", "compute", "disk", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var customerKey = context.Resource.Type == ClassicDiskType ? EvaluateClassic(context) : EvaluateNative(context);
        if (customerKey is { } missing && context.Parameters.GetBool("requireCustomerManagedKey", fallback: false))
        {
            context.Report($"{missing}: the disk is encrypted only with a platform-managed key; requireCustomerManagedKey needs a customer-managed key from the company's Key Vault.");
        }
    }

    /// <returns>Null when the disk uses a customer-managed key, else a description of the platform-key setting.</returns>
    private static string? EvaluateNative(ResourceContext context)
    {
        var root = context.Properties;
        var ade = AzureDiskEncryption(context, "encryptionSettingsCollection");
        var typeValue = root.Known("encryption.type");
        var type = root.GetString("encryption.type");
        var customerKey = ade;
        if (type is not null)
        {
            if (!EncryptionTypes.Contains(type, StringComparer.Ordinal))
            {
                context.Report($"encryption.type is {typeValue!.Describe()}, not one of {string.Join(", ", EncryptionTypes)}.");
                return null;
            }

            if (type != EncryptionTypes[0])
            {
                customerKey = true;
                if (string.IsNullOrEmpty(root.GetString("encryption.diskEncryptionSetId")))
                {
                    context.Report($"encryption.type is \"{type}\" but encryption.diskEncryptionSetId is absent: the customer-managed key has no disk encryption set.");
                }
            }
        }

        if (root.GetString("securityProfile.securityType") == ConfidentialWithCustomerKey &&
            !string.IsNullOrEmpty(root.GetString("securityProfile.secureVMDiskEncryptionSetId")))
        {
            customerKey = true;
        }

        return customerKey ? null : type is null ? "encryption.type is absent, which means EncryptionAtRestWithPlatformKey" : $"encryption.type is \"{type}\"";
    }

    /// <returns>Null when the disk uses a customer-managed key, else a description of the platform-key setting.</returns>
    private static string? EvaluateClassic(ResourceContext context)
    {
        var root = context.Properties;
        var ade = AzureDiskEncryption(context, "encryptionSettings");
        var desSet = !string.IsNullOrEmpty(root.GetString("diskEncryptionSetId"));
        var confidential = root.GetString("securityType") == ConfidentialWithCustomerKey && !string.IsNullOrEmpty(root.GetString("secureVmDiskEncryptionSetId"));
        return ade || desSet || confidential ? null : "diskEncryptionSetId is absent";
    }

    /// <summary>Reports explicitly disabled Azure Disk Encryption settings; true when they are present and on.</summary>
    private static bool AzureDiskEncryption(ResourceContext context, string path)
    {
        if (context.Properties.Known(path) is null)
        {
            return false;
        }

        // azure-native requires `enabled`; classic v6 dropped it (the block's presence turns encryption on), classic v5 still had it.
        var enabledValue = context.Properties.Known($"{path}.enabled");
        if (context.Properties.GetBool($"{path}.enabled") == false)
        {
            context.Report($"{path}.enabled is {enabledValue!.Describe()}: Azure Disk Encryption is switched off explicitly.");
            return false;
        }

        return true;
    }
}
