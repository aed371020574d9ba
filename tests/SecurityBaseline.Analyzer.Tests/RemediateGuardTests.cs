using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Analyzer;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>Remediate's guards, in process, with a test-only policy whose remediation misbehaves.</summary>
public sealed class RemediateGuardTests
{
    private const string WipingPolicyId = "test-wiping-remediation";

    [Fact]
    public async Task Remediate_WhenThePolicyReturnsAnEmptyBagButTheRequestHasInternalKeys_ShouldReportInsteadOfWipingTheInputs()
    {
        var configuration = new AnalyzerConfiguration(PackDefinition.Of([new WipingPolicy()]));
        configuration.Configure(new Dictionary<string, PolicyConfigEntry>
        {
            [WipingPolicyId] = new(EnforcementLevel.Remediate, new Dictionary<string, JsonElement>()),
        });
        var service = new AnalyzerService(configuration, new Lifetime(), NullLogger<AnalyzerService>.Instance);
        var request = new TestResource("aws:kms/key:Key", "defaulted", """
            {"description": "orders data key", "enableKeyRotation": false, "__defaults": ["deletionWindowInDays"]}
            """).Request();

        var response = await service.Remediate(request, null!);

        var remediation = Assert.Single(response.Remediations);
        Assert.Null(remediation.Properties);
        Assert.Contains("empty property bag", remediation.Diagnostic, StringComparison.Ordinal);
    }

    /// <summary>Test-only: a remediation that (wrongly) returns no properties at all.</summary>
    private sealed class WipingPolicy : ResourcePolicy
    {
        public override PolicyDescriptor Descriptor { get; } = new()
        {
            Id = WipingPolicyId,
            Title = "Test policy whose remediation loses every property",
            Description = "Test only.",
            Message = "Test only.",
            Control = "§1",
            Severity = Severity.High,
            ResourceTypes = ["aws:kms/key:Key"],
            ConfigSchema = "{}",
            Help = "Test only.",
        };

        public override void Evaluate(ResourceContext context)
        {
        }

        public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context) =>
            new Dictionary<string, PropertyValue>();
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => CancellationToken.None;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
