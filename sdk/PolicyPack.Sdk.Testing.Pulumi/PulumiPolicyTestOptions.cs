using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>How <see cref="PulumiPolicyTest"/> runs a program: stack, project, preview or update, stack config and the pack's configuration.</summary>
public sealed class PulumiPolicyTestOptions
{
    /// <summary>The stack name the program sees (Pulumi's test default: "stack"); it is also part of every resource's URN.</summary>
    public string StackName { get; init; } = "stack";

    /// <summary>The project name the program sees (Pulumi's test default: "project").</summary>
    public string ProjectName { get; init; } = "project";

    /// <summary>The organization name the program sees; null keeps Pulumi's test default ("organization").</summary>
    public string? OrganizationName { get; init; }

    /// <summary>True runs the program as a preview (Pulumi's test default), false as an update.</summary>
    public bool IsPreview { get; init; } = true;

    /// <summary>The stack's config as the language host hands it over: namespaced keys ("myproject:region", "aws:region") to string values (lists and objects as JSON text).</summary>
    public IReadOnlyDictionary<string, string>? Config { get; init; }

    /// <summary>The pack's configuration (levels, parameters), as `--policy-pack-config` gives it; null takes every policy's default.</summary>
    /// <remarks>From JSON: <c>PackConfiguration.Parse(json, pack)</c>.</remarks>
    public PackConfiguration? PolicyConfiguration { get; init; }
}
