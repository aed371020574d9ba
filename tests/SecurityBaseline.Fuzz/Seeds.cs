using SecurityBaseline.Policies;
using PolicyPack.Sdk.Hosting;

namespace SecurityBaseline.Fuzz;

/// <summary>The bundled inputs every generator starts from: examples/, the company config and waivers, a real baseline report.</summary>
public static class Seeds
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "seeds");

    /// <summary>Every example file by name (stack exports v3/v4, preview --json digests, an engine event stream).</summary>
    public static IReadOnlyList<(string Name, string Text)> Examples { get; } =
        Directory.GetFiles(Path.Combine(Root, "examples")).Order(StringComparer.Ordinal)
            .Select(p => (Path.GetFileName(p), File.ReadAllText(p))).ToArray();

    public static string PolicyConfig { get; } = File.ReadAllText(Path.Combine(Root, "policy-config.json"));

    public static string Waivers { get; } = File.ReadAllText(Path.Combine(Root, "policy-waivers.yaml"));

    /// <summary>A JSON report of the violating examples, as `--baseline` reads it.</summary>
    public static string Baseline { get; } = MakeBaseline();

    /// <summary>Policy ids of the pack, for waivers and configs that name real policies.</summary>
    public static IReadOnlyList<string> PolicyIds { get; } =
        SecurityBaseline.Policies.PolicyCatalog.All.Select(p => p.Descriptor.Id).ToArray();

    private static string MakeBaseline()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var files = Directory.GetFiles(Path.Combine(Root, "examples"), "*violating*").Order(StringComparer.Ordinal);
        var code = Cli.Run(PolicyCatalog.Pack, ["scan", .. files, "--format", "json"], stdout, stderr);
        if (code != ExitCodes.Violations)
        {
            throw new InvalidOperationException($"the baseline seed scan exited {code}: {stderr}");
        }

        return stdout.ToString();
    }
}
