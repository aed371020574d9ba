namespace PolicyPack.Sdk.Engine;

/// <summary>How a violation is enforced, with the names Pulumi's `--policy-pack-config` uses.</summary>
public enum EnforcementLevel
{
    Advisory,
    Mandatory,
    Remediate,
    Disabled,
}

/// <summary>How bad a violation is, as Pulumi's PolicySeverity.</summary>
public enum Severity
{
    Low,
    Medium,
    High,
    Critical,
}

/// <summary>Wire names of levels and severities, as Pulumi writes them.</summary>
public static class LevelNames
{
    public static string Name(this EnforcementLevel level) =>
        level switch
        {
            EnforcementLevel.Advisory => "advisory",
            EnforcementLevel.Mandatory => "mandatory",
            EnforcementLevel.Remediate => "remediate",
            EnforcementLevel.Disabled => "disabled",
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };

    public static string Name(this Severity severity) =>
        severity switch
        {
            Severity.Low => "low",
            Severity.Medium => "medium",
            Severity.High => "high",
            Severity.Critical => "critical",
            _ => throw new ArgumentOutOfRangeException(nameof(severity)),
        };

    public static bool TryParseLevel(string text, out EnforcementLevel level)
    {
        switch (text)
        {
            case "advisory": level = EnforcementLevel.Advisory; return true;
            case "mandatory": level = EnforcementLevel.Mandatory; return true;
            case "remediate": level = EnforcementLevel.Remediate; return true;
            case "disabled": level = EnforcementLevel.Disabled; return true;
            default: level = default; return false;
        }
    }

    /// <summary>Remediate is stronger than mandatory: a violation that survives remediation blocks like a mandatory one.</summary>
    public static bool Blocks(this EnforcementLevel level) => level is EnforcementLevel.Mandatory or EnforcementLevel.Remediate;
}
