using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace PolicyPack.Sdk.Testing;

/// <summary>Runs policies the way the analyzer and the scanner do (levels, parameters, fail-closed), in one call.</summary>
public static class PolicyRun
{
    /// <summary>The verdict of <paramref name="policy"/> on <paramref name="resource"/>, with optional `--policy-pack-config` JSON.</summary>
    /// <exception cref="PolicyConfigException">The configuration does not validate against the policy's schema.</exception>
    public static Evaluation Resource(ResourcePolicy policy, PulumiResource resource, string? configJson = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(resource);
        var evaluations = Engine([policy], configJson).AnalyzeResource(resource);
        return evaluations.Count == 1
            ? evaluations[0]
            : throw new PolicyAssertionException($"{policy.Descriptor.Id} does not cover {resource.Type}: the engine did not run it on {resource.Name}");
    }

    /// <summary>The verdicts of the stack policy <paramref name="policy"/> over <paramref name="resources"/> (one per resource it judged, or one for the stack).</summary>
    public static IReadOnlyList<Evaluation> Stack(StackPolicy policy, IEnumerable<PulumiResource> resources, string? configJson = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(resources);
        return Engine([policy], configJson).AnalyzeStack(resources);
    }

    /// <summary>Every policy of <paramref name="pack"/> over <paramref name="resources"/>, as `pulumi preview --policy-pack` would judge them.</summary>
    public static AnalysisResult Pack(PackDefinition pack, IReadOnlyList<PulumiResource> resources, string? configJson = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        ArgumentNullException.ThrowIfNull(resources);
        var configuration = configJson is null ? PackConfiguration.Default(pack) : PackConfiguration.Parse(configJson, pack, "test configuration");
        return new PolicyEngine(pack.Policies, configuration).Analyze(resources, resources);
    }

    private static PolicyEngine Engine(Policy[] policies, string? configJson)
    {
        var configuration = configJson is null ? PackConfiguration.Default(policies) : PackConfiguration.Parse(configJson, policies, "test configuration");
        return new PolicyEngine(policies, configuration);
    }
}
