using System.Globalization;

namespace SecurityBaseline.Fuzz;

/// <summary>The campaign's size, seed and per-input budgets, from environment variables (docs/fuzzing.md).</summary>
public static class FuzzSettings
{
    /// <summary>Inputs per campaign in total, shared out between the input kinds (FUZZ_ITERATIONS; CI uses the default).</summary>
    public static int Iterations { get; } = Integer("FUZZ_ITERATIONS", 2000);

    /// <summary>The seed of every generator: fixed by default so a CI run is reproducible; FUZZ_SEED picks another campaign.</summary>
    public static ulong Seed { get; } = (ulong)Integer("FUZZ_SEED", 20260101);

    /// <summary>Bytes one scan may allocate on its thread, plus <see cref="AllocationPerInputByte"/> per input byte (FUZZ_ALLOC_BUDGET_MB).</summary>
    public static long AllocationBudget { get; } = Integer("FUZZ_ALLOC_BUDGET_MB", 768) * 1024L * 1024L;

    /// <summary>A scan is allowed this many allocated bytes per byte of input on top of the fixed budget.</summary>
    public const long AllocationPerInputByte = 200;

    /// <summary>Wall time after which a scan counts as hung (FUZZ_HANG_SECONDS): a watchdog, not a speed assertion.</summary>
    public static TimeSpan HangAfter { get; } = TimeSpan.FromSeconds(Integer("FUZZ_HANG_SECONDS", 60));

    /// <summary>Where reproducers are written: artifacts/fuzz/ under the repository (FUZZ_ARTIFACTS overrides).</summary>
    public static string ArtifactDirectory
    {
        get
        {
            var overridden = Environment.GetEnvironmentVariable("FUZZ_ARTIFACTS");
            if (!string.IsNullOrEmpty(overridden))
            {
                return overridden;
            }

            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "Infra.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root?.FullName ?? Path.GetTempPath(), "artifacts", "fuzz");
        }
    }

    private static int Integer(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
