using System.Globalization;

namespace PolicyPack.Sdk.Reporting;

/// <summary>A place in the repository: a file relative to its root (or an absolute file URI) with an optional line and column.</summary>
public sealed record SourceLocation(string Path, int? Line, int? Column)
{
    /// <summary>Reads a state `sourcePosition` such as `project:///infra/Baseline/Keys.cs#22,9`; project paths resolve against <paramref name="projectDirectory"/>.</summary>
    public static SourceLocation? FromPosition(string? position, string projectDirectory)
    {
        if (string.IsNullOrEmpty(position))
        {
            return null;
        }

        var hash = position.LastIndexOf('#');
        var location = hash < 0 ? position : position[..hash];
        int? line = null;
        int? column = null;
        if (hash >= 0)
        {
            var numbers = position[(hash + 1)..].Split(',');
            line = Number(numbers[0]);
            column = numbers.Length > 1 ? Number(numbers[1]) : null;
        }

        const string project = "project://";
        if (location.StartsWith(project, StringComparison.Ordinal))
        {
            var relative = Uri.UnescapeDataString(location[project.Length..]).TrimStart('/');
            return relative.Length == 0 ? null : new SourceLocation(Combine(projectDirectory, relative), line, column);
        }

        return location.StartsWith("file:///", StringComparison.Ordinal) ? new SourceLocation(location, line, column) : null;
    }

    /// <summary>The stack's Pulumi.yaml: where a finding points when its resource has no source position.</summary>
    public static SourceLocation ProjectFile(string projectDirectory) => new(Combine(projectDirectory, "Pulumi.yaml"), null, null);

    private static string Combine(string directory, string path)
    {
        var trimmed = directory.Replace('\\', '/').Trim('/');
        return trimmed is "" or "." ? path : $"{trimmed}/{path}";
    }

    private static int? Number(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
}
