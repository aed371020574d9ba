using System.Text.Json;

namespace SecurityBaseline.Tests.Cli;

public class ScanCommandTests
{
    private const string RotatedKeyExport = """
        {"version":3,"deployment":{"manifest":{"time":"2026-11-20T01:02:03Z","magic":"x","version":"v3.260.0"},"resources":[
          {"urn":"urn:pulumi:prod::baseline::pulumi:pulumi:Stack::baseline-prod","custom":false,"type":"pulumi:pulumi:Stack"},
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"id":"1234abcd-12ab-34cd-56ef-1234567890ab","type":"aws:kms/key:Key",
           "inputs":{"description":"data key","enableKeyRotation":true},"outputs":{"arn":"arn:aws:kms:ap-northeast-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab","enableKeyRotation":true}}
        ]}}
        """;

    private const string UnrotatedKeyPreview = """
        {"steps":[{"op":"create","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","newState":{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"type":"aws:kms/key:Key","inputs":{"description":"data key"}}},
                  {"op":"delete","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::old","oldState":{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::old","custom":true,"type":"aws:kms/key:Key","inputs":{}}}],
         "diagnostics":[],"duration":1000,"changeSummary":{"create":1,"delete":1}}
        """;

    [Fact]
    public void Scan_WhenTheStackIsCompliant_ShouldExitZero()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(RotatedKeyExport));
        Assert.Equal(CliRunner.Compliant, code);
        Assert.Contains("0 mandatory", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenAPreviewHasAMandatoryViolation_ShouldExitOneAndNameIt()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnrotatedKeyPreview));
        Assert.Equal(CliRunner.Violations, code);
        Assert.Contains("MANDATORY  kms-key-rotation-enabled  §7  data (aws:kms/key:Key)", stdout, StringComparison.Ordinal);
        Assert.Contains("fix: Set `enableKeyRotation: true`", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("::old", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenConfigMakesItAdvisory_ShouldExitZeroButStillReport()
    {
        var config = CliRunner.TempFile("""{"kms-key-rotation-enabled":"advisory"}""", "policy-config.json");
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnrotatedKeyPreview), "--config", config);
        Assert.Equal(CliRunner.Compliant, code);
        Assert.Contains("ADVISORY", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenFormatIsJson_ShouldWriteTheDocumentedSchema()
    {
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnrotatedKeyPreview), "--format", "json");
        Assert.Equal(CliRunner.Violations, code);
        using var document = JsonDocument.Parse(stdout);
        var root = document.RootElement;
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.True(root.GetProperty("summary").GetProperty("blocked").GetBoolean());
        var finding = Assert.Single(root.GetProperty("findings").EnumerateArray());
        Assert.Equal("kms-key-rotation-enabled", finding.GetProperty("policy").GetString());
        Assert.Equal("§7", finding.GetProperty("section").GetString());
        Assert.Equal("mandatory", finding.GetProperty("level").GetString());
        Assert.Equal("urn:pulumi:prod::baseline::aws:kms/key:Key::data", finding.GetProperty("urn").GetString());
    }

    [Fact]
    public void Scan_WhenOutputFileIsGiven_ShouldWriteItThere()
    {
        var output = Path.Combine(Path.GetDirectoryName(CliRunner.TempFile("{}"))!, "report.json");
        var (code, stdout, _) = CliRunner.Run("scan", CliRunner.TempFile(UnrotatedKeyPreview), "--format", "json", "--output", output);
        Assert.Equal(CliRunner.Violations, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("kms-key-rotation-enabled", File.ReadAllText(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "the file is empty")]
    [InlineData("   \n  ", "the file is empty")]
    [InlineData("[1,2]", "expected a JSON object")]
    [InlineData("""{"hello":"world"}""", "neither a stack export")]
    [InlineData("""{"version":2,"deployment":{}}""", "\"version\" must be 3 or 4")]
    [InlineData("""{"version":3.5,"deployment":{}}""", "\"version\" must be 3 or 4")]
    [InlineData("""{"version":1e12,"deployment":{}}""", "\"version\" must be 3 or 4")]
    [InlineData("""{"version":3,"deployment":{"resources":{}}}""", "deployment.resources must be an array")]
    [InlineData("""{"version":3,"deployment":{"resources":[{"type":"aws:kms/key:Key"}]}}""", "deployment.resources[0].urn is missing")]
    [InlineData("""{"steps":[{"op":"create","newState":{"urn":"u","type":"aws:kms/key:Key","inputs":[]}}]}""", "expected an object of properties")]
    public void Scan_WhenTheFileIsWrongShaped_ShouldExitTwoNamingTheFileAndProblem(string content, string problem)
    {
        var file = CliRunner.TempFile(content);
        var (code, _, stderr) = CliRunner.Run("scan", file);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains(file, stderr, StringComparison.Ordinal);
        Assert.Contains(problem, stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTheFileIsTruncated_ShouldExitTwoWithLineAndPosition()
    {
        var truncated = RotatedKeyExport[..(RotatedKeyExport.Length / 2)];
        var file = CliRunner.TempFile(truncated);
        var (code, _, stderr) = CliRunner.Run("scan", file);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Matches(@"input\.json:\d+:\d+: invalid JSON", stderr);
    }

    [Fact]
    public void Scan_WhenTheFileIsMissing_ShouldExitTwoNamingIt()
    {
        var (code, _, stderr) = CliRunner.Run("scan", "/nonexistent/stack.json");
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("/nonexistent/stack.json: no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTheConfigIsBad_ShouldExitTwoNamingPolicyAndProperty()
    {
        var config = CliRunner.TempFile("""{"kms-key-rotation-enabled":{"enforcementLevel":"sometimes"}}""", "policy-config.json");
        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(RotatedKeyExport), "--config", config);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("policy-config.json", stderr, StringComparison.Ordinal);
        Assert.Contains("kms-key-rotation-enabled", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scan")]
    [InlineData("scan x.json --format yaml")]
    [InlineData("scan x.json --bogus")]
    [InlineData("")]
    [InlineData("frobnicate")]
    public void Usage_WhenArgumentsAreWrong_ShouldExitTwo(string commandLine)
    {
        var (code, stdout, stderr) = CliRunner.Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("usage", stderr, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scan_WhenPropertiesAreNested200LevelsDeep_ShouldReadThem()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        var export = """{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::deep","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":true,"tags":DEEP}}]}}""".Replace("DEEP", deep, StringComparison.Ordinal);
        var (code, stdout, stderr) = CliRunner.Run("scan", CliRunner.TempFile(export));
        Assert.True(code == CliRunner.Compliant, stderr);
        Assert.Contains("1 resource(s)", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenSecretsAreInTheInput_ShouldNeverPrintThem()
    {
        const string canary = "CANARY-s3cr3t-7f1d";
        var export = """
            {"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"type":"aws:kms/key:Key",
             "inputs":{"description":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","plaintext":"\"CANARY\""},
                       "enableKeyRotation":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":false}}}]}}
            """.Replace("CANARY", canary, StringComparison.Ordinal);
        foreach (var format in new[] { "text", "json" })
        {
            var (code, stdout, stderr) = CliRunner.Run("scan", CliRunner.TempFile(export), "--format", format);
            Assert.Equal(CliRunner.Violations, code);
            Assert.DoesNotContain(canary, stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(canary, stderr, StringComparison.Ordinal);
        }
    }
}
