using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Hosting.Analyzer;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>Configure + ConfigureStack reconciliation, with a test-only policy that has the `allowedCidrs` parameter.</summary>
public sealed class AnalyzerConfigurationTests
{
    private const string CidrPolicyId = "test-allowed-cidrs";

    /// <summary>A pack of these policies that, like security-baseline, takes `allowedCidrs` from stack config.</summary>
    private static PackDefinition Pack(params IEnumerable<Policy> policies) =>
        PackDefinition.Of(policies, "security-baseline") with { StackParameters = ["allowedCidrs"] };

    private static Dictionary<string, System.Text.Json.JsonElement> Cidrs(string json) => new() { ["allowedCidrs"] = Element(json) };

    [Fact]
    public void ConfigureStack_AllowedCidrs_ShouldSetTheParameterOfPoliciesThatHaveIt()
    {
        var configuration = new AnalyzerConfiguration(Pack([new CidrPolicy(), .. PolicyCatalog.All]));

        configuration.ConfigureStack(Stack(), Cidrs("""["203.0.113.0/24"]"""));
        configuration.Configure(Reconciled(allowed: null));

        Assert.Equal(["203.0.113.0/24"], configuration.Engine.Configuration.For(CidrPolicyId).Parameters.GetStrings("allowedCidrs"));
        Assert.False(configuration.Engine.Configuration.For(TestResources.Kms).Parameters.Has("allowedCidrs"));
    }

    [Fact]
    public void ConfigureStack_AllowedCidrs_ShouldNotOverrideAnExplicitConfigureValue()
    {
        var configuration = new AnalyzerConfiguration(Pack(new CidrPolicy()));

        configuration.ConfigureStack(Stack(), Cidrs("""["203.0.113.0/24"]"""));
        configuration.Configure(Reconciled(allowed: """["198.51.100.0/24"]"""));

        Assert.Equal(["198.51.100.0/24"], configuration.Engine.Configuration.For(CidrPolicyId).Parameters.GetStrings("allowedCidrs"));
    }

    [Fact]
    public void ConfigureStack_AllowedCidrs_ShouldReplaceTheSchemaDefaultTheEngineEchoes()
    {
        var configuration = new AnalyzerConfiguration(Pack(new CidrPolicy()));

        configuration.ConfigureStack(Stack(), Cidrs("""["203.0.113.0/24"]"""));
        configuration.Configure(Reconciled(allowed: "[]"));

        Assert.Equal(["203.0.113.0/24"], configuration.Engine.Configuration.For(CidrPolicyId).Parameters.GetStrings("allowedCidrs"));
    }

    [Fact]
    public void ConfigureStack_AllowedCidrsOfWrongType_ShouldThrowNamingThePolicyAndKeepTheOldState()
    {
        var configuration = new AnalyzerConfiguration(Pack(new CidrPolicy()));

        var error = Assert.Throws<PolicyConfigException>(() => configuration.ConfigureStack(Stack(), Cidrs("""[42]""")));

        Assert.Contains(CidrPolicyId, error.Message, StringComparison.Ordinal);
        Assert.Null(configuration.Stack);
        Assert.Empty(configuration.Engine.Configuration.For(CidrPolicyId).Parameters.GetStrings("allowedCidrs"));
    }

    private static Dictionary<string, PolicyConfigEntry> Reconciled(string? allowed)
    {
        var properties = new Dictionary<string, JsonElement>();
        if (allowed is not null)
        {
            properties["allowedCidrs"] = Element(allowed);
        }

        return new Dictionary<string, PolicyConfigEntry>
        {
            [CidrPolicyId] = new(EnforcementLevel.Mandatory, properties),
            [TestResources.Kms] = new(EnforcementLevel.Mandatory, new Dictionary<string, JsonElement>()),
            ["all"] = new(EnforcementLevel.Mandatory, new Dictionary<string, JsonElement>()),
        };
    }

    private static StackSettings Stack() => new("dev", "infra", "company", true, new Dictionary<string, string>());

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Test-only: a policy with an `allowedCidrs` parameter, as the network policies will have.</summary>
    private sealed class CidrPolicy : ResourcePolicy
    {
        public override PolicyDescriptor Descriptor { get; } = new()
        {
            Id = CidrPolicyId,
            Title = "Test policy with an allowlist",
            Description = "Test only.",
            Message = "Test only.",
            Control = "§1",
            Severity = Severity.High,
            ResourceTypes = ["aws:ec2/securityGroup:SecurityGroup"],
            ConfigSchema = """{"allowedCidrs": {"type": "array", "items": {"type": "string"}, "default": [], "description": "CIDRs allowed in."}}""",
            Help = "Test only.",
        };

        public override void Evaluate(ResourceContext context)
        {
        }
    }
}
