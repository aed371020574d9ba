using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Testing;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests;

/// <summary>The pack's fixtures on the SDK's testing library: resources of the reference stack ("prod", "baseline") and one-call policy runs.</summary>
internal static class Fixtures
{
    /// <summary>A resource of <paramref name="type"/> named <paramref name="name"/> whose inputs are <paramref name="inputsJson"/>.</summary>
    public static PulumiResource Resource(string type, string inputsJson, string name = "subject") =>
        TestResource.Of(type, inputsJson, name, stack: "prod", project: "baseline");

    /// <summary>Runs one resource policy on one resource, with optional `--policy-pack-config` JSON.</summary>
    public static Evaluation Evaluate(ResourcePolicy policy, PulumiResource resource, string? configJson = null) =>
        PolicyRun.Resource(policy, resource, configJson);

    /// <summary>Runs one stack policy over resources; returns every evaluation.</summary>
    public static IReadOnlyList<Evaluation> EvaluateStack(StackPolicy policy, IEnumerable<PulumiResource> resources, string? configJson = null) =>
        PolicyRun.Stack(policy, resources, configJson);

    public static Evaluation Evaluate(ResourcePolicy policy, string type, string inputsJson, string? configJson = null) =>
        Evaluate(policy, Resource(type, inputsJson), configJson);

    /// <summary>The repository's root, found from the test's output folder.</summary>
    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Infra.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Infra.sln not found above the test output folder");
    }

    public static Policy PolicyById(string id) => PolicyCatalog.All.Single(p => p.Descriptor.Id == id);
}
