namespace PolicyPack.Sdk.Engine;

/// <summary>A policy pack: its name and version as Pulumi shows them, its policies, and the controls they enforce.</summary>
public sealed record PackDefinition
{
    /// <summary>The name Pulumi shows for the pack and the prefix of its stack config keys (`&lt;name&gt;:allowedCidrs`); kebab-case.</summary>
    public required string Name { get; init; }

    /// <summary>The pack's version (semantic versioning); Pulumi shows it beside every violation.</summary>
    public required string Version { get; init; }

    public string DisplayName { get; init; } = string.Empty;
    public string Description { get; init; } = string.Empty;

    /// <summary>Where the policies are documented, one anchor per policy id; Pulumi shows `&lt;docs&gt;#&lt;id&gt;` as a policy's URL.</summary>
    public string PolicyDocs { get; init; } = "docs/policies.md";

    /// <summary>Every policy of the pack, listed explicitly so that trimming and NativeAOT keep them.</summary>
    public required IReadOnlyList<Policy> Policies { get; init; }

    /// <summary>The framework whose controls the policies name (<see cref="PolicyDescriptor.Control"/>).</summary>
    public ControlFramework Controls { get; init; } = ControlFramework.None;

    /// <summary>
    /// Parameters a stack sets once for every policy that has them: the stack config key `&lt;name&gt;:&lt;parameter&gt;` (a
    /// list of strings) becomes that parameter of each policy whose schema declares it and whose own configuration does not set it.
    /// </summary>
    public IReadOnlyList<string> StackParameters { get; init; } = [];

    /// <summary>The reserved configuration key for the level of resources no policy evaluates (`advisory` or `mandatory`).</summary>
    /// <remarks>The colon keeps it apart from every policy id, which is kebab-case, and matches the pack's stack config keys.</remarks>
    public string UnevaluatedKey => $"{Name}:unevaluated";

    /// <summary>The stack config key of a <see cref="StackParameters"/> entry.</summary>
    public string StackConfigKey(string parameter) => $"{Name}:{parameter}";

    /// <summary>A pack of just <paramref name="policies"/>, for tests and tools that evaluate a few policies on their own.</summary>
    public static PackDefinition Of(IEnumerable<Policy> policies, string name = "policies") =>
        new() { Name = name, Version = "0.0.0", Policies = policies.ToArray() };
}
