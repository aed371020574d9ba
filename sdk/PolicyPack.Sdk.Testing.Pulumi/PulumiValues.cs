using System.Collections;
using ModelValue = PolicyPack.Sdk.Model.PropertyValue;
using PulumiArchive = global::Pulumi.Archive;
using PulumiAsset = global::Pulumi.Asset;
using PulumiResource = global::Pulumi.Resource;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>Replaces the Pulumi objects a mock's inputs can hold (assets, archives, resource references) with model values, so the pure adapter takes the rest.</summary>
internal static class PulumiValues
{
    private static readonly IReadOnlyDictionary<string, string> NoAttributes = new Dictionary<string, string>(StringComparer.Ordinal);
    private static readonly IReadOnlyDictionary<string, ModelValue> NoAssets = new Dictionary<string, ModelValue>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, object> ToModelValues(IReadOnlyDictionary<string, object> values, string stack, string project) =>
        values.Values.Any(HoldsPulumiObject)
            ? values.ToDictionary(p => p.Key, p => Map(p.Value, stack, project)!, StringComparer.Ordinal)
            : values;

    private static bool HoldsPulumiObject(object? value) =>
        value switch
        {
            null or string => false,
            PulumiAsset or PulumiArchive or PulumiResource => true,
            IDictionary map => map.Values.Cast<object?>().Any(HoldsPulumiObject),
            IEnumerable items => items.Cast<object?>().Any(HoldsPulumiObject),
            _ => false,
        };

    private static object? Map(object? value, string stack, string project) =>
        value switch
        {
            null or string => value,

            // Pulumi keeps an asset's path, text or URI internal: the engine's model gets the kind without its content.
            PulumiAsset => ModelValue.Asset(NoAttributes),
            PulumiArchive => ModelValue.Archive(NoAttributes, NoAssets),
            PulumiResource resource => Reference(resource, stack, project),
            IDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Map(p.Value, stack, project), StringComparer.Ordinal),
            IEnumerable items => items.Cast<object?>().Select(item => Map(item, stack, project)).ToArray(),
            _ => value,
        };

    /// <summary>A reference by URN when the resource knows its type and name; otherwise (a bare dependency) a value not known, so no policy passes on a guess.</summary>
    private static ModelValue Reference(PulumiResource resource, string stack, string project)
    {
        var type = resource.GetResourceType();
        var name = resource.GetResourceName();
        return string.IsNullOrEmpty(type) || string.IsNullOrEmpty(name)
            ? ModelValue.Unknown("object")
            : ModelValue.ResourceReference($"urn:pulumi:{stack}::{project}::{type}::{name}", null, NoAttributes);
    }
}
