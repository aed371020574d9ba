using System.Diagnostics;
using CsCheck;
using Xunit.Abstractions;

namespace SecurityBaseline.Fuzz;

/// <summary>The campaign: FUZZ_ITERATIONS generated inputs shared out between the input kinds, each scanned in-process
/// with every report format and judged by the oracle (<see cref="ScanHarness.Judge"/>).</summary>
public sealed class FuzzCampaignTests(ITestOutputHelper output)
{
    public static TheoryData<string> Kinds() => new(FuzzCorpus.Kinds.Select(k => k.Kind));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Scan_GeneratedInputs_ShouldExitCleanlyWithoutLeaksWithinBudget(string kind)
    {
        var share = FuzzCorpus.Kinds.Single(k => k.Kind == kind).Share;
        var iterations = Math.Max(1, FuzzSettings.Iterations * share / 100);
        var plans = Gen.Int.Array[1, 24];
        var pcg = new PCG((uint)kind.Length * 7919u, FuzzSettings.Seed ^ (ulong)kind.GetHashCode(StringComparison.Ordinal));
        var unexplained = new List<string>();
        var known = new Dictionary<string, int>();
        var clock = Stopwatch.StartNew();
        long maxAllocated = 0;
        for (var i = 0; i < iterations; i++)
        {
            var plan = plans.Generate(pcg, null, out _);
            var input = FuzzCorpus.Build(kind, plan);
            if (KnownOpenDefects.Skipping(input) is { } unsafeDefect)
            {
                known[unsafeDefect.Issue + " (not run)"] = known.GetValueOrDefault(unsafeDefect.Issue + " (not run)") + 1;
                continue;
            }

            var outcome = ScanHarness.Run(input);
            maxAllocated = Math.Max(maxAllocated, outcome.AllocatedBytes);
            var failures = ScanHarness.Judge(input, outcome);
            var open = new List<FuzzFailure>();
            foreach (var failure in failures)
            {
                if (KnownOpenDefects.Explaining(input, failure) is { } defect)
                {
                    known[defect.Issue] = known.GetValueOrDefault(defect.Issue) + 1;
                }
                else
                {
                    open.Add(failure);
                }
            }

            if (open.Count > 0)
            {
                var folder = ScanHarness.WriteReproducer(input, open, outcome);
                unexplained.Add($"#{i} {string.Join("; ", open)}\n    reproducer: {folder}\n{input.Describe()}");
            }

            if (outcome.Hung)
            {
                break; // the hung scan still owns a thread; the rest of the campaign would measure it too
            }
        }

        output.WriteLine($"{kind}: {iterations} inputs in {clock.Elapsed.TotalSeconds:0.0} s, largest allocation {maxAllocated / (1024 * 1024)} MiB, seed {FuzzSettings.Seed}");
        foreach (var (issue, count) in known)
        {
            output.WriteLine($"known open defect ({count}x): {issue}");
        }

        foreach (var line in unexplained.Take(20))
        {
            output.WriteLine(line);
        }

        Assert.True(unexplained.Count == 0, $"{unexplained.Count} of {iterations} {kind} inputs failed the oracle:\n{string.Join('\n', unexplained.Take(10))}");
    }
}
