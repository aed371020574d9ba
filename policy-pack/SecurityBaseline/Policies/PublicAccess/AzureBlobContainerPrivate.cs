using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: Azure blob containers allow no anonymous read access.</summary>
public sealed class AzureBlobContainerPrivate : ResourcePolicy
{
    private const string NativeContainer = "azure-native:storage:BlobContainer";
    private const string ClassicContainer = "azure:storage/container:Container";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.AzureBlobContainerPrivate,
        Title = "Azure blob containers are private",
        Description = "Azure blob containers must not allow anonymous access (publicAccess None / containerAccessType private).",
        Message = "The blob container allows anonymous access.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes = [NativeContainer, ClassicContainer],
        Help = "Set `publicAccess: \"None\"` on an azure-native BlobContainer (or drop it), or `containerAccessType: \"private\"` on a classic azure Container (or drop it); share data through short-lived user-delegation SAS or RBAC instead.",
        AbsentMeans = "azure-native `publicAccess` absent means None and classic `containerAccessType` absent means private (both providers' defaults): compliant.",
        Tags = ["azure", "storage", "public-access"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var (property, privateValue) = context.Resource.Type == NativeContainer ? ("publicAccess", "None") : ("containerAccessType", "private");
        var value = context.Properties.Known(property);
        var text = context.Properties.GetString(property);
        if (value is null || string.Equals(text, privateValue, StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        // A secret value is neither printed nor paraphrased.
        var scope = (value.IsSecret ? null : text?.ToUpperInvariant()) switch
        {
            "BLOB" => "anyone can read its blobs by URL",
            "CONTAINER" => "anyone can list and read its blobs",
            _ => $"only \"{privateValue}\" keeps it private",
        };
        context.Report($"{property} is {value.Describe()}: {scope}.");
    }
}
