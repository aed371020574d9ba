using PolicyPack.Sdk.Reporting;
using SecurityBaseline.Tests.Cli;

namespace SecurityBaseline.Tests.Reporting;

/// <summary>Secret values reach policies in every input shape; no report format may ever print one.</summary>
public class SecretCanaryTests
{
    private const string Canary = "CANARY-7f1d-s3cr3t";
    private const string Sig = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";

    // A plaintext secret (`stack export --show-secrets`) and a decoded secret wrapper, on properties policies report on.
    private static readonly string Export = """
        {"version":3,"deployment":{"resources":[
          {"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","custom":true,"type":"aws:kms/key:Key",
           "inputs":{"description":{SIG,"plaintext":"\"CANARY\""},"enableKeyRotation":{SIG,"value":false}}},
          {"urn":"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::site","custom":true,"type":"aws:s3/bucket:Bucket",
           "inputs":{"bucket":"site","acl":{SIG,"value":"public-read CANARY"},"website":{SIG,"value":{"indexDocument":"CANARY.html"}}}}
        ]}}
        """.Replace("SIG", Sig, StringComparison.Ordinal).Replace("CANARY", Canary, StringComparison.Ordinal);

    // A preview digest blinds secrets as "[secret]"; a secret wrapper can still appear in state it embeds.
    private static readonly string Preview = """
        {"steps":[{"op":"create","urn":"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::site","newState":{"urn":"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::site","custom":true,"type":"aws:s3/bucket:Bucket",
          "inputs":{"bucket":"site","acl":"[secret]","website":{"indexDocument":{SIG,"value":"CANARY.html"}},"tags":{"token":{SIG,"plaintext":"\"CANARY\""}}}}}],
         "diagnostics":[],"duration":1,"changeSummary":{"create":1}}
        """.Replace("SIG", Sig, StringComparison.Ordinal).Replace("CANARY", Canary, StringComparison.Ordinal);

    // Engine events carry the same state shapes inside resourcePreEvent.metadata.new.
    private static readonly string Events = string.Join('\n',
        """{"sequence":0,"timestamp":1767225600,"preludeEvent":{"config":{"app:token":"[secret]"}}}""",
        """{"sequence":1,"timestamp":1767225601,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::ev","type":"aws:kms/key:Key","new":{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::ev","type":"aws:kms/key:Key","custom":true,"inputs":{"description":{SIG,"plaintext":"\"CANARY\""},"enableKeyRotation":{SIG,"value":false}}}},"planning":true}}""",
        """{"sequence":2,"timestamp":1767225602,"resourcePreEvent":{"metadata":{"op":"create","urn":"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::ev-site","type":"aws:s3/bucket:Bucket","new":{"urn":"urn:pulumi:prod::baseline::aws:s3/bucket:Bucket::ev-site","type":"aws:s3/bucket:Bucket","custom":true,"inputs":{"acl":{SIG,"value":"public-read"},"website":{"indexDocument":{SIG,"value":"CANARY.html"}}}}},"planning":true}}""")
        .Replace("SIG", Sig, StringComparison.Ordinal).Replace("CANARY", Canary, StringComparison.Ordinal);

    public static TheoryData<string, string> Inputs() => new() { { "export", Export }, { "preview", Preview }, { "events", Events } };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Reports_WhenTheInputHoldsSecrets_ShouldNeverPrintThemInAnyFormat(string shape, string content)
    {
        var report = ReportScenarios.ScanText(content, new ReviewOptions(), $"{shape}.json");
        Assert.NotEmpty(report.Findings);
        foreach (var format in ReportFormats.Names)
        {
            var output = ReportFormats.Render(format, report);
            Assert.False(output.Contains(Canary, StringComparison.Ordinal), $"{format} printed a secret from the {shape} input");
        }
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Scan_WhenEveryFormatIsWrittenAtOnce_ShouldPrintNoSecretAnywhere(string shape, string content)
    {
        var input = CliRunner.TempFile(content, $"{shape}.json");
        var folder = Path.GetDirectoryName(input)!;
        var formats = ReportFormats.Names.Skip(1).SelectMany(f => new[] { "--format", $"{f}={Path.Combine(folder, "report." + f)}" });
        var (code, stdout, stderr) = CliRunner.Run(["scan", input, "--format", "text", .. formats]);
        Assert.Equal(CliRunner.Violations, code);
        Assert.DoesNotContain(Canary, stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, stderr, StringComparison.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "report.*"))
        {
            Assert.False(File.ReadAllText(file).Contains(Canary, StringComparison.Ordinal), $"{Path.GetFileName(file)} printed a secret from the {shape} input");
        }
    }
}
