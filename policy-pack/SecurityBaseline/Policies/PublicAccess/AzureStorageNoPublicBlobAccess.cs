using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: Azure storage accounts forbid anonymous access to their blobs and containers.</summary>
public sealed class AzureStorageNoPublicBlobAccess : ResourcePolicy
{
    private const string NativeAccount = "azure-native:storage:StorageAccount";
    private const string ClassicAccount = "azure:storage/account:Account";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureStorageNoPublicBlobAccess,
        Title = "Azure storage accounts forbid anonymous blob access",
        Description = "Azure storage accounts must not allow containers or blobs to be made public (allowBlobPublicAccess / allowNestedItemsToBePublic false).",
        Message = "The storage account lets containers and blobs be public.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = [NativeAccount, ClassicAccount],
        Help = "Set `allowBlobPublicAccess: false` on an azure-native StorageAccount, or `allowNestedItemsToBePublic: false` on a classic azure Account.",
        AbsentMeans = "azure-native (API 2024-01-01): `allowBlobPublicAccess` absent is interpreted as false by the service, so compliant (set it explicitly anyway: an account created before the default changed keeps anonymous access allowed). Classic azure v5/v6: `allowNestedItemsToBePublic` absent defaults to true, a violation; the v4 name `allowBlobPublicAccess` (default false) is honoured when only it is present.",
        Tags = ["azure", "storage", "public-access"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var (property, value) = Setting(context);
        if (value is null)
        {
            if (context.Resource.Type != NativeAccount)
            {
                context.Report($"{property} is absent, which the classic azure provider defaults to true: containers and blobs may be made public.");
            }

            return;
        }

        if (context.Properties.GetBool(property) != false)
        {
            context.Report($"{property} is {value.Describe()}: containers and blobs in the account may be made public.");
        }
    }

    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        var (property, value) = Setting(context);
        var compliant = value switch
        {
            null => context.Resource.Type == NativeAccount,
            { Kind: ValueKind.Bool } => !value.BoolValue,
            _ => false,
        };
        if (compliant)
        {
            return null;
        }

        return context.PropertiesWith((property, PropertyValue.False));
    }

    /// <summary>The property that governs anonymous access on this account's shape, and its value (null when absent).</summary>
    private static (string Property, PropertyValue? Value) Setting(ResourceContext context)
    {
        if (context.Resource.Type == NativeAccount)
        {
            return ("allowBlobPublicAccess", context.Properties.Known("allowBlobPublicAccess"));
        }

        // Classic v4 (azurerm 2.x) called it allowBlobPublicAccess; v5 and v6 renamed it allowNestedItemsToBePublic.
        var current = context.Properties.Known("allowNestedItemsToBePublic");
        if (current is null && context.Resource["allowBlobPublicAccess"] is { IsNull: false })
        {
            var legacy = context.Properties.Known("allowBlobPublicAccess");
            return ("allowBlobPublicAccess", legacy);
        }

        return ("allowNestedItemsToBePublic", current);
    }
}
