using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Engine;

/// <summary>Resources no enabled policy evaluates: which count, per type, and how the closed world makes them block.</summary>
/// <remarks>Only test policies and made-up types: the pack's catalogue grows, and these must not depend on what it covers today.</remarks>
public class UnevaluatedTests
{
    private const string Thing = "aws:test/thing:Thing";
    private const string Widget = "aws:madeup/widget:Widget";
    private const string Gadget = "azure:madeup/gadget:Gadget";
    private const string OtherPackage = "acme:index/sprocket:Sprocket";
    private const string Provider = "urn:pulumi:prod::baseline::pulumi:providers:aws::default_7_0_0::04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private static PolicyEngine Engine(string? config, params Policy[] policies) =>
        new(policies, config is null ? PackConfiguration.Default(policies) : PackConfiguration.Parse(config, PackDefinition.Of(policies, "security-baseline")));

    private static PulumiResource Custom(string type, string name) => Fixtures.Resource(type, "{}", name) with { Provider = Provider };

    private static PulumiResource[] Stack() =>
    [
        Fixtures.Resource("pulumi:pulumi:Stack", "{}", "baseline-prod"),
        Fixtures.Resource("pulumi:providers:aws", "{}", "default_7_0_0"),
        Fixtures.Resource("acme:network:Bundle", "{}", "component"),
        Fixtures.Resource(Thing, """{"flag":true}""", "thing") with { Provider = Provider },
        Custom(Widget, "w1"),
        Custom(Widget, "w2"),
        Custom(Gadget, "g1"),
        Custom(OtherPackage, "s1"),
    ];

    [Fact]
    public void Unevaluated_WhenNoPolicyCoversATypeOfTheStack_ShouldCountItsResourcesPerTypeOrderedByType()
    {
        var result = Engine(null, new FlagPolicy()).Analyze(Stack(), Stack());

        Assert.Equal(
            [new UnevaluatedType(OtherPackage, 1, EnforcementLevel.Advisory), new UnevaluatedType(Widget, 2, EnforcementLevel.Advisory), new UnevaluatedType(Gadget, 1, EnforcementLevel.Advisory)],
            result.Unevaluated);
        Assert.Equal(4, result.UnevaluatedCount);
        Assert.False(result.Blocks);
    }

    [Fact]
    public void Unevaluated_WhenEveryTypeIsCovered_ShouldBeEmpty()
    {
        var resources = new[] { Custom(Thing, "a"), Custom(Thing, "b") };

        Assert.Empty(Engine(null, new FlagPolicy()).Analyze(resources, resources).Unevaluated);
    }

    [Fact]
    public void Unevaluated_WhenTheOnlyPolicyOfATypeIsDisabled_ShouldCountTheType()
    {
        var resources = new[] { Custom(Thing, "a") };

        var result = Engine("""{"test-flag-required":"disabled"}""", new FlagPolicy()).Analyze(resources, resources);

        Assert.Equal([new UnevaluatedType(Thing, 1, EnforcementLevel.Advisory)], result.Unevaluated);
        Assert.Empty(result.Evaluations);
    }

    [Fact]
    public void Unevaluated_WhenAStackPolicyCoversTheType_ShouldNotCountIt()
    {
        var resources = new[] { Custom(Thing, "a") };

        Assert.Empty(Engine(null, new EveryThingHasPartnerPolicy()).Unevaluated(resources));
        Assert.Equal([new UnevaluatedType(Thing, 1, EnforcementLevel.Advisory)], Engine("""{"test-partner":"disabled"}""", new EveryThingHasPartnerPolicy()).Unevaluated(resources));
    }

    [Fact]
    public void Unevaluated_WhenTheTokenIsAnApiVersionedAzureNativeOne_ShouldCountItUnderTheCanonicalToken()
    {
        var resources = new[] { Custom("azure-native:madeup/v20230101:Widget", "old"), Custom("azure-native:madeup:Widget", "new") };

        Assert.Equal([new UnevaluatedType("azure-native:madeup:Widget", 2, EnforcementLevel.Advisory)], Engine(null, new FlagPolicy()).Unevaluated(resources));
    }

    [Fact]
    public void Unevaluated_WhenACloudFamilyResourceHasNoProviderReference_ShouldStillCount()
    {
        // Hand-written inputs and some readers carry no provider; aws, azure and azure-native packages have no components.
        Assert.Single(Engine(null, new FlagPolicy()).Unevaluated([Fixtures.Resource(Widget, "{}", "bare")]));
        Assert.Empty(Engine(null, new FlagPolicy()).Unevaluated([Fixtures.Resource(OtherPackage, "{}", "bare")]));
    }

    [Fact]
    public void ClosedWorld_WhenConfigured_ShouldMakeCloudFamiliesMandatoryAndOtherPackagesAdvisory()
    {
        var result = Engine("""{"security-baseline:unevaluated":"mandatory"}""", new FlagPolicy()).Analyze(Stack(), Stack());

        Assert.Equal(EnforcementLevel.Advisory, Assert.Single(result.Unevaluated, u => u.Type == OtherPackage).Level);
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(result.Unevaluated, u => u.Type == Widget).Level);
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(result.Unevaluated, u => u.Type == Gadget).Level);
        Assert.False(result.HasBlockingViolation);
        Assert.True(result.Blocks);
    }

    [Fact]
    public void ClosedWorld_WhenSetInCode_ShouldWinOverTheDefault()
    {
        var policies = new Policy[] { new FlagPolicy() };
        var engine = new PolicyEngine(policies, PackConfiguration.Default(policies).WithUnevaluatedLevel(EnforcementLevel.Mandatory));

        Assert.True(engine.Analyze([Custom(Widget, "w")], []).Blocks);
    }

    [Fact]
    public void Combine_WhenTwoFilesShareAType_ShouldSumTheCounts()
    {
        var engine = Engine(null, new FlagPolicy());
        var first = engine.Analyze([Custom(Widget, "a"), Custom(Thing, "t")], []);
        var second = engine.Analyze([Custom(Widget, "b"), Custom(Gadget, "g")], []);

        var combined = AnalysisResult.Combine([first, second]);

        Assert.Equal([new UnevaluatedType(Widget, 2, EnforcementLevel.Advisory), new UnevaluatedType(Gadget, 1, EnforcementLevel.Advisory)], combined.Unevaluated);
        Assert.Equal(first.Evaluations.Count + second.Evaluations.Count, combined.Evaluations.Count);
    }
}
