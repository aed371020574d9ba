using System.Text.Json;
using Json.Schema;
using PolicyPack.Sdk.Reporting;

namespace SecurityBaseline.Tests.Reporting;

public class SarifReporterTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "sarif-2.1.0.json"))));

    private const string KeyWithPosition = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data-key","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false},"sourcePosition":"project:///infra/Baseline/Keys.cs#22,9"},
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::other-key","custom":true,"type":"aws:kms/key:Key","inputs":{}}
        ]}}
        """;

    [Theory]
    [InlineData("examples")]
    [InlineData("review")]
    public void Sarif_WhenValidatedAgainstTheOfficial210Schema_ShouldBeValid(string scenario)
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("sarif", ReportScenarios.Build(scenario)));
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}")));
    }

    [Fact]
    public void SchemaValidation_WhenTheDocumentIsBroken_ShouldFail()
    {
        var sarif = ReportFormats.Render("sarif", ReportScenarios.ScanText(KeyWithPosition)).Replace("\"level\": \"error\"", "\"level\": \"fatal\"", StringComparison.Ordinal);
        using var document = JsonDocument.Parse(sarif);
        Assert.False(Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid);
    }

    [Fact]
    public void Sarif_WhenTheResourceHasASourcePosition_ShouldPointAtTheProgramLine()
    {
        var results = Results(ReportScenarios.ScanText(KeyWithPosition));
        var located = results.Single(r => Urn(r).EndsWith("::data-key", StringComparison.Ordinal));
        var physical = located.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("infra/Baseline/Keys.cs", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal(22, physical.GetProperty("region").GetProperty("startLine").GetInt32());
        Assert.Equal(9, physical.GetProperty("region").GetProperty("startColumn").GetInt32());
        var logical = located.GetProperty("locations")[0].GetProperty("logicalLocations")[0];
        Assert.Equal("resource", logical.GetProperty("kind").GetString());
        Assert.Equal("aws:kms/key:Key", logical.GetProperty("properties").GetProperty("type").GetString());
    }

    [Fact]
    public void Sarif_WhenTheResourceHasNoSourcePosition_ShouldPointAtTheProjectsPulumiYaml()
    {
        var report = ReportScenarios.ScanText(KeyWithPosition, new ReviewOptions { ProjectDirectory = "stacks/prod/" });
        var results = Results(report);
        var unlocated = results.Single(r => Urn(r).EndsWith("::other-key", StringComparison.Ordinal));
        var physical = unlocated.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("stacks/prod/Pulumi.yaml", physical.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.False(physical.TryGetProperty("region", out _));
        var located = results.Single(r => Urn(r).EndsWith("::data-key", StringComparison.Ordinal));
        Assert.Equal("stacks/prod/infra/Baseline/Keys.cs", located.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
    }

    [Fact]
    public void Sarif_WhenTheSourcePathHoldsSpaces_ShouldWriteAValidUriReference()
    {
        var export = KeyWithPosition.Replace("project:///infra/Baseline/Keys.cs", "project:///infra/Prod%20Stack/Keys%23Main.cs", StringComparison.Ordinal);
        var report = ReportScenarios.ScanText(export);
        using var document = JsonDocument.Parse(ReportFormats.Render("sarif", report));
        var located = Results(report).Single(r => Urn(r).EndsWith("::data-key", StringComparison.Ordinal));

        Assert.Equal("infra/Prod%20Stack/Keys%23Main.cs", located.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString());
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true });
        Assert.True(result.IsValid);

        // Workflow annotations name the file itself, not a URI.
        Assert.Contains("file=infra/Prod Stack/Keys#Main.cs,", ReportFormats.Render("github", report), StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_WhenWritten_ShouldCarryHelpSeverityLevelAndSection()
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("sarif", ReportScenarios.ScanText(KeyWithPosition)));
        var rules = document.RootElement.GetProperty("runs")[0].GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().ToArray();
        Assert.Equal(ReportScenarios.PolicyIds().Count, rules.Length);
        var rule = rules.Single(r => r.GetProperty("id").GetString() == "kms-key-rotation-enabled");
        Assert.Contains("enableKeyRotation", rule.GetProperty("help").GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("**Fix:**", rule.GetProperty("help").GetProperty("markdown").GetString(), StringComparison.Ordinal);
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        var severity = Fixtures.PolicyById("kms-key-rotation-enabled").Descriptor.Severity;
        Assert.Equal(SarifReporter.SecuritySeverity(severity), rule.GetProperty("properties").GetProperty("security-severity").GetString());
        Assert.Contains("§7", rule.GetProperty("properties").GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        var result = Results(ReportScenarios.ScanText(KeyWithPosition)).First();
        Assert.Equal(rule.GetProperty("id").GetString(), rules[result.GetProperty("ruleIndex").GetInt32()].GetProperty("id").GetString());
        Assert.Equal("error", result.GetProperty("level").GetString());
    }

    [Theory]
    [InlineData(PolicyPack.Sdk.Engine.Severity.Critical, "9.5")]
    [InlineData(PolicyPack.Sdk.Engine.Severity.High, "8.0")]
    [InlineData(PolicyPack.Sdk.Engine.Severity.Medium, "5.5")]
    [InlineData(PolicyPack.Sdk.Engine.Severity.Low, "3.0")]
    public void SecuritySeverity_WhenMapped_ShouldFollowCodeScanningBands(PolicyPack.Sdk.Engine.Severity severity, string expected) =>
        Assert.Equal(expected, SarifReporter.SecuritySeverity(severity));

    [Theory]
    [InlineData(PolicyPack.Sdk.Engine.EnforcementLevel.Mandatory, "error")]
    [InlineData(PolicyPack.Sdk.Engine.EnforcementLevel.Remediate, "error")]
    [InlineData(PolicyPack.Sdk.Engine.EnforcementLevel.Advisory, "warning")]
    public void Level_WhenMapped_ShouldMakeBlockingLevelsErrors(PolicyPack.Sdk.Engine.EnforcementLevel level, string expected) =>
        Assert.Equal(expected, SarifReporter.Level(level));

    [Fact]
    public void Fingerprints_WhenComputedTwice_ShouldBeStablePerPolicyAndUrn()
    {
        var first = Results(ReportScenarios.ScanText(KeyWithPosition)).Select(Fingerprint).ToArray();
        var second = Results(ReportScenarios.ScanText(KeyWithPosition)).Select(Fingerprint).ToArray();
        Assert.Equal(first, second);
        Assert.Equal(first.Length, first.Distinct(StringComparer.Ordinal).Count());
        Assert.NotEqual(SarifReporter.Fingerprint("a", "urn:x"), SarifReporter.Fingerprint("b", "urn:x"));
    }

    [Fact]
    public void Review_WhenBaselineAndWaiversAreGiven_ShouldMarkStatesAndSuppressions()
    {
        var results = Results(ReportScenarios.Build("review")).Where(r => r.TryGetProperty("baselineState", out _)).ToArray();
        Assert.Contains(results, r => r.GetProperty("baselineState").GetString() == "unchanged" && Urn(r).EndsWith("::legacy-key", StringComparison.Ordinal));
        Assert.Contains(results, r => r.GetProperty("baselineState").GetString() == "new");
        var absent = Assert.Single(results, r => r.GetProperty("baselineState").GetString() == "absent");
        Assert.Equal("pass", absent.GetProperty("kind").GetString());
        var suppressed = Assert.Single(results, r => r.TryGetProperty("suppressions", out _));
        var suppression = suppressed.GetProperty("suppressions")[0];
        Assert.Equal("external", suppression.GetProperty("kind").GetString());
        Assert.StartsWith("Static export of the public price list", suppression.GetProperty("justification").GetString(), StringComparison.Ordinal);
        Assert.Equal("s3-no-website-hosting", suppressed.GetProperty("ruleId").GetString());
    }

    [Fact]
    public void Sarif_WhenNoBaselineIsGiven_ShouldWriteNoBaselineState()
    {
        Assert.All(Results(ReportScenarios.Build("examples")), r => Assert.False(r.TryGetProperty("baselineState", out _)));
    }

    private static JsonElement[] Results(ScanReport report)
    {
        using var document = JsonDocument.Parse(ReportFormats.Render("sarif", report));
        return document.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().Select(r => r.Clone()).ToArray();
    }

    private static string Urn(JsonElement result) =>
        result.GetProperty("locations")[0].GetProperty("logicalLocations")[0].GetProperty("fullyQualifiedName").GetString()!;

    private static string Fingerprint(JsonElement result) => result.GetProperty("partialFingerprints").GetProperty(SarifReporter.FingerprintKey).GetString()!;
}
