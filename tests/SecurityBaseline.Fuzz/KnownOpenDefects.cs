namespace SecurityBaseline.Fuzz;

/// <summary>A defect already reported and being fixed elsewhere: failures it explains are listed, not failed.</summary>
/// <param name="Issue">The issue text, as reported.</param>
/// <param name="Explains">Whether a failure of an input is this defect (judged on the failure and the input, narrowly).</param>
public sealed record KnownOpenDefect(string Issue, Func<FuzzInput, FuzzFailure, bool> Explains);

/// <summary>Defects known and open while this suite was written. Empty this list as the fixes merge: every entry that
/// no longer matches anything can go, and any failure not explained here fails the run.</summary>
public static class KnownOpenDefects
{
    public static IReadOnlyList<KnownOpenDefect> All { get; } =
    [
    ];

    public static KnownOpenDefect? Explaining(FuzzInput input, FuzzFailure failure) =>
        All.FirstOrDefault(d => d.Explains(input, failure));
}
