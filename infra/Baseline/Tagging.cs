using Baseline.Settings;
using Pulumi;

namespace Baseline;

/// <summary>The stack's tags as Pulumi input maps, optionally with a `Name` for the AWS console.</summary>
internal static class Tagging
{
    public static InputMap<string> Tags(this StackSettings settings, string? name = null)
    {
        var tags = new InputMap<string>();
        foreach (var (key, value) in settings.Tags)
        {
            tags.Add(key, value);
        }

        if (name is not null)
        {
            tags.Add("Name", name);
        }

        return tags;
    }
}
