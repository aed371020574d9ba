using System.Text.Json.Nodes;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PolicyPack.Sdk.Hosting.Protocol;
using SecurityBaseline.Testing;
using Xunit.Abstractions;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>The canary sweep through the analyzer door: for every example, every input position of every resource is made a
/// secret holding the canary (leaf: replaced by it; container: wrapped with a canary member or element, so secret map keys
/// are covered too), sent as Pulumi's secret Struct to Analyze (one position per call) and to AnalyzeStack (one position per
/// resource per call: positions in different resources are independent), and no response, stderr or stdout may contain it.</summary>
/// <remarks>The positions are the ones the scan-door sweep (SecurityBaseline.Fuzz CanarySweepTests) plants at, from the shared
/// tests/Shared/CanaryPlanting.cs. The eight JSON examples hold 640 input positions (outside the secrets they already carry);
/// each is planted in both modes and sent through both doors: 1,280 Analyze calls and 368 AnalyzeStack calls (per-example
/// counts are in the test output; about 15 s on 2 cores).</remarks>
public sealed class AnalyzerCanarySweepTests(ITestOutputHelper output)
{
    private static readonly string ExamplesDirectory = Path.Combine(AppContext.BaseDirectory, "examples");

    /// <summary>A resource of an example as the engine would send it; its inputs are kept as JSON text to plant into fresh copies.</summary>
    private sealed record ExampleResource(string Type, string Urn, string Name, string InputsJson, int PositionCount);

    public static TheoryData<string> Examples() =>
        new(Directory.GetFiles(ExamplesDirectory, "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task AnalyzeAndAnalyzeStack_SecretCanaryAtEveryInputPosition_ShouldNeverPrintIt(string example)
    {
        var resources = Resources(File.ReadAllText(Path.Combine(ExamplesDirectory, example)));
        var positions = resources.Sum(r => r.PositionCount);
        Assert.True(positions > 0, $"{example} has no input positions to plant at");

        // The CLI's own logging flags, so anything the analyzer would log at its most verbose is inspected too.
        await using var analyzer = await AnalyzerProcess.StartAsync("--logtostderr", "-v=9", Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var failures = new List<string>();
        var analyzeCalls = 0;
        var stackCalls = 0;

        foreach (var container in new[] { false, true })
        {
            var mode = container ? "container" : "leaf";
            foreach (var resource in resources)
            {
                for (var index = 0; index < resource.PositionCount; index++)
                {
                    var (properties, at) = Planted(resource, index, container);
                    var request = new AnalyzeRequest { Type = resource.Type, Name = resource.Name, Urn = resource.Urn, Properties = properties };
                    analyzeCalls++;
                    var problem = await CallAsync(() => analyzer.Client.AnalyzeAsync(request).ResponseAsync);
                    if (problem is not null)
                    {
                        failures.Add($"Analyze {resource.Urn} {mode} canary at {at}: {problem}");
                    }
                }
            }

            // Round r plants position r of every resource that has one: one canary per resource, so every position is
            // swept through the stack door in as many calls as the largest resource has positions.
            var rounds = resources.Max(r => r.PositionCount);
            for (var round = 0; round < rounds; round++)
            {
                var request = new AnalyzeStackRequest();
                var planted = new List<string>();
                foreach (var resource in resources)
                {
                    var properties = Struct.Parser.ParseJson(resource.InputsJson);
                    if (round < resource.PositionCount)
                    {
                        (properties, var at) = Planted(resource, round, container);
                        planted.Add($"{resource.Urn} {at}");
                    }

                    request.Resources.Add(new AnalyzerResource { Type = resource.Type, Name = resource.Name, Urn = resource.Urn, Properties = properties });
                }

                stackCalls++;
                var problem = await CallAsync(() => analyzer.Client.AnalyzeStackAsync(request).ResponseAsync);
                if (problem is not null)
                {
                    failures.Add($"AnalyzeStack round {round} ({mode} canaries at {string.Join(", ", planted)}): {problem}");
                }
            }
        }

        await analyzer.Client.CancelAsync(new Empty());
        Assert.Equal(0, await analyzer.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        if (Canary.LeaksIn(analyzer.Stderr))
        {
            failures.Add("stderr contains the canary");
        }

        if (Canary.LeaksIn(System.Text.Encoding.UTF8.GetString(analyzer.StdoutAfterPortLine)))
        {
            failures.Add("stdout contains the canary");
        }

        output.WriteLine($"{example}: {resources.Count} resources, {positions} input positions x leaf/container: {analyzeCalls} Analyze calls, {stackCalls} AnalyzeStack calls");
        failures.Take(20).ToList().ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, $"{failures.Count} canary checks failed in {example}:\n{string.Join('\n', failures.Take(10))}");
    }

    /// <summary>Sends one call; null when it succeeded without showing the canary, otherwise what went wrong (UNKNOWN
    /// is the status an unhandled exception in the server becomes, so any failed status counts).</summary>
    private static async Task<string?> CallAsync<TResponse>(Func<Task<TResponse>> call)
        where TResponse : IMessage
    {
        try
        {
            var response = await call();

            // The whole response in protobuf JSON: diagnostics (policy, message, description, urn) and not-applicable reasons.
            var text = JsonFormatter.Default.Format(response);
            return Canary.LeaksIn(text) ? "the response contains the canary" : null;
        }
        catch (RpcException e)
        {
            return $"status {e.StatusCode}{(Canary.LeaksIn(e.Status.Detail) ? " and its detail contains the canary" : string.Empty)}";
        }
    }

    /// <summary>A fresh copy of the resource's inputs with the canary planted at position <paramref name="index"/>.</summary>
    private static (Struct Properties, string At) Planted(ExampleResource resource, int index, bool container)
    {
        var inputs = JsonNode.Parse(resource.InputsJson)!;
        var position = JsonPositions.Positions(inputs).ElementAt(index);
        JsonPositions.Replace(position, Canary.Plant(position.Node, container));
        return (Struct.Parser.ParseJson(inputs.ToJsonString()), JsonPositions.Describe(position));
    }

    /// <summary>The resources of an export (deployment.resources[].inputs) or a preview digest (steps[].newState.inputs).</summary>
    private static List<ExampleResource> Resources(string text)
    {
        var root = JsonNode.Parse(text)!;
        var states = root["deployment"]?["resources"]?.AsArray().Select(r => r!)
            ?? root["steps"]!.AsArray().Select(s => s!["newState"]).OfType<JsonNode>();
        var resources = new List<ExampleResource>();
        foreach (var state in states)
        {
            var urn = state["urn"]!.GetValue<string>();
            var inputs = state["inputs"] as JsonObject ?? [];
            var json = inputs.ToJsonString();
            var name = urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
            resources.Add(new ExampleResource(state["type"]!.GetValue<string>(), urn, name, json, JsonPositions.Positions(JsonNode.Parse(json)!).Count()));
        }

        return resources;
    }
}
