using System.Text;

namespace SecurityBaseline.Fuzz;

/// <summary>One generated scan: its files (written to a fresh folder), the arguments after `scan` ({dir} stands for that
/// folder), what the generator did, and whether secrets were planted (then no output may contain the canary).</summary>
public sealed record FuzzInput(string Kind, IReadOnlyDictionary<string, string> Files, IReadOnlyList<string> Arguments, IReadOnlyList<string> Steps)
{
    /// <summary>Total size of the files, for the allocation budget.</summary>
    public long Size => Files.Values.Sum(f => (long)f.Length);

    /// <summary>Whether any text of the input (file or argument) contains <paramref name="fragment"/>.</summary>
    public bool Contains(string fragment) =>
        Files.Values.Any(f => f.Contains(fragment, StringComparison.Ordinal)) || Arguments.Any(a => a.Contains(fragment, StringComparison.Ordinal));

    /// <summary>A text form for the test log and the reproducer's README.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("kind: ").AppendLine(Kind);
        text.Append("command: security-baseline scan ").AppendLine(string.Join(' ', Arguments.Select(Quote)));
        foreach (var step in Steps)
        {
            text.Append("  - ").AppendLine(step);
        }

        return text.ToString();
    }

    private static string Quote(string argument) => argument.Length == 0 || argument.Any(char.IsWhiteSpace) ? $"'{argument}'" : argument;
}
