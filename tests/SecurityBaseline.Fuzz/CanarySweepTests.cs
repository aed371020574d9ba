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
            var batches = new Queue<int[]>();
            for (var start = 0; start < count; start += Batch)
            {
                batches.Enqueue(Enumerable.Range(start, Math.Min(Batch, count - start)).ToArray());
            }

            while (batches.TryDequeue(out var indices))
            {
                scans++;
                var passed = Sweep(text, indices, container, example, out _, out var detached);
                if (detached.Length > 0)
                {
                    // Positions inside a container this batch replaced were not planted: they get a batch of their own.
                    batches.Enqueue(detached);
                }

                if (passed)
                {
                    continue;
                }

                foreach (var index in indices.Except(detached))
                {
                    scans++;
                    if (!Sweep(text, [index], container, example, out var message, out _))
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
    /// <remarks>Positions are planted in enumeration order, containers before what they hold; a position whose container
    /// was already replaced in this batch is not planted but returned in <paramref name="detached"/>, to be swept later.</remarks>
    private static bool Sweep(string text, int[] indices, bool container, string example, out string message, out int[] detached)
    {
        var root = JsonMutator.Parse(text)!;
        var positions = JsonPositions.Positions(root).ToList();
        var steps = new List<string> { $"seed {example}" };
        var skipped = new List<int>();
        foreach (var index in indices.Order())
        {
            var position = positions[index];
            if (!ReferenceEquals(position.Parent?.Root, root))
            {
                skipped.Add(index);
                continue;
            }

            steps.Add($"{(container ? "container" : "leaf")} secret canary at {JsonPositions.Describe(position)}");
            JsonPositions.Replace(position, Canary.Plant(position.Node, container));
        }

        detached = skipped.ToArray();
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
