namespace PolicyPack.Sdk.Engine;

/// <summary>A policy's metadata, declared once like a Roslyn DiagnosticDescriptor.</summary>
public sealed record PolicyDescriptor
{
    /// <summary>Stable kebab-case id; also the policy name Pulumi shows and config keys use.</summary>
    public required string Id { get; init; }
    public required string Title { get; init; }

    /// <summary>What the policy requires, in one sentence (Pulumi's policy description).</summary>
    public required string Description { get; init; }

    /// <summary>The general violation message; each finding adds the specifics.</summary>
    public required string Message { get; init; }

    /// <summary>The id of the control the policy enforces, as its pack's <see cref="ControlFramework"/> lists it (e.g. "§7").</summary>
    public required string Control { get; init; }
    public required Severity Severity { get; init; }
    public EnforcementLevel DefaultEnforcement { get; init; } = EnforcementLevel.Mandatory;

    /// <summary>Every type token the policy covers, aliases and renamed tokens included.</summary>
    public required IReadOnlyList<string> ResourceTypes { get; init; }

    /// <summary>JSON-schema `properties` object for the policy's parameters ("{}" for none).</summary>
    public string ConfigSchema { get; init; } = "{}";

    /// <summary>How to fix a violation.</summary>
    public required string Help { get; init; }

    /// <summary>What an absent property means for this policy (the provider's default), for the docs.</summary>
    public string AbsentMeans { get; init; } = string.Empty;
    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>The rows of a control's table (see <see cref="ControlPolicy"/>); empty for a policy decided by code alone.</summary>
    public IReadOnlyList<Requirement> Requirements { get; init; } = [];

    /// <summary>The provider families (aws, azure, azure-native) the covered types belong to.</summary>
    public IReadOnlyList<string> ProviderFamilies =>
        ResourceTypes.Select(t => t[..t.IndexOf(':', StringComparison.Ordinal)]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
}
