namespace SecurityBaseline.Fuzz;

/// <summary>A defect already reported and being fixed elsewhere: failures it explains are listed, not failed.</summary>
/// <param name="Issue">The issue text, as reported.</param>
/// <param name="Explains">Whether a failure of an input is this defect (judged on the failure and the input, narrowly).</param>
/// <param name="Skips">Inputs not run at all while the defect is open, because they would take the test host down.</param>
public sealed record KnownOpenDefect(string Issue, Func<FuzzInput, FuzzFailure, bool> Explains, Func<FuzzInput, bool>? Skips = null);

/// <summary>Defects known and open while this suite was written. Empty this list as the fixes merge: every entry that
/// no longer matches anything can go, and any failure not explained here fails the run.</summary>
public static class KnownOpenDefects
{
    public static IReadOnlyList<KnownOpenDefect> All { get; } =
    [
        new("secret plaintext printed by inbound-rule policies for secrets in protocol/toPort/type",
            (input, failure) => failure.Kind == "secret-leak" && !failure.Detail.Contains(Canary.Key, StringComparison.Ordinal)
                && (failure.Detail.Contains("type is", StringComparison.Ordinal) || failure.Detail.Contains("rotocol", StringComparison.Ordinal)
                    || failure.Detail.Contains("ort", StringComparison.Ordinal) || failure.Detail.Contains("ingress", StringComparison.Ordinal))),
        new("secret map keys printed in error paths",
            (input, failure) => failure.Kind == "secret-leak" && failure.Detail.Contains(Canary.Key, StringComparison.Ordinal)),
        new("crash on non-object resourcePreEvent/metadata in event lines",
            (input, failure) => failure.Kind == "unhandled-exception" && failure.Detail.Contains("ThrowJsonElementWrongTypeException", StringComparison.Ordinal)
                && input.Contains("resourcePreEvent")),
        new("crash on unpaired UTF-16 escapes (\\ud800) in JSON",
            (input, failure) => failure.Kind == "unhandled-exception" && failure.Detail.Contains("surrogate", StringComparison.Ordinal)),
        new("crash on deep nesting in waivers",
            (input, failure) => failure.Kind == "unhandled-exception"
                && input.Files.TryGetValue("waivers.yaml", out var yaml) && yaml.Contains(new string('[', 50), StringComparison.Ordinal)),
        new("crash on a YAML alias after a quoted scalar in waivers",
            (input, failure) => failure.Kind == "unhandled-exception"
                && input.Files.TryGetValue("waivers.yaml", out var yaml) && yaml.Contains("&q \"quoted\"", StringComparison.Ordinal)),
        new("crash on a YAML alias after a quoted scalar, or to an undefined anchor, in waivers (ArgumentException: unsupported event type)",
            (input, failure) => failure.Kind == "unhandled-exception" && failure.Detail.Contains("unsupported type", StringComparison.Ordinal)
                && input.Files.TryGetValue("waivers.yaml", out var yaml) && yaml.Contains(" *", StringComparison.Ordinal)),

        // Found by this suite (not in the original list): YamlDotNet's scanner throws InvalidOperationException, which the
        // waiver reader does not turn into a file:line error, e.g. on a comment inside a flow sequence (`owner: [# no]`).
        new("NEW: crash on an unterminated flow sequence in waivers (InvalidOperationException from YamlDotNet's Scanner.ScanPlainScalar)",
            (input, failure) => failure.Kind == "unhandled-exception" && failure.Detail.Contains("ScanPlainScalar", StringComparison.Ordinal)
                && input.Files.ContainsKey("waivers.yaml")),
        new("blow-up on YAML alias keys in waivers",
            (input, failure) => input.Files.TryGetValue("waivers.yaml", out var yaml) && yaml.Contains("? *k", StringComparison.Ordinal)),
        new("crash on junit with emoji",
            (input, failure) => failure.Kind == "unhandled-exception" && input.Arguments.Any(a => a.StartsWith("junit", StringComparison.Ordinal))
                && input.Files.Values.Any(f => f.Any(char.IsHighSurrogate))),
        new("crash on `--output ''`",
            (input, failure) => failure.Kind == "unhandled-exception" && input.Arguments.Select((a, i) => (a, i)).Any(p => p.a is "--output" or "-o"
                && p.i + 1 < input.Arguments.Count && input.Arguments[p.i + 1].Length == 0)),
        new("blow-up reading /dev/zero as an input",
            (input, failure) => input.Arguments.Contains("/dev/zero"),
            Skips: input => input.Arguments.Contains("/dev/zero")),
    ];

    /// <summary>The open defect that makes running <paramref name="input"/> unsafe, if any.</summary>
    public static KnownOpenDefect? Skipping(FuzzInput input) => All.FirstOrDefault(d => d.Skips?.Invoke(input) == true);

    public static KnownOpenDefect? Explaining(FuzzInput input, FuzzFailure failure) =>
        All.FirstOrDefault(d => d.Explains(input, failure));
}
