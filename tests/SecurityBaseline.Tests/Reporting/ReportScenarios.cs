using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using SecurityBaseline.Policies;
using PolicyPack.Sdk.Reporting;
using PolicyPack.Sdk.Waivers;

namespace SecurityBaseline.Tests.Reporting;

/// <summary>Reports built from the bundled examples, with paths relative to the repository so outputs are machine-independent.</summary>
internal static class ReportScenarios
{
    /// <summary>The day the test waivers are judged on: one is active, one expired the day before.</summary>
    public static readonly DateOnly Today = new(2026, 6, 1);

    public const string DataFolder = "tests/SecurityBaseline.Tests/Reporting/Data";

    public static IReadOnlyList<string> Names { get; } = ["examples", "review"];

    /// <summary>"examples": every bundled example, no baseline or waivers. "review": the same plus baseline, waivers and fail-on new.</summary>
    public static ScanReport Build(string name) =>
        name switch
        {
            "examples" => Scan(ExampleFiles(), new ReviewOptions { Today = Today }),
            "review" => Scan(ExampleFiles(), new ReviewOptions
            {
                Today = Today,
                Baseline = BaselineReport.Parse(Read($"{DataFolder}/baseline.json"), $"{DataFolder}/baseline.json"),
                Waivers = WaiverSet.Parse(Read($"{DataFolder}/waivers.yaml"), $"{DataFolder}/waivers.yaml", PolicyIds()),
                FailOn = FailOn.New,
            }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such scenario"),
        };

    public static IReadOnlyCollection<string> PolicyIds() => PolicyCatalog.All.Select(p => p.Descriptor.Id).ToArray();

    /// <summary>Scans files given relative to the repository root, naming them that way in the report.</summary>
    public static ScanReport Scan(IEnumerable<string> files, ReviewOptions review)
    {
        var engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));
        var inputs = new List<StackInput>();
        var results = new List<AnalysisResult>();
        foreach (var file in files)
        {
            var input = StackInputReader.Read(Read(file), file);
            inputs.Add(input);
            results.Add(engine.Analyze(input.Inputs, input.Outputs));
        }

        return new ScanReport(PolicyCatalog.Pack, inputs, AnalysisResult.Combine(results), review);
    }

    public static ScanReport ScanText(string content, ReviewOptions? review = null, string source = "input.json")
    {
        var engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));
        var input = StackInputReader.Read(content, source);
        return new ScanReport(PolicyCatalog.Pack, [input], engine.Analyze(input.Inputs, input.Outputs), review);
    }

    public static IEnumerable<string> ExampleFiles() =>
        Directory.EnumerateFiles(Path.Combine(Fixtures.RepositoryRoot(), "examples"))
            .Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".jsonl", StringComparison.Ordinal))
            .Select(f => "examples/" + Path.GetFileName(f))
            .Order(StringComparer.Ordinal);

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Fixtures.RepositoryRoot(), relative));
}
