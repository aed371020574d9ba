using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Reporting;

/// <summary>Whether a finding was already in the baseline report.</summary>
public enum FindingState
{
    New,
    Existing,
}

/// <summary>Which violations fail the scan: any blocking one, or only those not in the baseline.</summary>
public enum FailOn
{
    Any,
    New,
}

/// <summary>A violation as reports show it: with its baseline state (when a baseline was given) and the active waiver that covers it, if any.</summary>
public sealed record ReportedFinding(Finding Finding, FindingState? State, Waiver? Waiver)
{
    public PolicyDescriptor Policy => Finding.Policy;
    public ResourceRef Resource => Finding.Resource;
    public EnforcementLevel Level => Finding.Level;
    public string Message => Finding.Message;
    public bool IsWaived => Waiver is not null;

    /// <summary>True when the violation counts toward the verdict: blocking level and not waived.</summary>
    public bool Blocks => Waiver is null && Finding.Blocks;
    public bool IsNew => State is null or FindingState.New;
}

/// <summary>A policy event that the Pulumi CLI's own analyzer run reported and our scan did not: another pack's, or ours under other settings.</summary>
public sealed record ExternalFinding(string PolicyPack, string PolicyPackVersion, string PolicyName, EnforcementLevel Level, string Severity, ResourceRef Resource, string Message);

/// <summary>What a review adds to a scan: the baseline, the waivers and the day they are judged on, the verdict rule, and where the Pulumi project lives.</summary>
public sealed record ReviewOptions
{
    public static ReviewOptions None { get; } = new();

    public BaselineReport? Baseline { get; init; }
    public WaiverSet Waivers { get; init; } = WaiverSet.Empty;

    /// <summary>The day waivers are judged on (injected so tests control expiry).</summary>
    public DateOnly Today { get; init; } = DateOnly.MinValue;
    public FailOn FailOn { get; init; } = FailOn.Any;

    /// <summary>The lowest severity whose blocking violations fail the scan (`--fail-on-severity`); lower ones are still reported.</summary>
    public Severity FailOnSeverity { get; init; } = Severity.Low;

    /// <summary>The Pulumi project's folder relative to the repository root ("" for the root): `project:///` positions and Pulumi.yaml resolve against it.</summary>
    public string ProjectDirectory { get; init; } = string.Empty;

    /// <summary>
    /// Where repository paths become links, such as `https://github.com/o/r/blob/&lt;sha&gt;/` (null: reports print `path:line` as text).
    /// A path is appended as is, and `#L&lt;line&gt;` when the line is known.
    /// </summary>
    public string? LinkBase { get; init; }
}
