using System.Text.Json;

namespace Infra.Settings.Tests;

/// <summary>Reads the `config:` map of a `Pulumi.&lt;stack&gt;.yaml` as Pulumi hands it to a program: project keys without their namespace, lists as JSON text.</summary>
/// <remarks>Handles the subset the repository's stack files use (scalars, lists of scalars, `secure:` values); anything else fails the test loudly.</remarks>
internal static class StackFile
{
    public static Dictionary<string, string> Read(string path, string project = "baseline")
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var inConfig = false;
        string? listKey = null;
        List<string>? list = null;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var indent = line.Length - line.TrimStart().Length;
            if (indent == 0)
            {
                Flush();
                inConfig = line == "config:";
                continue;
            }

            if (!inConfig)
            {
                continue;
            }

            var text = line.Trim();
            if (indent > 2 && text.StartsWith("- ", StringComparison.Ordinal) && list is not null)
            {
                list.Add(Unquote(text[2..]));
                continue;
            }

            if (indent > 2 && text.StartsWith("secure:", StringComparison.Ordinal))
            {
                // An encrypted value: Pulumi decrypts it at run time; the test config never needs it.
                list = null;
                listKey = null;
                continue;
            }

            Flush();
            var colon = text.IndexOf(": ", StringComparison.Ordinal);
            if (text.EndsWith(':'))
            {
                listKey = Key(text[..^1], project);
                list = [];
            }
            else if (colon > 0)
            {
                values[Key(text[..colon], project)] = Unquote(text[(colon + 2)..]);
            }
            else
            {
                throw new FormatException($"{path}: cannot read \"{line}\"");
            }
        }

        Flush();
        return values;

        void Flush()
        {
            if (listKey is not null && list is { Count: > 0 })
            {
                values[listKey] = JsonSerializer.Serialize(list);
            }

            listKey = null;
            list = null;
        }
    }

    private static string Key(string key, string project) =>
        key.StartsWith(project + ":", StringComparison.Ordinal) ? key[(project.Length + 1)..] : key;

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && (trimmed[0] == '"' || trimmed[0] == '\'') && trimmed[^1] == trimmed[0] ? trimmed[1..^1] : trimmed;
    }
}
