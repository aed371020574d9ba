using System.Text.Json.Nodes;
using SecurityBaseline.Testing;
using Xunit.Abstractions;

namespace SecurityBaseline.Fuzz;

/// <summary>The canary sweep: for every example, every leaf and container position is made a secret holding the canary
/// (leaves replaced by it, containers wrapped with a canary member or element, so secret map keys are covered too),
/// scanned with every report format, and no output may contain the canary.</summary>
public sealed class CanarySweepTests(ITestOutputHelper output)
{
    /// <summary>Positions planted per scan; a leaking batch is re-run position by position to name the culprit.</summary>
    private const int Batch = 16;

    public static TheoryData<string> Examples() => new(Seeds.Examples.Where(e => !e.Name.EndsWith(".jsonl", StringComparison.Ordinal)).Select(e => e.Name));

    [Theory]
    [MemberData(nameof(Examples))]
    public void Scan_SecretCanaryAtEveryPosition_ShouldNeverPrintIt(string example)
    {
        var text = Seeds.Examples.Single(e => e.Name == example).Text;
        var count = JsonPositions.Positions(JsonMutator.Parse(text)!).Count();
        var failures = new List<string>();
        var known = 0;
        var scans = 0;
        foreach (var container in new[] { false, true })
        {
            for (var start = 0; start < count; start += Batch)
            {
                var indices = Enumerable.Range(start, Math.Min(Batch, count - start)).ToArray();
                scans++;
                if (Sweep(text, indices, container, example, out _))
                {
                    continue;
                }

                foreach (var index in indices)
                {
                    scans++;
                    if (!Sweep(text, [index], container, example, out var message))
                    {
                        if (message.StartsWith("known: ", StringComparison.Ordinal))
                        {
                            known++;
                        }
                        else
                        {
                            failures.Add(message);
                        }
                    }
                }
            }
        }

        output.WriteLine($"{example}: {count} positions x leaf/container, {scans} scans x 8 formats, {known} explained by known open defects");
        failures.Take(20).ToList().ForEach(output.WriteLine);
        Assert.True(failures.Count == 0, $"{failures.Count} canary positions failed in {example}:\n{string.Join('\n', failures.Take(10))}");
    }

    /// <summary>Plants the canary at <paramref name="indices"/>, scans, and says whether the oracle passed.</summary>
    private static bool Sweep(string text, int[] indices, bool container, string example, out string message)
    {
        var root = JsonMutator.Parse(text)!;
        var positions = JsonPositions.Positions(root).ToList();
        var steps = new List<string> { $"seed {example}" };
        foreach (var index in indices.Reverse())
        {
            var position = positions[index];
            if (position.Parent?.Root != root)
            {
                continue; // inside a container this batch already replaced; swept on its own when the batch is re-run
            }

            steps.Add($"{(container ? "container" : "leaf")} secret canary at {JsonPositions.Describe(position)}");
            JsonPositions.Replace(position, Canary.Plant(position.Node, container));
        }

        var input = FuzzCorpus.Scan("canary-sweep", JsonMutator.Serialize(root), steps, withWaivers: false);
        var outcome = ScanHarness.Run(input);
        var failures = ScanHarness.Judge(input, outcome);
        var open = failures.Where(f => KnownOpenDefects.Explaining(input, f) is null).ToList();
        message = failures.Count == 0 ? string.Empty
            : open.Count == 0 ? "known: " + string.Join("; ", failures)
            : $"{string.Join("; ", open)}\n    {string.Join("\n    ", steps)}\n    reproducer: {(indices.Length == 1 ? ScanHarness.WriteReproducer(input, open, outcome) : "(batch)")}";
        return failures.Count == 0;
    }
}
