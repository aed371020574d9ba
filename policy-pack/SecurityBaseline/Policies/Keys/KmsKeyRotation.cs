using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7: symmetric customer-managed KMS keys rotate their key material.</summary>
public sealed class KmsKeyRotation : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.KmsKeyRotation,
        Title = "KMS keys rotate their key material",
        Description = "Symmetric customer-managed KMS keys must have automatic key rotation enabled.",
        Message = "KMS key rotation is off.",
        Control = "§7",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:kms/key:Key"],
        Help = "Set `enableKeyRotation: true` on the key (optionally `rotationPeriodInDays` between 90 and 2560).",
        AbsentMeans = "`enableKeyRotation` absent means false (AWS does not rotate by default). Asymmetric and HMAC keys, and keys in a custom key store (`customKeyStoreId`), cannot rotate automatically and are not applicable.",
        Tags = ["kms", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var spec = context.Properties.GetString("customerMasterKeySpec") ?? "SYMMETRIC_DEFAULT";
        if (spec != "SYMMETRIC_DEFAULT")
        {
            context.NotApplicable($"key spec {spec} cannot rotate automatically");
            return;
        }

        if (InCustomKeyStore(context.Properties))
        {
            context.NotApplicable("keys in a custom key store (customKeyStoreId) cannot rotate automatically");
            return;
        }

        if (context.Properties.GetBool("enableKeyRotation") != true)
        {
            context.Report("enableKeyRotation is not true: the key material is never rotated.");
        }
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Properties.GetBool("enableKeyRotation") == true ||
            (context.Properties.GetString("customerMasterKeySpec") ?? "SYMMETRIC_DEFAULT") != "SYMMETRIC_DEFAULT" ||
            InCustomKeyStore(context.Properties))
        {
            return null;
        }

        return context.PropertiesWith(("enableKeyRotation", PropertyValue.True));
    }

    /// <summary>KMS refuses automatic rotation for keys in a CloudHSM or external key store; the provider reads "" as no store.</summary>
    private static bool InCustomKeyStore(PropertyValue properties) =>
        !string.IsNullOrEmpty(properties.GetString("customKeyStoreId"));
}
