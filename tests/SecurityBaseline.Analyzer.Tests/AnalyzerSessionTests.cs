using System.Text;
using Google.Protobuf.WellKnownTypes;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Protocol;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>Whole sessions in the engine's call order against the built executable.</summary>
public sealed class AnalyzerSessionTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Session_InEngineOrder_ShouldGiveVerdictsAndExitCleanlyOnCancel()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        Assert.Matches("^[0-9]{1,5}\n$", analyzer.PortLine);
        var client = analyzer.Client;
        var info = await Engine.StartSessionAsync(client);
        Assert.Contains(info.Policies, p => p.Name == TestResources.Kms);

        foreach (var verdict in TestResources.Verdicts)
        {
            var remediation = await client.RemediateAsync(verdict.Resource.Request());
            Assert.Empty(remediation.Remediations); // nothing is at level remediate by default

            var response = await client.AnalyzeAsync(verdict.Resource.Request());
            var failing = response.Diagnostics.Select(d => d.PolicyName).Distinct().Order().ToArray();
            Assert.True(verdict.Fails.Order().SequenceEqual(failing), $"{verdict.Resource}: expected failures [{string.Join(", ", verdict.Fails)}], got [{string.Join(", ", failing)}]");
            foreach (var id in verdict.NotApplicable)
            {
                var entry = Assert.Single(response.NotApplicable, n => n.PolicyName == id);
                Assert.False(string.IsNullOrWhiteSpace(entry.Reason), $"{verdict.Resource}: {id} not applicable without a reason");
            }

            foreach (var diagnostic in response.Diagnostics)
            {
                Assert.Equal(PolicyCatalog.PackName, diagnostic.PolicyPackName);
                Assert.Equal(PolicyCatalog.Version, diagnostic.PolicyPackVersion);
                Assert.Equal(verdict.Resource.Urn, diagnostic.Urn);
                Assert.False(string.IsNullOrWhiteSpace(diagnostic.Description));
                Assert.NotEqual(PolicySeverity.Unspecified, diagnostic.Severity);
            }
        }

        var stack = new AnalyzeStackRequest();
        stack.Resources.AddRange(TestResources.Verdicts.Select(v => v.Resource.StackResource()));
        stack.Resources[1].Parent = stack.Resources[0].Urn;
        stack.Resources[1].Dependencies.Add(stack.Resources[0].Urn);
        stack.Resources[1].PropertyDependencies["description"] = new AnalyzerPropertyDependencies { Urns = { stack.Resources[0].Urn } };
        var stackResponse = await client.AnalyzeStackAsync(stack);
        var stackPolicies = info.Policies.Where(p => p.PolicyType == PolicyType.Stack).Select(p => p.Name).ToHashSet();
        Assert.All(stackResponse.Diagnostics, d => Assert.Contains(d.PolicyName, stackPolicies)); // only stack policies speak here
        Assert.All(stackResponse.NotApplicable, n => Assert.Contains(n.PolicyName, stackPolicies));

        await client.CancelAsync(new Empty());
        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }

    [Fact]
    public async Task Analyze_KeyWithoutRotation_ShouldReportMandatoryMediumDiagnosticNamingTheProperty()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync("--logtostderr", "-v=9", Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);

        var response = await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request());

        var diagnostic = Assert.Single(response.KmsDiagnostics());
        Assert.Equal(TestResources.Kms, diagnostic.PolicyName);
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Equal(PolicySeverity.Medium, diagnostic.Severity);
        Assert.Contains("enableKeyRotation", diagnostic.Message, StringComparison.Ordinal);
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }

    [Fact]
    public async Task Analyze_SecretValues_ShouldBeReadButNeverPrinted()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync("--logtostderr", "-v=9", Engine.Address);
        var secretConfig = new Dictionary<string, string> { ["aws:secretKey"] = "stack-config-s3cr3t" };
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: secretConfig);

        var failing = await analyzer.Client.AnalyzeAsync(TestResources.SecretRotationOff.Request());
        var passing = await analyzer.Client.AnalyzeAsync(TestResources.SecretDescriptionRotating.Request());

        Assert.Equal(TestResources.Kms, Assert.Single(failing.KmsDiagnostics()).PolicyName);
        Assert.Empty(passing.KmsDiagnostics());
        Assert.DoesNotContain("s3cr3t", passing.ToString(), StringComparison.Ordinal);
        await analyzer.Client.CancelAsync(new Empty());
        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.DoesNotContain("s3cr3t", analyzer.Stderr, StringComparison.Ordinal);
        Assert.Contains("aws:secretKey", analyzer.Stderr, StringComparison.Ordinal); // the key is logged, its value never
    }

    [Fact]
    public async Task Analyze_UnknownRotationDuringPreview_ShouldBeNotApplicableWithReason()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);

        var response = await analyzer.Client.AnalyzeAsync(TestResources.UnknownRotation.Request());

        Assert.Empty(response.KmsDiagnostics());
        var entry = Assert.Single(response.NotApplicable, n => n.PolicyName == TestResources.Kms);
        Assert.Contains("enableKeyRotation", entry.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remediate_AtLevelRemediate_ShouldReturnCompleteBagKeepingSecretsAndInternalKeys()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, p => Engine.Defaults(p, p.Name == TestResources.Kms ? EnforcementLevel.Remediate : p.EnforcementLevel));
        var request = new TestResource("aws:kms/key:Key", "remediated", $$"""
            {
              "description": { {{TestResources.SecretSig}}, "value": "s3cr3t-description" },
              "enableKeyRotation": false,
              "policy": { {{TestResources.SecretSig}}, "value": {"Version": "2012-10-17", "Statement": []} },
              "tags": {"owner": { {{TestResources.SecretSig}}, "value": "alice" }, "team": "orders"},
              "deletionWindowInDays": 30,
              "__defaults": ["deletionWindowInDays"]
            }
            """).Request();

        var response = await analyzer.Client.RemediateAsync(request);

        var remediation = Assert.Single(response.Remediations);
        Assert.Equal(TestResources.Kms, remediation.PolicyName);
        Assert.Equal(string.Empty, remediation.Diagnostic);
        var bag = remediation.Properties.Fields;
        Assert.True(bag["enableKeyRotation"].BoolValue);
        Assert.Equal(request.Properties.Fields["description"], bag["description"]);
        Assert.Equal(request.Properties.Fields["policy"], bag["policy"]);
        Assert.Equal(request.Properties.Fields["tags"], bag["tags"]);
        Assert.Equal(request.Properties.Fields["__defaults"], bag["__defaults"]);
        Assert.Equal(30, bag["deletionWindowInDays"].NumberValue);
        Assert.Equal(request.Properties.Fields.Count, bag.Count);

        // A violation that survives (the engine analyzes the unremediated bag in `policy analyze`) blocks as mandatory.
        var analyzed = await analyzer.Client.AnalyzeAsync(request);
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(analyzed.KmsDiagnostics()).EnforcementLevel);

        request.Properties = remediation.Properties;
        Assert.Empty((await analyzer.Client.AnalyzeAsync(request)).KmsDiagnostics());
        Assert.Empty((await analyzer.Client.RemediateAsync(request)).Remediations);
    }

    [Fact]
    public async Task Configure_Disabled_ShouldSilenceThePolicy()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, p => Engine.Defaults(p, EnforcementLevel.Disabled));

        var response = await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request());

        Assert.Empty(response.KmsDiagnostics());
        Assert.DoesNotContain(response.NotApplicable, n => n.PolicyName == TestResources.Kms);
    }

    [Fact]
    public async Task Configure_Advisory_ShouldDowngradeTheDiagnostic()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        var info = await Engine.StartSessionAsync(analyzer.Client, p => Engine.Defaults(p, EnforcementLevel.Advisory));

        // "all" rides along when the config file used it; it names no policy and must not break anything.
        var configure = Engine.Reconciled(info, p => Engine.Defaults(p, EnforcementLevel.Advisory));
        configure.PolicyConfig["all"] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Advisory, Properties = new Struct() };
        configure.PolicyConfig["policy-from-another-pack"] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Mandatory, Properties = new Struct() };
        await analyzer.Client.ConfigureAsync(configure);

        var response = await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request());

        Assert.Equal(EnforcementLevel.Advisory, Assert.Single(response.KmsDiagnostics()).EnforcementLevel);
    }

    [Fact]
    public async Task GetAnalyzerInfo_ShouldDescribeThePackAndEveryPolicy()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);

        var info = await analyzer.Client.GetAnalyzerInfoAsync(new Empty());
        var plugin = await analyzer.Client.GetPluginInfoAsync(new Empty());

        Assert.Equal("security-baseline", info.Name);
        Assert.Equal(PolicyCatalog.Version, info.Version);
        Assert.Equal(PolicyCatalog.Version, plugin.Version);
        Assert.Equal(PolicyCatalog.DisplayName, info.DisplayName);
        Assert.Equal(PolicyCatalog.Description, info.Description);
        Assert.True(info.SupportsConfig);
        Assert.Equal(PolicyCatalog.All.Select(p => p.Descriptor.Id).Order(), info.Policies.Select(p => p.Name).Order());
        foreach (var policy in info.Policies)
        {
            var descriptor = PolicyCatalog.All.Single(p => p.Descriptor.Id == policy.Name).Descriptor;
            Assert.Equal(descriptor.Title, policy.DisplayName);
            Assert.Equal(descriptor.Description, policy.Description);
            Assert.Equal(descriptor.Message, policy.Message);
            Assert.Equal(descriptor.Help, policy.RemediationSteps);
            Assert.Equal(descriptor.Control, policy.Framework.Reference);
            Assert.False(string.IsNullOrEmpty(policy.Framework.Specification));
            Assert.Equal($"docs/policies.md#{descriptor.Id}", policy.Url);
            Assert.Equal(descriptor.Tags, policy.Tags);
            Assert.NotEqual(PolicyType.Unknown, policy.PolicyType);
            Assert.All(policy.ConfigSchema.Properties.Fields.Values, v => Assert.Equal(Value.KindOneofCase.StructValue, v.KindCase));
        }

        var kms = info.Policies.Single(p => p.Name == TestResources.Kms);
        Assert.Equal(EnforcementLevel.Mandatory, kms.EnforcementLevel);
        Assert.Equal(PolicySeverity.Medium, kms.Severity);
        Assert.Equal(PolicyType.Resource, kms.PolicyType);
        Assert.Equal("Encryption and storage", kms.Framework.Specification);
    }

    [Fact]
    public async Task PulumiPolicyYaml_NextToTheExecutable_ShouldDeclareRuntimeAndTheCatalogueVersion()
    {
        var yaml = await File.ReadAllTextAsync(Path.Combine(Path.GetDirectoryName(AnalyzerProcess.ExecutablePath)!, "PulumiPolicy.yaml"), Encoding.UTF8);

        Assert.Matches("(?m)^runtime: *binary *$", yaml);
        Assert.Matches($"(?m)^version: *{PolicyCatalog.Version.Replace(".", "\\.", StringComparison.Ordinal)} *$", yaml);
        Assert.Matches("(?m)^description: *\\S", yaml);
    }

    [Fact]
    public void Signature_SecretWrapper_ShouldBeTheOneTheEngineSends()
    {
        // Guards the test data itself: a typo in the signature would make every secret test vacuous.
        Assert.Equal("4dabf18193072939515e22adb298388d", PulumiSignatures.Key);
        Assert.Equal("1b47061264138c4ac30d75fd1eb44270", PulumiSignatures.Secret);
    }
}
