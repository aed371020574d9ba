using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests;

/// <summary>Builds resources from JSON in the shape the engine sends and runs policies on them.</summary>
internal static class Fixtures
{
    /// <summary>A resource of <paramref name="type"/> named <paramref name="name"/> whose inputs are <paramref name="inputsJson"/>.</summary>
    public static PulumiResource Resource(string type, string inputsJson, string name = "subject")
    {
        using var document = JsonDocument.Parse(inputsJson, PropertyDecoder.DocumentOptions);
        return new PulumiResource
        {
            Type = type,
            Name = name,
            Urn = $"urn:pulumi:prod::baseline::{type}::{name}",
            Properties = PropertyDecoder.DecodeProperties(document.RootElement),
        };
    }

    /// <summary>Runs one resource policy on one resource, with optional `--policy-pack-config` JSON.</summary>
    public static Evaluation Evaluate(ResourcePolicy policy, PulumiResource resource, string? configJson = null)
    {
        var configuration = configJson is null ? PackConfiguration.Default([policy]) : PackConfiguration.Parse(configJson, [policy]);
        var evaluations = new PolicyEngine([policy], configuration).AnalyzeResource(resource);
        return Assert.Single(evaluations);
    }

    /// <summary>Runs one stack policy over resources; returns every evaluation.</summary>
    public static IReadOnlyList<Evaluation> EvaluateStack(StackPolicy policy, IEnumerable<PulumiResource> resources, string? configJson = null)
    {
        var configuration = configJson is null ? PackConfiguration.Default([policy]) : PackConfiguration.Parse(configJson, [policy]);
        return new PolicyEngine([policy], configuration).AnalyzeStack(resources);
    }

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
