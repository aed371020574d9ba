using SecurityBaseline.Engine;
using SecurityBaseline.Model;

namespace SecurityBaseline.Policies.Transit;

/// <summary>Path reads the transit policies share: list items addressed by their full path, and values shown safely in messages.</summary>
internal static class PropertyPaths
{
    /// <summary>The paths of the non-null items at <paramref name="path"/> (`path[i]`); a single object standing for a one-item list is its own path.</summary>
    /// <remarks>Full paths keep the unknown-value reasons and messages pointing at the exact item.</remarks>
    public static IReadOnlyList<string> ItemPaths(this PropertyValue root, string path)
    {
        var value = root.Known(path);
        if (value is null)
        {
            return [];
        }

        if (value.Kind != ValueKind.Array)
        {
            return [path];
        }

        var paths = new List<string>(value.Items.Count);
        for (var i = 0; i < value.Items.Count; i++)
        {
            if (!value.Items[i].IsNull)
            {
                paths.Add(FormattableString.Invariant($"{path}[{i}]"));
            }
        }

        return paths;
    }

    /// <summary>The value at <paramref name="path"/> for a message: "absent" when absent, "[secret]" for a secret, never a secret's value.</summary>
    public static string Show(this PropertyValue root, string path) => root.Find(path)?.Describe() ?? "absent";

    /// <summary>The name a sub-resource id ends with (`…/httpListeners/web-http` → `web-http`).</summary>
    public static string LastSegment(string id)
    {
        var trimmed = id.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }
}
