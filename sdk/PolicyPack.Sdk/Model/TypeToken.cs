using System.Text.RegularExpressions;

namespace PolicyPack.Sdk.Model;

/// <summary>Type tokens as policies match them: an azure-native token pinned to an API version stands for its resource.</summary>
/// <remarks>
/// azure-native v2 programs could pin `azure-native:storage/v20230101:StorageAccount`; v3 keeps such tokens only as aliases,
/// but stacks and state written with them still exist. They carry the resource's input shape, so the resource's policies
/// apply; defaults of absent properties are read as the current API version's, which older versions may not share.
/// </remarks>
internal static partial class TypeToken
{
    /// <summary>The token policies key on: `azure-native:module/vYYYYMMDD[preview]:Resource` becomes `azure-native:module:Resource`.</summary>
    public static string Canonical(string type)
    {
        var match = VersionedAzureNative().Match(type);
        return match.Success ? $"azure-native:{match.Groups["module"].Value}:{match.Groups["resource"].Value}" : type;
    }

    [GeneratedRegex(@"^azure-native:(?<module>[A-Za-z0-9]+)/v\d{8}(?:preview|privatepreview)?:(?<resource>[A-Za-z0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionedAzureNative();
}
