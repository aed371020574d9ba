using System.Text.Json;
using System.Xml.Linq;
using Json.Schema;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using SecurityBaseline.Policies;
using PolicyPack.Sdk.Reporting;

namespace SecurityBaseline.Tests.Reporting;

/// <summary>Every format says which resources no policy evaluated; the closed world makes them block.</summary>
/// <remarks>The unevaluated types are made up, so these hold however many types the catalogue comes to cover.</remarks>
public class UnevaluatedReportTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-2.1.0.json"))));

    private const string Provider = "urn:pulumi:prod::baseline::pulumi:providers:aws::default::04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    /// <summary>A compliant key (covered by the catalogue), two widgets and a gadget of made-up aws types, and a made-up package's resource.</summary>
    public const string MadeUpExport = $$$"""
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::pulumi:pulumi:Stack::baseline-prod","custom":false,"type":"pulumi:pulumi:Stack"},
          {"urn":"urn:pulumi:prod::baseline::pulumi:providers:aws::default","custom":true,"id":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","type":"pulumi:providers:aws","inputs":{"region":"ap-northeast-1"}},
          {"urn":"urn:pulumi:prod::baseline::baseline:aws:Keys::keys","custom":false,"type":"baseline:aws:Keys"},
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"id":"1234abcd-12ab-34cd-56ef-1234567890ab","type":"aws:kms/key:Key","provider":"{{{Provider}}}",
           "inputs":{"description":"data key","enableKeyRotation":true},"outputs":{"enableKeyRotation":true}},
          {"urn":"urn:pulumi:prod::baseline::aws:madeup/widget:Widget::w1","custom":true,"id":"w-1","type":"aws:madeup/widget:Widget","provider":"{{{Provider}}}","inputs":{"size":1}},
          {"urn":"urn:pulumi:prod::baseline::aws:madeup/widget:Widget::w2","custom":true,"id":"w-2","type":"aws:madeup/widget:Widget","provider":"{{{Provider}}}","inputs":{"size":2}},
          {"urn":"urn:pulumi:prod::baseline::aws:madeup/gadget:Gadget::g1","custom":true,"id":"g-1","type":"aws:madeup/gadget:Gadget","provider":"{{{Provider}}}","inputs":{}},
          {"urn":"urn:pulumi:prod::baseline::acme:index/sprocket:Sprocket::s1","custom":true,"id":"s-1","type":"acme:index/sprocket:Sprocket","provider":"urn:pulumi:prod::baseline::pulumi:providers:acme::default::1","inputs":{}}
        ]}}
        """;

    private const string KeyOnlyExport = $$$"""
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::pulumi:pulumi:Stack::baseline-prod","custom":false,"type":"pulumi:pulumi:Stack"},
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"id":"1234abcd-12ab-34cd-56ef-1234567890ab","type":"aws:kms/key:Key","provider":"{{{Provider}}}",
           "inputs":{"description":"data key","enableKeyRotation":true},"outputs":{"enableKeyRotation":true}}
        ]}}
        """;

    private const string Listing = "aws:madeup/gadget:Gadget (1), aws:madeup/widget:Widget (2)";

    private static ScanReport Report(string export, string? config = null)
    {
        var configuration = config is null ? PackConfiguration.Default(PolicyCatalog.Pack) : PackConfiguration.Parse(config, PolicyCatalog.Pack);
        var engine = new PolicyEngine(PolicyCatalog.All, configuration);
        var input = StackInputReader.Read(export, "input.json");
        return new ScanReport(PolicyCatalog.Pack, [input], engine.Analyze(input.Inputs, input.Outputs));
    }

    [Fact]
    public void TextSummary_WhenEveryResourceWasEvaluated_ShouldEndInAPlainOk()
    {
        var summary = TextReporter.Summary(Report(KeyOnlyExport));

        Assert.EndsWith(". OK", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("not evaluated", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TextSummary_WhenResourcesWentUnevaluated_ShouldSayOkButCountAndNameThem()
    {
        var report = Report(MadeUpExport);

        var summary = TextReporter.Summary(report);

        Assert.False(report.Blocked);
        Assert.EndsWith($". OK, but 4 resources of 3 types were not evaluated by any policy: acme:index/sprocket:Sprocket (1), {Listing}", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi:", summary, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline:aws:Keys", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void TextSummary_UnderTheClosedWorld_ShouldBlockAndSaySo()
    {
        var report = Report(MadeUpExport, """{"security-baseline:unevaluated":"mandatory"}""");

        Assert.True(report.Blocked);
        Assert.Equal(3, report.BlockingUnevaluated);
        Assert.Contains(". BLOCKED; 4 resources of 3 types were not evaluated by any policy (closed world: 3 of them block): ", TextReporter.Summary(report), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("text")]
    [InlineData("json")]
    [InlineData("sarif")]
    [InlineData("markdown")]
    [InlineData("github")]
    [InlineData("junit")]
    [InlineData("audit")]
    [InlineData("audit-html")]
    public void EveryFormat_WhenResourcesWentUnevaluated_ShouldNameEachTypeAndCount(string format)
    {
        var rendered = ReportFormats.Render(format, Report(MadeUpExport));

        Assert.Contains("aws:madeup/widget:Widget", rendered, StringComparison.Ordinal);
        Assert.Contains("aws:madeup/gadget:Gadget", rendered, StringComparison.Ordinal);
        Assert.Contains("acme:index/sprocket:Sprocket", rendered, StringComparison.Ordinal);
        Assert.DoesNotContain("not evaluated by any policy", ReportFormats.Render(format, Report(KeyOnlyExport)), StringComparison.Ordinal);
    }

    [Fact]
    public void Json_WhenResourcesWentUnevaluated_ShouldCountThemInTheSummaryAndListThemByType()
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("json", Report(MadeUpExport)));
        var root = document.RootElement;

        Assert.Equal(4, root.GetProperty("summary").GetProperty("unevaluated").GetInt32());
        var listed = root.GetProperty("unevaluated").EnumerateArray().Select(u => (u.GetProperty("type").GetString(), u.GetProperty("count").GetInt32(), u.GetProperty("level").GetString())).ToArray();
        Assert.Equal([("acme:index/sprocket:Sprocket", 1, "advisory"), ("aws:madeup/gadget:Gadget", 1, "advisory"), ("aws:madeup/widget:Widget", 2, "advisory")], listed);
    }

    [Fact]
    public void Json_UnderTheClosedWorld_ShouldBeBlockedWithMandatoryLevels()
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("json", Report(MadeUpExport, """{"security-baseline:unevaluated":"mandatory"}""")));
        var root = document.RootElement;

        Assert.True(root.GetProperty("summary").GetProperty("blocked").GetBoolean());
        Assert.Equal("mandatory", root.GetProperty("unevaluated").EnumerateArray().Single(u => u.GetProperty("type").GetString() == "aws:madeup/widget:Widget").GetProperty("level").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("""{"security-baseline:unevaluated":"mandatory"}""")]
    public void Sarif_WithUnevaluatedTypes_ShouldStayValidAndCarryANotificationPerType(string? config)
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("sarif", Report(MadeUpExport, config)));

        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
        var run = document.RootElement.GetProperty("runs")[0];
        var notifications = run.GetProperty("invocations")[0].GetProperty("toolExecutionNotifications").EnumerateArray().ToArray();
        Assert.Equal(3, notifications.Length);
        var widget = notifications.Single(n => n.GetProperty("properties").GetProperty("resourceType").GetString() == "aws:madeup/widget:Widget");
        Assert.Equal(config is null ? "warning" : "error", widget.GetProperty("level").GetString());
        Assert.Equal(2, run.GetProperty("properties").GetProperty("unevaluatedTypes").GetProperty("aws:madeup/widget:Widget").GetInt32());
    }

    [Fact]
    public void Markdown_WhenResourcesWentUnevaluated_ShouldSaySoInTheVerdictAndListTypesInADetailsBlock()
    {
        var markdown = ReportFormats.Render("markdown", Report(MadeUpExport));

        Assert.Contains("in 8 resources; 4 resources of 3 types were not evaluated by any policy.**", markdown, StringComparison.Ordinal);
        Assert.Contains("<details><summary>4 resources of 3 types were not evaluated by any policy</summary>", markdown, StringComparison.Ordinal);
        Assert.Contains("| <code>aws:madeup/widget:Widget</code> | 2 | advisory |", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "::warning ")]
    [InlineData("""{"security-baseline:unevaluated":"mandatory"}""", "::error ")]
    public void GitHub_WhenResourcesWentUnevaluated_ShouldWriteOneCommandListingThem(string? config, string command)
    {
        var lines = ReportFormats.Render("github", Report(MadeUpExport, config)).Split('\n');

        var line = Assert.Single(lines, l => l.Contains("title=security-baseline%3A resources not evaluated::", StringComparison.Ordinal));
        Assert.StartsWith(command, line, StringComparison.Ordinal);
        Assert.EndsWith(Listing, line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 0, 3)]
    [InlineData("""{"security-baseline:unevaluated":"mandatory"}""", 2, 1)]
    public void JUnit_WhenResourcesWentUnevaluated_ShouldHaveACasePerTypeSkippedOrFailedUnderTheClosedWorld(string? config, int failures, int skipped)
    {
        var xml = XDocument.Parse(ReportFormats.Render("junit", Report(MadeUpExport, config)));

        var suite = Assert.Single(xml.Descendants("testsuite"), s => (string?)s.Attribute("name") == "unevaluated");
        Assert.Equal(3, suite.Elements("testcase").Count());
        Assert.Equal(failures, suite.Elements("testcase").Count(c => c.Element("failure") is not null));
        Assert.Equal(skipped, suite.Elements("testcase").Count(c => c.Element("skipped") is not null));
        Assert.Equal(failures.ToString(System.Globalization.CultureInfo.InvariantCulture), (string?)suite.Attribute("failures"));
        var widget = Assert.Single(suite.Elements("testcase"), c => (string?)c.Attribute("name") == "aws:madeup/widget:Widget");
        Assert.Contains("2 resources of type aws:madeup/widget:Widget were not evaluated", (string?)widget.Elements().Last().Attribute("message"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("audit", "## Resources no policy evaluated")]
    [InlineData("audit-html", "<h2 id=\"unevaluated\">Resources no policy evaluated</h2>")]
    public void Audit_WhenResourcesWentUnevaluated_ShouldHaveASection(string format, string heading)
    {
        var audit = ReportFormats.Render(format, Report(MadeUpExport));

        Assert.Contains(heading, audit, StringComparison.Ordinal);
        Assert.Contains("4 resources of 3 types were not evaluated by any policy; no automated evidence covers them.", audit, StringComparison.Ordinal);
    }
}
