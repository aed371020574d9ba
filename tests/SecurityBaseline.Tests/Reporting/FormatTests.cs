using System.Xml.Linq;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Reporting;
using SecurityBaseline.Policies;
using SecurityBaseline.Tests.Cli;

namespace SecurityBaseline.Tests.Reporting;

public class FormatTests
{
    private const string PipeNamedBucket = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::a|b`c<script>*x*","custom":true,"type":"aws:kms/key:Key","inputs":{}}
        ]}}
        """;

    [Fact]
    public void Markdown_WhenRendered_ShouldStartWithTheHiddenMarkerOnce()
    {
        var markdown = ReportFormats.Render("markdown", ReportScenarios.Build("review"));
        Assert.StartsWith(MarkdownReporter.Marker(PolicyCatalog.Pack) + "\n", markdown, StringComparison.Ordinal);
        Assert.Equal(markdown.IndexOf(MarkdownReporter.Marker(PolicyCatalog.Pack), StringComparison.Ordinal), markdown.LastIndexOf(MarkdownReporter.Marker(PolicyCatalog.Pack), StringComparison.Ordinal));
        Assert.Contains("<details><summary>Waived findings (1)</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>Fixed since the baseline (1)</summary>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_WhenANameHoldsTableAndHtmlCharacters_ShouldEscapeThemInTheCell()
    {
        var markdown = ReportFormats.Render("markdown", ReportScenarios.ScanText(PipeNamedBucket));
        var row = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| 🔴", StringComparison.Ordinal));
        Assert.Equal(6, row.Count(c => c == '|'));
        Assert.Contains("a&#124;b&#96;c&lt;script&gt;&#42;x&#42;", row, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void JUnit_WhenANameHoldsACharacterXmlCannotCarry_ShouldStillWriteWellFormedXml()
    {
        var export = PipeNamedBucket.Replace("a|b`c<script>*x*", "key\\u0001\\u001b[31m", StringComparison.Ordinal);
        var report = ReportScenarios.ScanText(export);

        var xml = XDocument.Parse(ReportFormats.Render("junit", report));

        var failed = Assert.Single(xml.Descendants("testcase"), c => c.Element("failure") is not null);
        Assert.StartsWith("key", (string)failed.Attribute("name")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("100% done", "100%25 done")]
    [InlineData("line\r\nnext", "line%0D%0Anext")]
    public void GitHubData_WhenEscaped_ShouldEncodePercentAndLineBreaks(string text, string expected) =>
        Assert.Equal(expected, GitHubAnnotationReporter.Data(text));

    [Fact]
    public void GitHubProperty_WhenEscaped_ShouldAlsoEncodeColonAndComma() =>
        Assert.Equal("a%3A b%2C c%25%0A", GitHubAnnotationReporter.Property("a: b, c%\n"));

    [Fact]
    public void GitHub_WhenASourcePositionExists_ShouldAnnotateTheFileAndLine()
    {
        // One key: the examples hold more errors than GitHub shows per step, so a given one may be left out there.
        const string Key = """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data-key","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false},"sourcePosition":"project:///infra/Baseline/Keys.cs#22,9"}]}}""";
        var lines = ReportFormats.Render("github", ReportScenarios.ScanText(Key)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith("::error file=infra/Baseline/Keys.cs,line=22,col=9,title=mandatory%3A kms-key-rotation-enabled (§7)::", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Matches("^::(error|warning|notice) [^\n]*::", l));
    }

    [Fact]
    public void JUnit_WhenRendered_ShouldHaveOneCasePerCheckWithFailuresAndSkips()
    {
        var report = ReportScenarios.Build("review");
        var xml = XDocument.Parse(ReportFormats.Render("junit", report));
        var cases = xml.Descendants("testcase").Where(c => (string?)c.Parent!.Attribute("name") is not ("expired-waivers" or "stale-waivers" or "unevaluated")).ToArray();
        Assert.Equal(report.Result.Evaluations.Count, cases.Length);
        // One case per policy × resource checked, so a check with several messages is still one failure.
        var failingChecks = report.Result.Evaluations.Count(e => e.Outcome == Outcome.Fail && report.WaiverFor(e) is null);
        Assert.Equal(failingChecks, xml.Descendants("failure").Count());
        Assert.Contains(xml.Descendants("skipped"), s => ((string)s.Attribute("message")!).StartsWith("waived until 2027-03-31", StringComparison.Ordinal));
        Assert.Equal(cases.Length + report.ExpiredWaivers.Count + report.StaleWaivers.Count + report.Unevaluated.Count, (int)xml.Root!.Attribute("tests")!);
    }

    [Fact]
    public void Audit_WhenRendered_ShouldListEverySectionOfTheCompanyPolicy()
    {
        var report = ReportScenarios.Build("review");
        var audit = ReportFormats.Render("audit", report);
        var html = ReportFormats.Render("audit-html", report);
        foreach (var (section, position) in CompanyPolicy.Framework.Controls.Select((c, i) => (c, i + 1)))
        {
            Assert.Contains($"{section.Id} {section.Title}", audit, StringComparison.Ordinal);
            Assert.Contains($"id=\"section-{position}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("| waived |", audit, StringComparison.Ordinal);
        Assert.Equal(report.Result.Evaluations.Count, html.Split("<tr><td title=").Length - 1);
    }

    [Fact]
    public void Json_WhenReviewed_ShouldCarryStateWaiverFixedAndExpiredWaivers()
    {
        using var json = System.Text.Json.JsonDocument.Parse(ReportFormats.Render("json", ReportScenarios.Build("review")));
        var root = json.RootElement;
        var findings = root.GetProperty("findings").EnumerateArray().ToArray();
        Assert.All(findings, f => Assert.Matches("^(new|existing)$", f.GetProperty("state").GetString()));
        var waived = Assert.Single(findings, f => f.TryGetProperty("waiver", out _));
        Assert.Equal("2027-03-31", waived.GetProperty("waiver").GetProperty("expires").GetString());
        Assert.Single(root.GetProperty("fixed").EnumerateArray());
        Assert.Equal("2026-05-31", Assert.Single(root.GetProperty("expiredWaivers").EnumerateArray()).GetProperty("expires").GetString());
        Assert.Equal("aws-tagging", Assert.Single(root.GetProperty("externalFindings").EnumerateArray()).GetProperty("policyPack").GetString());
    }

    [Fact]
    public void Scan_WhenSeveralFormatsAreAsked_ShouldWriteEachToItsFileAndOneToStdout()
    {
        var folder = Path.GetDirectoryName(CliRunner.TempFile("{}"))!;
        var sarif = Path.Combine(folder, "out", "results.sarif");
        var markdown = Path.Combine(folder, "out", "comment.md");
        var (code, stdout, _) = CliRunner.Run("scan", Path.Combine(Fixtures.RepositoryRoot(), "examples", "aws-v7-violating.preview.json"), "--format", $"sarif={sarif}", "--format", $"markdown={markdown}", "--format", "text");
        Assert.Equal(CliRunner.Violations, code);
        Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(sarif), StringComparison.Ordinal);
        Assert.StartsWith(MarkdownReporter.Marker(PolicyCatalog.Pack), File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.Contains("MANDATORY  kms-key-rotation-enabled", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format text --format json", "only one format can go to stdout")]
    [InlineData("--format sarif=", "names no file")]
    [InlineData("--format pdf=x.pdf", "unknown format \"pdf\"")]
    [InlineData("--format json=a.json --output b.json", "--output needs exactly one --format")]
    [InlineData("--format json=same.json --format sarif=same.json", "two formats write to")]
    public void Scan_WhenFormatsConflict_ShouldExitTwo(string options, string problem)
    {
        var (code, stdout, stderr) = CliRunner.Run(["scan", CliRunner.TempFile("{}"), .. options.Split(' ')]);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyEvents_WhenTheyRepeatOurFindings_ShouldBeDroppedAndOtherPacksKept()
    {
        var report = ReportScenarios.Scan(["examples/aws-v7-preview.events.jsonl"], new ReviewOptions());
        Assert.Contains(report.Findings, f => f.Policy.Id == "kms-key-rotation-enabled");
        var external = Assert.Single(report.ExternalFindings);
        Assert.Equal(("aws-tagging", "required-cost-center-tag", EnforcementLevel.Advisory), (external.PolicyPack, external.PolicyName, external.Level));
        Assert.Equal("audit-logs", external.Resource.Name);
        Assert.DoesNotContain(report.Findings, f => f.Policy.Id == "required-cost-center-tag");
    }
}
