namespace SecurityBaseline.Fuzz;

/// <summary>A defect already reported and being fixed elsewhere: failures it explains are listed, not failed.</summary>
/// <param name="Issue">The issue text, as reported.</param>
/// <param name="Explains">Whether a failure of an input is this defect (judged on the failure and the input, narrowly).</param>
/// <param name="Skips">Inputs not run at all while the defect is open, because they would take the test host down.</param>
public sealed record KnownOpenDefect(string Issue, Func<FuzzInput, FuzzFailure, bool> Explains, Func<FuzzInput, bool>? Skips = null);

/// <summary>Defects known and still open. Empty now: the defects the suite found when it was written are fixed; a new
/// one goes here only with its issue, while the fix is under way. Any failure not explained here fails the run.</summary>
public static class KnownOpenDefects
{
    public static IReadOnlyList<KnownOpenDefect> All { get; } =
    [
    ];

    /// <summary>The open defect that makes running <paramref name="input"/> unsafe, if any.</summary>
    public static KnownOpenDefect? Skipping(FuzzInput input) => All.FirstOrDefault(d => d.Skips?.Invoke(input) == true);

    public static KnownOpenDefect? Explaining(FuzzInput input, FuzzFailure failure) =>
        All.FirstOrDefault(d => d.Explains(input, failure));
}
