using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Reporting;

/// <summary>What a scan found across its input files, reviewed against baseline and waivers, ready for any reporter.</summary>
public sealed class ScanReport
{
    public ScanReport(PackDefinition pack, IReadOnlyList<StackInput> inputs, AnalysisResult result, ReviewOptions? review = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(result);
        Inputs = inputs;
        Result = result;
        Review = review ?? ReviewOptions.None;
        Pack = pack;
        Policies = pack.Policies.Select(p => p.Descriptor).OrderBy(p => p.Id, StringComparer.Ordinal).ToArray();

        var baseline = Review.Baseline;
        Findings = result.Findings
            .Select(f => new ReportedFinding(
                f,
                baseline is null ? null : baseline.Contains(f.Policy.Id, f.Resource.Urn) ? FindingState.Existing : FindingState.New,
                Review.Waivers.Match(f.Policy.Id, f.Resource, Review.Today)))
            .ToArray();
        var current = Findings.Select(f => (f.Policy.Id, f.Resource.Urn)).ToHashSet();
        Fixed = baseline?.Findings.Where(e => !current.Contains(e.Key)).DistinctBy(e => e.Key).ToArray() ?? [];
        ExpiredWaivers = Review.Waivers.Expired(Review.Today).ToArray();
        StaleWaivers = Review.Waivers.Stale(inputs.SelectMany(i => i.Inputs.Concat(i.Outputs)).SelectMany(r => new[] { PolicyEngine.Reference(r), PolicyEngine.Reference(PolicyEngine.Canonical(r)) }), Review.Today);
        ExternalFindings = PolicyEvents.External(inputs, current, pack.Name);
    }

    /// <summary>The pack that scanned: its name, version and controls head every report.</summary>
    public PackDefinition Pack { get; }

    /// <summary>The framework the pack's policies name.</summary>
    public ControlFramework Controls => Pack.Controls;

    public IReadOnlyList<StackInput> Inputs { get; }
    public AnalysisResult Result { get; }
    public ReviewOptions Review { get; }

    /// <summary>Every policy of the pack, by id; SARIF rules and the audit list them all.</summary>
    public IReadOnlyList<PolicyDescriptor> Policies { get; }

    /// <summary>Every violation, waived ones included (they are shown, never hidden).</summary>
    public IReadOnlyList<ReportedFinding> Findings { get; }

    /// <summary>Baseline findings with no current finding of the same policy and URN.</summary>
    public IReadOnlyList<BaselineEntry> Fixed { get; }

    /// <summary>Waivers past their expiry date: they no longer count and are reported themselves.</summary>
    public IReadOnlyList<Waiver> ExpiredWaivers { get; }

    /// <summary>
    /// Active waivers whose selector matches no resource of the scanned inputs: a typo, a renamed resource or another stack's
    /// waiver. They waive nothing here, so every format reports them instead of letting them miss silently.
    /// </summary>
    public IReadOnlyList<Waiver> StaleWaivers { get; }

    /// <summary>Policy events from the Pulumi CLI's own analyzer run that are not duplicates of our findings.</summary>
    public IReadOnlyList<ExternalFinding> ExternalFindings { get; }

    public bool HasBaseline => Review.Baseline is not null;
    public IEnumerable<ReportedFinding> Open => Findings.Where(f => !f.IsWaived);
    public IEnumerable<ReportedFinding> Waived => Findings.Where(f => f.IsWaived);

    /// <summary>Violations that block: blocking level, not waived.</summary>
    public int Mandatory => Findings.Count(f => f.Blocks);
    public int Advisory => Findings.Count(f => !f.IsWaived && !f.Finding.Blocks);
    public int WaivedCount => Findings.Count(f => f.IsWaived);
    public int NewMandatory => Findings.Count(f => f.Blocks && f.IsNew);
    public int Passed => Result.Evaluations.Count(e => e.Outcome == Outcome.Pass);
    public int NotApplicable => Result.Evaluations.Count(e => e.Outcome == Outcome.NotApplicable);
    public int ResourceCount => Inputs.Sum(i => i.Inputs.Count);

    /// <summary>Per type, the resources no enabled policy evaluated (see <see cref="PolicyEngine.Unevaluated"/>).</summary>
    public IReadOnlyList<UnevaluatedType> Unevaluated => Result.Unevaluated;
    public int UnevaluatedCount => Result.UnevaluatedCount;

    /// <summary>Unevaluated resources that block: aws, azure and azure-native ones under the closed world.</summary>
    public int BlockingUnevaluated => Result.Unevaluated.Where(u => u.Blocks).Sum(u => u.Count);

    /// <summary>
    /// The verdict under <see cref="ReviewOptions.FailOn"/> (any blocking violation, or only new ones) and
    /// <see cref="ReviewOptions.FailOnSeverity"/> (only those of that severity or above), or any blocking unevaluated
    /// resource: the closed world is asked for explicitly, and a baseline does not record what went unjudged.
    /// </summary>
    public bool Blocked =>
        Findings.Any(f => f.Blocks && (Review.FailOn == FailOn.Any || f.IsNew) && f.Policy.Severity >= Review.FailOnSeverity) || BlockingUnevaluated > 0;

    /// <summary>The active waiver covering a failed evaluation, or null.</summary>
    public Waiver? WaiverFor(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return evaluation.Outcome == Outcome.Fail ? Review.Waivers.Match(evaluation.Policy.Id, evaluation.Resource, Review.Today) : null;
    }

    /// <summary>The reported finding state of a failed evaluation (null without a baseline).</summary>
    public FindingState? StateOf(Evaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return Review.Baseline is not { } baseline ? null
            : baseline.Contains(evaluation.Policy.Id, evaluation.Resource.Urn) ? FindingState.Existing : FindingState.New;
    }
}
