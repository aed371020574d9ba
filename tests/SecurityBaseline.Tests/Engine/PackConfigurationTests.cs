using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Engine;

public class PackConfigurationTests
{
    // Named like the real pack, so that its reserved key security-baseline:unevaluated is this pack's too.
    private readonly PackDefinition policies = PackDefinition.Of([new FlagPolicy(), new ThrowingPolicy()], "security-baseline");

    [Fact]
    public void Defaults_WhenNoConfig_ShouldUseEachPolicysLevelAndSchemaDefaults()
    {
        var configuration = PackConfiguration.Default(policies);
        Assert.Equal(EnforcementLevel.Mandatory, configuration.For("test-flag-required").Level);
        Assert.Equal(EnforcementLevel.Advisory, configuration.For("test-throws").Level);
        Assert.Equal(1, configuration.For("test-flag-required").Parameters.GetInt("minimum", 0));
    }

    [Theory]
    [InlineData("advisory", EnforcementLevel.Advisory)]
    [InlineData("mandatory", EnforcementLevel.Mandatory)]
    [InlineData("remediate", EnforcementLevel.Remediate)]
    [InlineData("disabled", EnforcementLevel.Disabled)]
    public void LevelString_WhenGiven_ShouldSetTheLevel(string text, EnforcementLevel expected)
    {
        var configuration = PackConfiguration.Parse($$"""{"test-flag-required":"{{text}}"}""", policies);
        Assert.Equal(expected, configuration.For("test-flag-required").Level);
    }

    [Fact]
    public void All_WhenGiven_ShouldSetEveryLevelAndYieldToPerPolicyEntries()
    {
        var configuration = PackConfiguration.Parse("""{"all":"advisory","test-throws":{"enforcementLevel":"disabled"}}""", policies);
        Assert.Equal(EnforcementLevel.Advisory, configuration.For("test-flag-required").Level);
        Assert.Equal(EnforcementLevel.Disabled, configuration.For("test-throws").Level);
    }

    [Fact]
    public void ObjectEntry_WhenItHasProperties_ShouldOverlayTheDefaults()
    {
        var configuration = PackConfiguration.Parse("""{"test-flag-required":{"enforcementLevel":"advisory","minimum":5}}""", policies);
        var settings = configuration.For("test-flag-required");
        Assert.Equal(EnforcementLevel.Advisory, settings.Level);
        Assert.Equal(5, settings.Parameters.GetInt("minimum", 0));
        Assert.Empty(settings.Parameters.GetStrings("names"));
    }

    [Fact]
    public void ObjectEntry_WhenPropertyHasTheWrongType_ShouldNameThePolicyAndProperty()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-flag-required":{"minimum":"five"}}""", policies));
        Assert.Contains("\"test-flag-required\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("minimum must be an integer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectEntry_WhenAnArrayItemIsWrong_ShouldNameTheItem()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-flag-required":{"names":["a",2]}}""", policies));
        Assert.Contains("names[1] must be a string", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectEntry_WhenBelowTheSchemaMinimum_ShouldBeRejectedWithoutEchoingTheValue()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-flag-required":{"minimum":-987654}}""", policies));
        Assert.Contains("minimum must be at least 1", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("987654", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ObjectEntry_WhenPropertyIsUnknown_ShouldListTheKnownOnes()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-flag-required":{"minimun":2}}""", policies));
        Assert.Contains("unknown property \"minimun\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("minimum, names", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Level_WhenMisspelt_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-throws":"mandatroy"}""", policies));
        Assert.Contains("advisory, mandatory, remediate or disabled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPolicyName_WhenInAFile_ShouldBeRejectedWithASuggestion()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"test-flag-require":"advisory"}""", policies, "policy-config.json"));
        Assert.StartsWith("policy-config.json:", error.Message, StringComparison.Ordinal);
        Assert.Contains("did you mean \"test-flag-required\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownPolicyName_WhenFromPulumisConfigure_ShouldBeIgnored()
    {
        var entries = new Dictionary<string, PolicyConfigEntry>
        {
            ["another-pack-policy"] = new(EnforcementLevel.Mandatory, new Dictionary<string, System.Text.Json.JsonElement>()),
            ["test-throws"] = new(EnforcementLevel.Disabled, new Dictionary<string, System.Text.Json.JsonElement>()),
        };
        var configuration = PackConfiguration.FromEntries(policies, entries, ignoreUnknownPolicies: true);
        Assert.Equal(EnforcementLevel.Disabled, configuration.For("test-throws").Level);
    }

    [Fact]
    public void Environments_WhenListed_ShouldBeIgnored()
    {
        var configuration = PackConfiguration.Parse("""{"environments":["acme/prod"],"test-throws":"mandatory"}""", policies);
        Assert.Equal(EnforcementLevel.Mandatory, configuration.For("test-throws").Level);
    }

    [Fact]
    public void All_WhenGivenProperties_ShouldBeRejected()
    {
        Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"all":{"enforcementLevel":"advisory","minimum":3}}""", policies));
    }

    [Fact]
    public void File_WhenNotJson_ShouldNameLineAndPosition()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("{\n  \"test-throws\": advisory\n}", policies, "cfg.json"));
        Assert.Contains("cfg.json: invalid JSON at line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void File_WhenEmpty_ShouldMeanDefaults()
    {
        var configuration = PackConfiguration.Parse(string.Empty, policies);
        Assert.Equal(EnforcementLevel.Mandatory, configuration.For("test-flag-required").Level);
    }

    [Theory]
    [InlineData("""{}""", EnforcementLevel.Advisory)]
    [InlineData("""{"security-baseline:unevaluated":"advisory"}""", EnforcementLevel.Advisory)]
    [InlineData("""{"security-baseline:unevaluated":"mandatory"}""", EnforcementLevel.Mandatory)]
    [InlineData("""{"security-baseline:unevaluated":{"enforcementLevel":"mandatory"}}""", EnforcementLevel.Mandatory)]
    public void UnevaluatedKey_WhenGiven_ShouldSetTheLevelOfUnevaluatedResources(string json, EnforcementLevel expected)
    {
        Assert.Equal(expected, PackConfiguration.Parse(json, policies).UnevaluatedLevel);
    }

    [Theory]
    [InlineData("""{"security-baseline:unevaluated":"remediate"}""")]
    [InlineData("""{"security-baseline:unevaluated":"disabled"}""")]
    [InlineData("""{"security-baseline:unevaluated":{"enforcementLevel":"mandatory","types":[]}}""")]
    [InlineData("""{"security-baseline:unevaluated":{}}""")]
    public void UnevaluatedKey_WhenNotAdvisoryOrMandatory_ShouldFailNamingTheKey(string json)
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse(json, policies, "policy-config.json"));
        Assert.Contains("\"security-baseline:unevaluated\" must be", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnevaluatedKey_WhenMisspelt_ShouldSuggestIt()
    {
        var error = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"security-baseline:unevaluted":"mandatory"}""", policies));
        Assert.Contains("did you mean \"security-baseline:unevaluated\"", error.Message, StringComparison.Ordinal);
    }
}
