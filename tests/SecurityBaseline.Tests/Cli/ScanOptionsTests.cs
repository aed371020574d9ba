using System.Text.Json;

namespace SecurityBaseline.Tests.Cli;

/// <summary>The scan's conveniences: directories, --help, --fail-on-severity, --quiet, --stack-config, and the one company allowlist.</summary>
public class ScanOptionsTests
{
    private static string Root => Fixtures.RepositoryRoot();

    [Theory]
    [InlineData("scan")]
    [InlineData("policies")]
    public void Help_WhenAskedOfACommand_ShouldListEveryOptionAndExitZero(string command)
    {
        var (code, stdout, _) = CliRunner.Run(command, "--help");

        Assert.Equal(CliRunner.Compliant, code);
        var options = command == "scan"
            ? new[] { "--config", "--stack-config", "--event-log", "--format", "--output", "--waivers", "--baseline", "--fail-on ", "--fail-on-severity", "--fail-on-unevaluated", "--project-dir", "--link-base", "--quiet", "--help" }
            : ["--format", "--help"];
        Assert.All(options, o => Assert.Contains(o, stdout, StringComparison.Ordinal));
    }

    [Fact]
    public void Scan_WhenGivenADirectory_ShouldScanItsJsonFilesInNameOrder()
    {
        var (_, _, stderr) = CliRunner.Run("scan", Path.Combine(Root, "examples"), "--format", "json=" + Path.Combine(Directory.CreateTempSubdirectory().FullName, "r.json"));

        var scanned = stderr.Split('\n').Where(l => l.StartsWith("scanning ", StringComparison.Ordinal)).Select(l => Path.GetFileName(l[9..l.IndexOf(':', StringComparison.Ordinal)])).ToArray();
        var expected = Directory.EnumerateFiles(Path.Combine(Root, "examples")).Select(Path.GetFileName).Where(n => n!.EndsWith(".json", StringComparison.Ordinal) || n.EndsWith(".jsonl", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, scanned);
    }

    [Fact]
    public void Scan_WhenOnlyLowerSeveritiesBlock_ShouldPassAtAHigherFailOnSeverity()
    {
        // The export's one violation is kms-key-rotation-enabled, of severity medium.
        var export = CliRunner.TempFile("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::p::aws:kms/key:Key::k","custom":true,"type":"aws:kms/key:Key","inputs":{"enableKeyRotation":false}}]}}""");

        Assert.Equal(CliRunner.Violations, CliRunner.Run("scan", export, "--fail-on-severity", "medium").ExitCode);
        Assert.Equal(CliRunner.Compliant, CliRunner.Run("scan", export, "--fail-on-severity", "high").ExitCode);
        Assert.Equal(CliRunner.BadInput, CliRunner.Run("scan", export, "--fail-on-severity", "severe").ExitCode);
    }

    [Fact]
    public void Scan_WhenQuiet_ShouldPrintTheSummaryLineOnly()
    {
        var (code, stdout, stderr) = CliRunner.Run("scan", Path.Combine(Root, "examples", "aws-v7-violating.preview.json"), "--quiet");

        Assert.Equal(CliRunner.Violations, code);
        Assert.Single(stdout.TrimEnd('\n').Split('\n'));
        Assert.Contains("BLOCKED", stdout, StringComparison.Ordinal);
        Assert.Empty(stderr);
    }

    [Fact]
    public void Scan_WhenGivenAnEventLog_ShouldReadItAsEngineEvents()
    {
        var (code, stdout, stderr) = CliRunner.Run("scan", "--event-log", Path.Combine(Root, "examples", "aws-v7-preview.events.jsonl"), "--format", "json");

        Assert.True(code is 0 or 1, stderr);
        using var document = JsonDocument.Parse(stdout);
        Assert.Equal("engine events", document.RootElement.GetProperty("inputs")[0].GetProperty("kind").GetString());
    }

    [Fact]
    public void PolicyConfig_WhenRead_ShouldHoldNoAllowlistOfItsOwn()
    {
        // The company allowlist lives once, in Pulumi.prod.yaml's security-baseline:allowedCidrs; a second copy could disagree.
        var text = File.ReadAllText(Path.Combine(Root, "policy-config.json"));
        Assert.DoesNotContain("allowedCidrs", text, StringComparison.Ordinal);
        Assert.DoesNotContain("baseline:allowlist", File.ReadAllText(Path.Combine(Root, "Pulumi.prod.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void StackConfig_WhenGiven_ShouldSetTheAllowlistOfEveryPolicyThatHasOne()
    {
        var stack = Path.Combine(Root, "Pulumi.prod.yaml");
        var parameters = PolicyPack.Sdk.Inputs.StackConfigFile.StackParameters(File.ReadAllText(stack), stack, SecurityBaseline.Policies.PolicyCatalog.Pack);
        var cidrs = Assert.Contains("allowedCidrs", parameters);
        Assert.Contains("203.0.113.0/24", cidrs);

        var configuration = PolicyPack.Sdk.Engine.PackConfiguration.Parse(File.ReadAllText(Path.Combine(Root, "policy-config.json")), SecurityBaseline.Policies.PolicyCatalog.Pack, "policy-config.json", parameters);
        foreach (var id in new[] { "network-ingress-allowlist", "network-admin-ports-not-public", "storage-firewall-default-deny", "key-vault-firewall-default-deny" })
        {
            Assert.Equal(cidrs, configuration.For(id).Parameters.GetStrings("allowedCidrs"));
        }
    }

    [Fact]
    public void CompliantExamples_WhenScannedWithTheStackAllowlist_ShouldPass()
    {
        var (code, stdout, stderr) = CliRunner.Run(
            "scan", Path.Combine(Root, "examples", "aws-v7-compliant.export.json"), "--config", Path.Combine(Root, "policy-config.json"),
            "--stack-config", Path.Combine(Root, "Pulumi.prod.yaml"), "--quiet");

        Assert.True(code == CliRunner.Compliant, stdout + stderr);
    }
}
