namespace PolicyPack.Sdk.Engine;

/// <summary>What came of one policy on one resource.</summary>
public enum Outcome
{
    Pass,
    Fail,
    NotApplicable,
}

/// <summary>The resource an evaluation is about, as reports name it.</summary>
public sealed record ResourceRef(string Urn, string Type, string Name, string? SourcePosition = null)
{
    /// <summary>The file the resource was read from, so a report over several files says where each finding lies.</summary>
    public string? Origin { get; init; }

    /// <summary>Stands for the stack itself when a stack policy's finding names no resource of the stack.</summary>
    public static ResourceRef Stack { get; } = new(string.Empty, "pulumi:pulumi:Stack", "(stack)");
}

/// <summary>One policy checked against one resource: pass, fail with messages, or not applicable with a reason.</summary>
public sealed record Evaluation(PolicyDescriptor Policy, EnforcementLevel Level, ResourceRef Resource, Outcome Outcome, IReadOnlyList<string> Messages, string? Reason = null)
{
    public bool Blocks => Outcome == Outcome.Fail && Level.Blocks();
}

/// <summary>One violation: a policy, the resource, the effective level and what is wrong.</summary>
public sealed record Finding(PolicyDescriptor Policy, EnforcementLevel Level, ResourceRef Resource, string Message)
{
    public bool Blocks => Level.Blocks();
}

/// <summary>Resources of one type that no enabled policy evaluated, and how that counts (advisory, or mandatory under the closed world).</summary>
public sealed record UnevaluatedType(string Type, int Count, EnforcementLevel Level)
{
    public bool Blocks => Level.Blocks();
}

/// <summary>The engine's verdict on a set of resources, in a deterministic order.</summary>
public sealed record AnalysisResult(IReadOnlyList<Evaluation> Evaluations)
{
    public IReadOnlyList<Finding> Findings { get; } = Evaluations
        .Where(e => e.Outcome == Outcome.Fail)
        .SelectMany(e => e.Messages.Select(m => new Finding(e.Policy, e.Level, e.Resource, m)))
        .ToArray();

    public IEnumerable<Evaluation> NotApplicable => Evaluations.Where(e => e.Outcome == Outcome.NotApplicable);

    public bool HasBlockingViolation => Findings.Any(f => f.Blocks);

    /// <summary>Per canonical type, the resources no enabled policy evaluated, ordered by type (see <see cref="PolicyEngine.Unevaluated"/>).</summary>
    /// <remarks>A scan that judged nothing must not read as a clean one: every report states these.</remarks>
    public IReadOnlyList<UnevaluatedType> Unevaluated { get; init; } = [];

    public int UnevaluatedCount => Unevaluated.Sum(u => u.Count);

    /// <summary>A blocking violation, or an unevaluated resource that the closed world makes mandatory.</summary>
    public bool Blocks => HasBlockingViolation || Unevaluated.Any(u => u.Blocks);

    /// <summary>Several results (one per scanned file, in file order) as one: evaluations concatenated, unevaluated counts summed per type.</summary>
    public static AnalysisResult Combine(IEnumerable<AnalysisResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var all = results.ToArray();

        // One file (the usual scan) is its own combination: its unevaluated types are already one per type, in order.
        if (all.Length == 1)
        {
            return all[0];
        }

        return new AnalysisResult(all.SelectMany(r => r.Evaluations).ToArray()) { Unevaluated = MergeUnevaluated(all.SelectMany(r => r.Unevaluated)) };
    }

    /// <summary>Counts summed per type, the strongest level kept, ordered by type.</summary>
    public static IReadOnlyList<UnevaluatedType> MergeUnevaluated(IEnumerable<UnevaluatedType> unevaluated) =>
        unevaluated
            .GroupBy(u => u.Type, StringComparer.Ordinal)
            .Select(g => new UnevaluatedType(g.Key, g.Sum(u => u.Count), g.Any(u => u.Blocks) ? EnforcementLevel.Mandatory : EnforcementLevel.Advisory))
            .OrderBy(u => u.Type, StringComparer.Ordinal)
            .ToArray();
}
