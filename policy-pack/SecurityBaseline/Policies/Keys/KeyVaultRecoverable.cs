using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7: Key Vaults keep soft delete and purge protection, so deleted keys and secrets can be recovered and never purged early.</summary>
public sealed class KeyVaultRecoverable : ResourcePolicy
{
    private const string NativeVault = "azure-native:keyvault:Vault";
    private const string ClassicVault = "azure:keyvault/keyVault:KeyVault";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.KeyVaultRecoverable,
        Title = "Key Vaults are recoverable",
        Description = "Key Vaults must have soft delete and purge protection enabled.",
        Message = "The Key Vault's keys and secrets can be permanently deleted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [NativeVault, ClassicVault],
        Help = "azure-native: set `properties.enablePurgeProtection: true` and keep `properties.enableSoftDelete` true (or absent). Classic azure: set `purgeProtectionEnabled: true` (soft delete is always on in azurerm 4.x; `softDeleteRetentionDays` defaults to 90). Purge protection cannot be turned off again once enabled.",
        AbsentMeans = "azure-native: `properties.enableSoftDelete` absent means true (compliant), `properties.enablePurgeProtection` absent means off (violation). Classic: `purgeProtectionEnabled` absent means false (violation); soft delete cannot be disabled and `softDeleteRetentionDays` absent means 90 days.",
        Tags = ["key-vault", "recovery"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        if (context.Resource.Type == ClassicVault)
        {
            if (properties.GetBool("purgeProtectionEnabled") != true)
            {
                context.Report($"purgeProtectionEnabled is {Describe(properties.Find("purgeProtectionEnabled"))}: a deleted vault and its keys can be purged before the retention period ends.");
            }

            return;
        }

        context.Guard(() =>
        {
            if (properties.GetBool("properties.enableSoftDelete") == false)
            {
                context.Report("properties.enableSoftDelete is false: deleted keys, secrets and certificates cannot be recovered.");
            }
        });
        context.Guard(() =>
        {
            if (properties.GetBool("properties.enablePurgeProtection") != true)
            {
                context.Report($"properties.enablePurgeProtection is {Describe(properties.Find("properties.enablePurgeProtection"))}: soft-deleted keys and secrets can be purged before the retention period ends.");
            }
        });
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Resource.Type == ClassicVault)
        {
            return context.Properties.GetBool("purgeProtectionEnabled") == true
                ? null
                : context.PropertiesWith(("purgeProtectionEnabled", PropertyValue.True));
        }

        if (context.Resource.Properties.GetValueOrDefault("properties") is not { Kind: ValueKind.Object } vaultProperties)
        {
            return null;
        }

        if (vaultProperties.GetBool("enableSoftDelete") != false && vaultProperties.GetBool("enablePurgeProtection") == true)
        {
            return null;
        }

        var fields = new Dictionary<string, PropertyValue>(vaultProperties.Fields, StringComparer.Ordinal)
        {
            ["enableSoftDelete"] = PropertyValue.True,
            ["enablePurgeProtection"] = PropertyValue.True,
        };
        return context.PropertiesWith(("properties", PropertyValue.FromObject(fields, vaultProperties.IsSecret)));
    }

    private static string Describe(PropertyValue? value) => value is null ? "absent (off)" : value.Describe();
}
