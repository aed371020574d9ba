using System.Text.Json;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Reporting;
using SecurityBaseline.Tests.Cli;

namespace SecurityBaseline.Tests.Reporting;

public class BaselineTests
{
    private const string TwoBadKeys = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::old-key","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false}},
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::new-key","custom":true,"type":"aws:kms/key:Key","inputs":{}}
        ]}}
        """;

    private const string PreviousReport = """
        {"schemaVersion":1,"findings":[
          {"policy":"kms-key-rotation-enabled","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::old-key","level":"mandatory","section":"§7","message":"enableKeyRotation is not true"},
          {"policy":"kms-key-rotation-enabled","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::gone-key","type":"aws:kms/key:Key","name":"gone-key","level":"mandatory","section":"§7","message":"enableKeyRotation is not true"}
        ]}
        """;

    [Fact]
    public void Findings_WhenComparedWithTheBaseline_ShouldBeNewExistingOrFixed()
    {
        var report = ReportScenarios.ScanText(TwoBadKeys, new ReviewOptions { Baseline = BaselineReport.Parse(PreviousReport, "baseline.json") });
        Assert.Equal(FindingState.Existing, report.Findings.Single(f => f.Resource.Name == "old-key").State);
        Assert.Equal(FindingState.New, report.Findings.Single(f => f.Resource.Name == "new-key").State);
        var fixedEntry = Assert.Single(report.Fixed);
        Assert.Equal("gone-key", fixedEntry.Name);
        Assert.Equal(1, report.NewMandatory);
    }

    [Fact]
    public void Findings_WhenNoBaselineIsGiven_ShouldHaveNoState()
    {
        var report = ReportScenarios.ScanText(TwoBadKeys);
        Assert.All(report.Findings, f => Assert.Null(f.State));
        Assert.Empty(report.Fixed);
        using var json = JsonDocument.Parse(ReportFormats.Render("json", report));
        Assert.All(json.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.False(f.TryGetProperty("state", out _)));
    }

    [Theory]
    [InlineData("any", true)]
    [InlineData("new", true)]
    public void FailOn_WhenANewViolationExists_ShouldBlockEitherWay(string failOn, bool blocked)
    {
        var (code, _, _) = CliRunner.Run("scan", CliRunner.TempFile(TwoBadKeys), "--baseline", CliRunner.TempFile(PreviousReport, "baseline.json"), "--fail-on", failOn);
        Assert.Equal(blocked ? CliRunner.Violations : CliRunner.Compliant, code);
    }

    [Theory]
    [InlineData("any", 1)]
    [InlineData("new", 0)]
    public void FailOn_WhenOnlyExistingViolationsRemain_ShouldBlockOnlyForAny(string failOn, int exitCode)
    {
        var onlyOld = """
            {"version":3,"deployment":{"resources":[
              {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::old-key","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false}}
            ]}}
            """;
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(onlyOld), "--baseline", CliRunner.TempFile(PreviousReport, "baseline.json"), "--fail-on", failOn, "--format", "markdown");
        Assert.Equal(exitCode, code);
        Assert.Contains("existing", stdout, StringComparison.Ordinal);
        Assert.Contains("Fixed since the baseline (1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Baseline_WhenItIsTheJsonOfAnEarlierScan_ShouldRoundTrip()
    {
        var first = ReportScenarios.ScanText(TwoBadKeys);
        var baseline = BaselineReport.Parse(ReportFormats.Render("json", first), "report.json");
        var second = ReportScenarios.ScanText(TwoBadKeys, new ReviewOptions { Baseline = baseline });
        Assert.All(second.Findings, f => Assert.Equal(FindingState.Existing, f.State));
        Assert.Empty(second.Fixed);
    }

    [Theory]
    [InlineData("", "is empty")]
    [InlineData("""{"findings":[]}""", "not a policy pack JSON report")]
    [InlineData("""{"schemaVersion":1.5,"findings":[]}""", "not a policy pack JSON report")]
    [InlineData("""{"schemaVersion":1}""", "no findings array")]
    [InlineData("""{"schemaVersion":1,"findings":[{"policy":"x"}]}""", "findings[0].urn is missing")]
    [InlineData("""{"schemaVersion":1,"findings":[""", "invalid JSON")]
    public void Baseline_WhenMalformed_ShouldBeRejectedNamingTheFile(string json, string problem)
    {
        var error = Assert.Throws<InputFormatException>(() => BaselineReport.Parse(json, "baseline.json"));
        Assert.StartsWith("baseline.json", error.Message, StringComparison.Ordinal);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(TwoBadKeys), "--baseline", CliRunner.TempFile(json, "baseline.json"));
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void FailOn_WhenUnknown_ShouldExitTwo()
    {
        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(TwoBadKeys), "--fail-on", "sometimes");
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("--fail-on must be new or any", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Contains_WhenAskedManyTimes_ShouldUseAnIndexNotAWalkOverTheFindings()
    {
        var entries = new CountingList<BaselineEntry>(Enumerable.Range(0, 1_000)
            .Select(i => new BaselineEntry("kms-key-rotation-enabled", $"urn:pulumi:prod::baseline::aws:kms/key:Key::k{i}", "t", "§7", "mandatory", "aws:kms/key:Key", $"k{i}", "m"))
            .ToArray());
        var baseline = new BaselineReport("baseline.json", entries);
        for (var i = 0; i < 2_000; i++)
        {
            Assert.Equal(i < 1_000, baseline.Contains("kms-key-rotation-enabled", $"urn:pulumi:prod::baseline::aws:kms/key:Key::k{i}"));
        }

        Assert.True(entries.Enumerations <= 1, $"the findings were walked {entries.Enumerations} times");
    }

    /// <summary>A list that counts how often it is walked, so a test can tell an index from a scan.</summary>
    private sealed class CountingList<T>(IReadOnlyList<T> items) : IReadOnlyList<T>
    {
        public int Enumerations { get; private set; }

        public int Count => items.Count;

        public T this[int index] => items[index];

        public IEnumerator<T> GetEnumerator()
        {
            Enumerations++;
            return items.GetEnumerator();
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
