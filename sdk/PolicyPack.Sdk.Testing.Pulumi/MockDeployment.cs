using System.Collections.Immutable;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using Resource = global::Pulumi.Resource;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>One resource as Pulumi's mocks saw it: what the program asked for (inputs) and what the mocks answered (id, state).</summary>
public sealed record MockRegistration(string Type, string Name, ImmutableDictionary<string, object> Inputs, ImmutableDictionary<string, object> State, string? Id)
{
    /// <summary>This resource in the engine's model: inputs for resource policies, inputs plus state for stack policies.</summary>
    /// <remarks>What Pulumi's mocks cannot show is said in <see cref="MockResourceAdapter"/>: secrets arrive unwrapped (the
    /// adapter marks the inputs providers declare secret), and an input with an unknown inside never arrives.</remarks>
    public MockResource ToPolicyResource(string stack = "stack", string project = "project") =>
        MockResourceAdapter.Convert(
            Type,
            Name,
            PulumiValues.ToModelValues(Inputs, stack, project),
            PulumiValues.ToModelValues(State, stack, project),
            Id,
            stack,
            project);
}

/// <summary>What a program registered under Pulumi's mocks: Pulumi's resource objects, the registrations, and the pack's view of them.</summary>
public sealed class MockDeployment
{
    private readonly Lazy<IReadOnlyList<MockResource>> policyResources;

    internal MockDeployment(ImmutableArray<Resource> resources, IReadOnlyList<MockRegistration> registrations, string stackName, string projectName)
    {
        Resources = resources;
        Registrations = registrations;
        StackName = stackName;
        ProjectName = projectName;
        policyResources = new(() => registrations.Select(r => r.ToPolicyResource(stackName, projectName)).ToArray());
    }

    /// <summary>Pulumi's resource objects (the stack included), as Deployment.TestAsync returned them: read a stack's outputs here.</summary>
    public ImmutableArray<Resource> Resources { get; }

    /// <summary>Every resource the program registered, in registration order.</summary>
    public IReadOnlyList<MockRegistration> Registrations { get; }

    /// <summary>The stack name the program ran under.</summary>
    public string StackName { get; }

    /// <summary>The project name the program ran under.</summary>
    public string ProjectName { get; }

    /// <summary>Every registration in the engine's model.</summary>
    public IReadOnlyList<MockResource> PolicyResources => policyResources.Value;

    /// <summary>Judges every registered resource with <paramref name="pack"/>, as `pulumi preview --policy-pack` would.</summary>
    public AnalysisResult Analyze(PackDefinition pack, PackConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var engine = new PolicyEngine(pack.Policies, configuration ?? PackConfiguration.Default(pack));
        return engine.Analyze(PolicyResources.Select(r => r.Inputs).ToArray(), PolicyResources.Select(r => r.Outputs).ToArray());
    }
}
