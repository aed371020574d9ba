using SecurityBaseline.Policies;
using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace SecurityBaseline.Tests.Cli;

/// <summary>Hostile or broken files: every one ends in exit 2 with the file named, never in an unhandled exception.</summary>
public class UntrustedInputTests
{
    private const string KeyUrn = "urn:pulumi:prod::baseline::aws:kms/key:Key::data";

    private const string WaiverEntry = """
          - policy: kms-key-rotation-enabled
            resource:
              name: data
            reason: Imported key; decommissioned with BILL-77.
            owner: billing@example.com
            expires: 2099-06-30
        """;

    private static string Preview(string name, string description = "data key") =>
        "{\"steps\":[{\"op\":\"create\",\"urn\":\"urn:pulumi:prod::baseline::aws:kms/key:Key::" + name + "\",\"newState\":{\"urn\":\"urn:pulumi:prod::baseline::aws:kms/key:Key::" + name +
        "\",\"custom\":true,\"type\":\"aws:kms/key:Key\",\"inputs\":{\"description\":\"" + description + "\"}}}]}";

    private static void AssertBadInput((int ExitCode, string Stdout, string Stderr) result, string file, string expected)
    {
        Assert.Equal(CliRunner.BadInput, result.ExitCode);
        Assert.Contains(file, result.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"sequence":1,"resourcePreEvent":5}""")]
    [InlineData("""{"sequence":1,"resourcePreEvent":{"metadata":"create"}}""")]
    [InlineData("""{"sequence":1,"resourcePreEvent":{"metadata":[1]}}""")]
    [InlineData("""{"sequence":1,"resourcePreEvent":null}""")]
    public void Scan_WhenAnEngineEventIsNotAnObjectWhereOneIsExpected_ShouldExitTwoNamingTheLine(string line)
    {
        var file = CliRunner.TempFile("{\"sequence\":0,\"cancelEvent\":{}}\n" + line + "\n", "events.jsonl");
        AssertBadInput(CliRunner.Run("scan", file), file + ":2", "must be an object");
    }

    [Theory]
    [InlineData("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","type":"aws:kms/key:Key","inputs":{"description":"\ud800"}}]}}""")]
    [InlineData("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","type":"aws:kms/key:Key","inputs":{"\udc00x":1}}]}}""")]
    [InlineData("""{"version":3,"deployment":{"resources":[{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::\ud800","type":"aws:kms/key:Key"}]}}""")]
    [InlineData("""{"steps":[{"op":"create","newState":{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::data","type":"aws:kms/key:Key","inputs":{"description":"\ud800\u0041"}}}]}""")]
    [InlineData("""{"sequence":1,"resourcePreEvent":{"metadata":{"new":{"urn":"urn:pulumi:prod::baseline::aws:kms/key:Key::\ud800","type":"aws:kms/key:Key"}}}}""")]
    public void Scan_WhenAStringHasAnUnpairedSurrogateEscape_ShouldExitTwoNamingTheFile(string content)
    {
        var file = CliRunner.TempFile("\n" + content);
        AssertBadInput(CliRunner.Run("scan", file), file + ":2:", "unpaired UTF-16 surrogate");
    }

    [Theory]
    [InlineData("""{"kms-key-rotation-enabled":"\ud800"}""")]
    [InlineData("""{"\ud800":"advisory"}""")]
    public void Scan_WhenTheConfigHasAnUnpairedSurrogateEscape_ShouldExitTwoNamingTheFile(string config)
    {
        var path = CliRunner.TempFile(config, "policy-config.json");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--config", path), path + ": invalid JSON at line 1", "unpaired UTF-16 surrogate");
    }

    [Fact]
    public void Scan_WhenTheBaselineHasAnUnpairedSurrogateEscape_ShouldExitTwoNamingTheFile()
    {
        var path = CliRunner.TempFile("""{"schemaVersion":1,"findings":[{"policy":"kms-key-rotation-enabled","urn":"\udfff"}]}""", "baseline.json");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--baseline", path), path + ":1:", "unpaired UTF-16 surrogate");
    }

    [Theory]
    [InlineData("data\\ud83d\\ude00\\u0001")]
    [InlineData("\\ud83d\\ude00\\ud83d\\ude00 \\u0007")]
    public void Scan_WhenJUnitTextHasAnEmojiBeforeAControlCharacter_ShouldWriteWellFormedXml(string name)
    {
        var (code, stdout, stderr) = CliRunner.Run("scan", CliRunner.TempFile(Preview(name, name)), "--format", "junit");
        Assert.True(code == CliRunner.Violations, stderr);
        var document = XDocument.Parse(stdout);
        Assert.Contains("\U0001F600", document.ToString(), StringComparison.Ordinal);
        Assert.Contains("\\u000", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenAWaiverFileHasAnAliasRightAfterAQuotedScalar_ShouldExitTwoNamingTheFile()
    {
        var waivers = CliRunner.TempFile("x: 'a'*a", "policy-waivers.yaml");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--waivers", waivers), waivers + ":1:", "YAML");
    }

    [Fact]
    public void Scan_WhenAWaiverFileNestsTwentyThousandFlowMappings_ShouldExitTwoNamingTheDepth()
    {
        var yaml = new StringBuilder().Insert(0, "{a: ", 20_000).Append('b').Append('}', 20_000).ToString();
        var waivers = CliRunner.TempFile(yaml, "policy-waivers.yaml");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--waivers", waivers), waivers + ":1:", "nested deeper than");
    }

    [Fact]
    public void Scan_WhenAWaiverFileUsesAliasesAsKeys_ShouldRejectTheAliasNamingTheLine()
    {
        // The billion-laughs shape: each level doubles the nodes a loader visits.
        var yaml = new StringBuilder("a0: &a0 {x: 1}\n");
        for (var i = 1; i < 40; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"a{i}: &a{i} {{*a{i - 1} : 1, *a{i - 1} : 2}}\n");
        }

        var waivers = CliRunner.TempFile(yaml.ToString(), "policy-waivers.yaml");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--waivers", waivers), waivers + ":1:", "anchors and aliases are not allowed");
    }

    [Fact]
    public void Scan_WhenAWaiverFileIsValid_ShouldStillWaive()
    {
        var waivers = CliRunner.TempFile("waivers:\n" + WaiverEntry, "policy-waivers.yaml");
        var (code, stdout, stderr) = CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--waivers", waivers);
        Assert.True(code == CliRunner.Compliant, stderr);
        Assert.Contains("WAIVED", stdout, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Scan_WhenOutputIsEmpty_ShouldExitTwo()
    {
        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--output", "");
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("--output", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    public void Scan_WhenTheInputIsADevice_ShouldExitTwoWithoutReadingIt(string device)
    {
        AssertBadInput(CliRunner.Run("scan", device), device, "not a regular file");
    }

    [Fact]
    public void Scan_WhenTheInputIsLargerThanTheLimit_ShouldExitTwoNamingTheLimit()
    {
        var file = CliRunner.TempFile(Preview("data"));
        AssertBadInput(CliRunner.Run("scan", file, "--max-input-size", "100"), file, "larger than the 100-byte limit");
    }

    [Fact]
    public void Scan_WhenAWaiverFileIsLargerThanTheLimit_ShouldExitTwoNamingIt()
    {
        var waivers = CliRunner.TempFile("# " + new string('x', 2_000) + "\nwaivers:\n" + WaiverEntry, "policy-waivers.yaml");
        AssertBadInput(CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--waivers", waivers, "--max-input-size", "1KiB"), waivers, "--max-input-size");
        Assert.Equal(CliRunner.Violations, CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--max-input-size", "1MiB").ExitCode);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    [InlineData("99999999999GiB")]
    public void Scan_WhenMaxInputSizeIsNotASize_ShouldExitTwo(string size)
    {
        var (code, _, stderr) = CliRunner.Run("scan", CliRunner.TempFile(Preview("data")), "--max-input-size", size);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("--max-input-size", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_WhenTheInputIsStdin_ShouldReadItBounded()
    {
        using var stdin = new MemoryStream(Encoding.UTF8.GetBytes(Preview("data")));
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = PolicyPack.Sdk.Hosting.ScanCommand.Run(PolicyCatalog.Pack, ["-"], stdout, stderr, TimeProvider.System, () => stdin);
        Assert.Equal(CliRunner.Violations, code);
        Assert.Contains(KeyUrn.Split("::")[^1], stdout.ToString(), StringComparison.Ordinal);

        using var big = new MemoryStream(Encoding.UTF8.GetBytes(Preview("data")));
        code = PolicyPack.Sdk.Hosting.ScanCommand.Run(PolicyCatalog.Pack, ["-", "--max-input-size", "64"], stdout, stderr, TimeProvider.System, () => big);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("stdin", stderr.ToString(), StringComparison.Ordinal);
    }
}
