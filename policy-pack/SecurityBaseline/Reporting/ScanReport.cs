using SecurityBaseline.Engine;
using SecurityBaseline.Inputs;

namespace SecurityBaseline.Reporting;

/// <summary>What a scan found across its input files, ready for any reporter.</summary>
public sealed record ScanReport(IReadOnlyList<StackInput> Inputs, AnalysisResult Result)
{
    public int Mandatory => Result.Findings.Count(f => f.Blocks);
    public int Advisory => Result.Findings.Count(f => !f.Blocks);
    public int Passed => Result.Evaluations.Count(e => e.Outcome == Outcome.Pass);
    public int NotApplicable => Result.Evaluations.Count(e => e.Outcome == Outcome.NotApplicable);
    public int ResourceCount => Inputs.Sum(i => i.Inputs.Count);
}
