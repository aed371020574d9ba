using Grpc.Core;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Hosting.Analyzer;
using PolicyPack.Sdk.Hosting.Protocol;
using SecurityBaseline.Policies;
using PolicyPack.Sdk.Waivers;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>The analyzer honours the waiver file CI uses, so `pulumi up` and the pull-request report agree.</summary>
public sealed class AnalyzerWaiverTests
{
    private static string WaiverFile(string expires, string name = "static")
    {
        var directory = Directory.CreateTempSubdirectory("security-baseline-waivers-");
        var path = Path.Combine(directory.FullName, "policy-waivers.yaml");
        File.WriteAllText(path, $"""
            waivers:
              - policy: kms-key-rotation-enabled
                resource:
                  name: "{name}"
                reason: Legacy key kept for decrypting old archives; replaced by KEY-12.
                owner: security@example.com
                expires: {expires}
            """);
        return path;
    }

    [Fact]
    public async Task Analyze_WhenAnActiveWaiverCoversTheViolation_ShouldReportItAsAdvisoryWithTheWaiver()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:waivers"] = WaiverFile("2099-12-31") });

        var waived = Assert.Single((await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request())).KmsDiagnostics());
        Assert.Equal(PolicyPack.Sdk.Hosting.Protocol.EnforcementLevel.Advisory, waived.EnforcementLevel);
        Assert.Contains("waived until 2099-12-31 by security@example.com", waived.Message, StringComparison.Ordinal);

        // The waiver names one resource: the same violation elsewhere still blocks.
        var other = Assert.Single((await analyzer.Client.AnalyzeAsync(TestResources.KeyWithoutRotationProperty.Request())).KmsDiagnostics());
        Assert.Equal(PolicyPack.Sdk.Hosting.Protocol.EnforcementLevel.Mandatory, other.EnforcementLevel);
    }

    [Fact]
    public async Task Analyze_WhenTheWaiverHasExpired_ShouldBlockAndSaySo()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:waivers"] = WaiverFile("2020-01-31") });

        var diagnostic = Assert.Single((await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request())).KmsDiagnostics());
        Assert.Equal(PolicyPack.Sdk.Hosting.Protocol.EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Contains("waiver expired on 2020-01-31", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigureStack_WhenTheWaiverFileIsInvalid_ShouldFailNamingFileAndLine()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("security-baseline-waivers-").FullName, "policy-waivers.yaml");
        File.WriteAllText(path, "waivers:\n  - policy: kms-key-rotation-enabled\n    resource:\n      name: static\n    owner: security@example.com\n    expires: 2099-01-01\n");
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:waivers"] = path }));
        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(path, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("reason", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void WaiverNote_WhenNoWaiverMatches_ShouldLeaveTheLevelAlone()
    {
        var policy = PolicyCatalog.All.Single(p => p.Descriptor.Id == TestResources.Kms).Descriptor;
        var evaluation = new Evaluation(policy, PolicyPack.Sdk.Engine.EnforcementLevel.Mandatory, new ResourceRef("urn:x", "aws:kms/key:Key", "other"), Outcome.Fail, ["off"]);
        var waivers = WaiverSet.Parse(File.ReadAllText(WaiverFile("2099-12-31")), "w.yaml", [TestResources.Kms]);

        var (level, note) = AnalyzerService.WaiverNote(evaluation, waivers, new DateOnly(2026, 11, 25));

        Assert.Null(level);
        Assert.Equal(string.Empty, note);
    }
}
