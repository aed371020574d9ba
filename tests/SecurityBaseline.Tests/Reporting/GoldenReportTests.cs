using SecurityBaseline.Policies;
using PolicyPack.Sdk.Reporting;

namespace SecurityBaseline.Tests.Reporting;

/// <summary>
/// Every report format on the bundled examples, compared exactly with the files in Reporting/Golden/.
/// The pack version is written as {version} so a release does not touch the goldens.
/// After a deliberate change (a new policy, new wording, a new example), regenerate them all with:
///   UPDATE_GOLDEN=1 dotnet test tests/SecurityBaseline.Tests --filter FullyQualifiedName~GoldenReportTests
/// and review the diff before committing it.
/// </summary>
public class GoldenReportTests
{
    private static readonly Dictionary<string, string> Extensions = new(StringComparer.Ordinal)
    {
        ["text"] = "txt",
        ["json"] = "json",
        ["sarif"] = "sarif",
        ["markdown"] = "md",
        ["github"] = "github.txt",
        ["junit"] = "junit.xml",
        ["audit"] = "audit.md",
        ["audit-html"] = "audit.html",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var scenario in ReportScenarios.Names)
        {
            foreach (var format in ReportFormats.Names)
            {
                data.Add(scenario, format);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Report_WhenRenderedFromTheExamples_ShouldMatchTheGoldenFile(string scenario, string format)
    {
        var actual = Normalise(ReportFormats.Render(format, ReportScenarios.Build(scenario)));
        var path = Path.Combine(Fixtures.RepositoryRoot(), "tests", "SecurityBaseline.Tests", "Reporting", "Golden", $"{scenario}.{Extensions[format]}");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"{path} is missing: run with UPDATE_GOLDEN=1 to create it");
        var expected = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            var line = FirstDifference(expected, actual);
            Assert.Fail($"{scenario}.{Extensions[format]} differs from the golden file at line {line.Number}:\n  golden: {line.Expected}\n  actual: {line.Actual}\nIf the change is intended, regenerate: UPDATE_GOLDEN=1 dotnet test tests/SecurityBaseline.Tests --filter FullyQualifiedName~GoldenReportTests");
        }
    }

    [Fact]
    public void Goldens_WhenListed_ShouldHaveNoStrayFiles()
    {
        var expected = ReportScenarios.Names.SelectMany(s => Extensions.Values.Select(e => $"{s}.{e}")).Order(StringComparer.Ordinal);
        var actual = Directory.EnumerateFiles(Path.Combine(Fixtures.RepositoryRoot(), "tests", "SecurityBaseline.Tests", "Reporting", "Golden"))
            .Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    /// <summary>Volatile parts: the pack version and line endings.</summary>
    internal static string Normalise(string output) =>
        output.ReplaceLineEndings("\n").Replace(PolicyCatalog.Version, "{version}", StringComparison.Ordinal);

    private static (int Number, string Expected, string Actual) FirstDifference(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, b.Length); i++)
        {
            var x = i < a.Length ? a[i] : "(end of file)";
            var y = i < b.Length ? b[i] : "(end of file)";
            if (x != y)
            {
                return (i + 1, x, y);
            }
        }

        return (0, string.Empty, string.Empty);
    }
}
