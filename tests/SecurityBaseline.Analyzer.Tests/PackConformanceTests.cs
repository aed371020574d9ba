using System.Text;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>
/// The analyzer protocol as any pack built on the SDK must speak it, run against every pack executable of the repository
/// (security-baseline and the examples/custom-pack Acme pack): launch contract, engine call order, pack description,
/// Configure, Analyze/AnalyzeStack shapes, secrets, cancellation and signals. Nothing here names a particular policy.
/// </summary>
public sealed class PackConformanceTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    // One resource per provider family and one no policy covers: whatever a pack decides on them, the answer's shape is fixed.
    private static readonly TestResource[] Resources =
    [
        new("aws:kms/key:Key", "static", """{"description": "legacy key", "enableKeyRotation": false, "deletionWindowInDays": 30}"""),
        new("aws:s3/bucket:Bucket", "orders", """{"bucket": "orders", "region": "us-east-1", "tags": {"team": "orders"}}"""),
        new("azure-native:storage:StorageAccount", "ordersdata", """{"accountName": "ordersdata", "location": "eastus", "kind": "StorageV2", "sku": {"name": "Standard_LRS"}, "resourceGroupName": "rg"}"""),
        new("azure:storage/account:Account", "classicdata", """{"name": "classicdata", "location": "West Europe", "accountTier": "Standard", "accountReplicationType": "LRS", "resourceGroupName": "rg"}"""),
        new("example:index/widget:Widget", "widget", """{"size": 3}"""),
    ];

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Launch_WithoutArguments_ShouldExplainOnStderrAndExit2(string pack)
    {
        var (exitCode, stdout, stderr) = await AnalyzerProcess.RunToExitAsync(PackUnderTest.Named(pack));

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("engine address", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Launch_WithBadEngineAddressOrUnknownOption_ShouldExit2WithNothingOnStdout(string pack)
    {
        var badAddress = await AnalyzerProcess.RunToExitAsync(PackUnderTest.Named(pack), "--logtostderr", "127.0.0.1:99999");
        var unknownOption = await AnalyzerProcess.RunToExitAsync(PackUnderTest.Named(pack), "--bogus", Engine.Address);

        Assert.Equal(2, badAddress.ExitCode);
        Assert.Equal(string.Empty, badAddress.Stdout);
        Assert.Contains("bad engine address", badAddress.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, unknownOption.ExitCode);
        Assert.Equal(string.Empty, unknownOption.Stdout);
        Assert.Contains("--bogus", unknownOption.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Session_InEngineOrder_ShouldAnswerInTheProtocolsShapesAndExitCleanlyOnCancel(string pack)
    {
        var subject = PackUnderTest.Named(pack);
        await using var analyzer = await AnalyzerProcess.StartAsync(subject, Engine.Address);
        Assert.Matches("^[0-9]{1,5}\n$", analyzer.PortLine);
        var client = analyzer.Client;

        var info = await Engine.StartSessionAsync(client);
        var plugin = await client.GetPluginInfoAsync(new Empty());

        Assert.Equal(subject.Name, info.Name);
        Assert.Equal(info.Version, plugin.Version);
        Assert.True(info.SupportsConfig);
        Assert.NotEmpty(info.Policies);
        Assert.Equal(info.Policies.Count, info.Policies.Select(p => p.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var policy in info.Policies)
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", policy.Name);
            Assert.False(string.IsNullOrWhiteSpace(policy.DisplayName), policy.Name);
            Assert.False(string.IsNullOrWhiteSpace(policy.Description), policy.Name);
            Assert.False(string.IsNullOrWhiteSpace(policy.Framework.Reference), policy.Name);
            Assert.EndsWith($"#{policy.Name}", policy.Url, StringComparison.Ordinal);
            Assert.NotEqual(PolicyType.Unknown, policy.PolicyType);
            Assert.NotEqual(PolicySeverity.Unspecified, policy.Severity);
            Assert.All(policy.ConfigSchema.Properties.Fields.Values, v => Assert.Equal(Value.KindOneofCase.StructValue, v.KindCase));
        }

        var names = info.Policies.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var resource in Resources)
        {
            var response = await client.AnalyzeAsync(resource.Request());
            foreach (var diagnostic in response.Diagnostics)
            {
                Assert.Contains(diagnostic.PolicyName, names);
                Assert.Equal(info.Name, diagnostic.PolicyPackName);
                Assert.Equal(info.Version, diagnostic.PolicyPackVersion);
                Assert.Equal(resource.Urn, diagnostic.Urn);
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Message), $"{resource}: {diagnostic.PolicyName}");
                Assert.NotEqual(PolicySeverity.Unspecified, diagnostic.Severity);
            }

            Assert.All(response.NotApplicable, n =>
            {
                Assert.Contains(n.PolicyName, names);
                Assert.False(string.IsNullOrWhiteSpace(n.Reason), $"{resource}: {n.PolicyName} not applicable without a reason");
            });
        }

        var stack = new AnalyzeStackRequest();
        stack.Resources.AddRange(Resources.Select(r => r.StackResource()));
        var stackResponse = await client.AnalyzeStackAsync(stack);
        var stackPolicies = info.Policies.Where(p => p.PolicyType == PolicyType.Stack).Select(p => p.Name).Append($"{info.Name}:unevaluated").ToHashSet(StringComparer.Ordinal);
        Assert.All(stackResponse.Diagnostics, d =>
        {
            Assert.Contains(d.PolicyName, stackPolicies); // only stack policies (and the pack's unevaluated notice) speak here
            Assert.Equal(info.Name, d.PolicyPackName);
        });

        await client.CancelAsync(new Empty());
        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Empty(analyzer.StdoutAfterPortLine);
        Assert.Equal(string.Empty, analyzer.Stderr); // no --logtostderr: nothing on stderr
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task PulumiPolicyYaml_NextToTheExecutable_ShouldDeclareRuntimeAndTheReportedVersion(string pack)
    {
        var subject = PackUnderTest.Named(pack);
        var yaml = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(AnalyzerProcess.PathOf(subject))!, "PulumiPolicy.yaml"), Encoding.UTF8);
        await using var analyzer = await AnalyzerProcess.StartAsync(subject, Engine.Address);

        var info = await analyzer.Client.GetAnalyzerInfoAsync(new Empty());

        Assert.Matches("(?m)^runtime: *binary *$", yaml);
        Assert.Matches($"(?m)^version: *{info.Version.Replace(".", "\\.", StringComparison.Ordinal)} *$", yaml);
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Configure_EveryPolicyDisabled_ShouldSilenceAnalyze(string pack)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(PackUnderTest.Named(pack), Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, p => Engine.Defaults(p, EnforcementLevel.Disabled));

        foreach (var resource in Resources)
        {
            var response = await analyzer.Client.AnalyzeAsync(resource.Request());

            Assert.Empty(response.Diagnostics);
            Assert.Empty(response.NotApplicable);
        }
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Configure_UnknownProperty_ShouldAnswerInvalidArgumentNamingThePolicyAndKeepTheOldConfiguration(string pack)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(PackUnderTest.Named(pack), Engine.Address);
        var info = await Engine.StartSessionAsync(analyzer.Client);
        var before = await analyzer.Client.AnalyzeAsync(Resources[0].Request());
        var bad = Engine.Reconciled(info);
        var victim = info.Policies.OrderBy(p => p.Name, StringComparer.Ordinal).First().Name;
        bad.PolicyConfig[victim].Properties.Fields["noSuchParameter"] = Value.ForNumber(90);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.ConfigureAsync(bad));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(victim, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("noSuchParameter", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before, await analyzer.Client.AnalyzeAsync(Resources[0].Request()));
    }

    [Theory]
    [MemberData(nameof(PackUnderTest.Names), MemberType = typeof(PackUnderTest))]
    public async Task Analyze_SecretValues_ShouldNeverBePrinted(string pack)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(PackUnderTest.Named(pack), "--logtostderr", "-v=9", Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["aws:secretKey"] = "stack-config-s3cr3t" });
        var secret = new TestResource("aws:s3/bucket:Bucket", "secretive", $$"""
            {"bucket": { {{TestResources.SecretSig}}, "value": "bucket-s3cr3t" },
             "region": { {{TestResources.SecretSig}}, "value": "region-s3cr3t" },
             "tags": {"owner": { {{TestResources.SecretSig}}, "value": "owner-s3cr3t" }, "data-classification": { {{TestResources.SecretSig}}, "value": "class-s3cr3t" } } }
            """);

        var response = await analyzer.Client.AnalyzeAsync(secret.Request());
        var stack = new AnalyzeStackRequest();
        stack.Resources.Add(secret.StackResource());
        var stackResponse = await analyzer.Client.AnalyzeStackAsync(stack);
        await analyzer.Client.CancelAsync(new Empty());

        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.DoesNotContain("s3cr3t", response.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", stackResponse.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", analyzer.Stderr, StringComparison.Ordinal);
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }

    [Theory]
    [MemberData(nameof(SignalCases))]
    public async Task Signal_WhileServing_ShouldExit0(string pack, string signal)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(PackUnderTest.Named(pack), Engine.Address);
        await analyzer.Client.HandshakeAsync(new AnalyzerHandshakeRequest { EngineAddress = Engine.Address });

        await analyzer.SignalAsync(signal);

        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }

    public static TheoryData<string, string> SignalCases()
    {
        var cases = new TheoryData<string, string>();
        foreach (var pack in new[] { PackUnderTest.SecurityBaseline, PackUnderTest.Acme })
        {
            cases.Add(pack.Name, "TERM");
            cases.Add(pack.Name, "INT");
        }

        return cases;
    }
}
