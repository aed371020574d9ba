namespace SecurityBaseline.Engine;

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

/// <summary>The engine's verdict on a set of resources, in a deterministic order.</summary>
public sealed record AnalysisResult(IReadOnlyList<Evaluation> Evaluations)
{
    public IReadOnlyList<Finding> Findings { get; } = Evaluations
        .Where(e => e.Outcome == Outcome.Fail)
        .SelectMany(e => e.Messages.Select(m => new Finding(e.Policy, e.Level, e.Resource, m)))
        .ToArray();

    public IEnumerable<Evaluation> NotApplicable => Evaluations.Where(e => e.Outcome == Outcome.NotApplicable);

    public bool HasBlockingViolation => Findings.Any(f => f.Blocks);
}
