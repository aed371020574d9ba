using SecurityBaseline.Tests.Reporting;

namespace SecurityBaseline.Tests.Cli;

/// <summary>`scan` on resources no policy evaluates: reported and exit 0, or exit 1 under the closed world.</summary>
public class UnevaluatedScanTests
{
    private const string OtherPackageOnly = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::acme:index/sprocket:Sprocket::s1","custom":true,"id":"s-1","type":"acme:index/sprocket:Sprocket","provider":"urn:pulumi:prod::baseline::pulumi:providers:acme::default::1","inputs":{}}
        ]}}
        """;

    [Fact]
    public void Scan_WhenResourcesWentUnevaluated_ShouldExitZeroAndSayOkButNameThem()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport));

        Assert.Equal(CliRunner.Compliant, code);
        Assert.Contains("OK, but 4 resources of 3 types were not evaluated by any policy: ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WithFailOnUnevaluated_ShouldExitOne()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport), "--fail-on-unevaluated");

        Assert.Equal(CliRunner.Violations, code);
        Assert.Contains("BLOCKED; 4 resources of 3 types were not evaluated by any policy (closed world: 3 of them block)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTheConfigAsksForTheClosedWorld_ShouldExitOne()
    {
        var config = CliRunner.TempFile("""{"security-baseline:unevaluated":"mandatory"}""", "policy-config.json");

        var (code, _, _) = CliRunner.Run("scan", CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport), "--config", config);

        Assert.Equal(CliRunner.Violations, code);
    }

    [Fact]
    public void Scan_UnderTheClosedWorld_WhenOnlyAnotherPackageWentUnevaluated_ShouldExitZero()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(OtherPackageOnly), "--fail-on-unevaluated");

        Assert.Equal(CliRunner.Compliant, code);
        Assert.Contains("OK, but 1 resource of 1 type was not evaluated by any policy: acme:index/sprocket:Sprocket (1)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTheConfigMisspellsTheKey_ShouldExitTwoWithASuggestion()
    {
        var config = CliRunner.TempFile("""{"security-baseline:unevaluted":"mandatory"}""", "policy-config.json");

        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport), "--config", config);

        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("did you mean \"security-baseline:unevaluated\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTwoFilesHoldTheSameUnevaluatedType_ShouldSumThem()
    {
        var (_, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport), CliRunner.TempFile(UnevaluatedReportTests.MadeUpExport));

        Assert.Contains("aws:madeup/widget:Widget (4)", stdout, StringComparison.Ordinal);
    }
}
