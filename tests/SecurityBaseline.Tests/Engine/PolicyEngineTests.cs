using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Tests.Engine;

public class PolicyEngineTests
{
    private const string Thing = "aws:test/thing:Thing";

    private static PolicyEngine Engine(string? config, params Policy[] policies) =>
        new(policies, config is null ? PackConfiguration.Default(policies) : PackConfiguration.Parse(config, policies));

    [Fact]
    public void ThrowingPolicy_WhenItRuns_ShouldFailClosedAsMandatoryNamingThePolicy()
    {
        var resource = Fixtures.Resource(Thing, """{"password":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"Sup3rS3cret!"}}""");
        var evaluation = Assert.Single(Engine(null, new ThrowingPolicy()).AnalyzeResource(resource));
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, evaluation.Level);
        var message = Assert.Single(evaluation.Messages);
        Assert.Contains("test-throws", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Sup3rS3cret!", message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownValue_WhenThePolicyNeedsIt_ShouldBeNotApplicableNeverPassOrFail()
    {
        var resource = Fixtures.Resource(Thing, """{"flag":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        var evaluation = Assert.Single(Engine(null, new FlagPolicy()).AnalyzeResource(resource));
        Assert.Equal(Outcome.NotApplicable, evaluation.Outcome);
        Assert.Contains("flag unknown during preview", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownItem_WhenAnotherItemViolates_ShouldStillReportTheViolation()
    {
        var resource = Fixtures.Resource(Thing, """{"items":[{"open":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"},{"open":true}]}""");
        var evaluation = Assert.Single(Engine(null, new ListPolicy()).AnalyzeResource(resource));
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.Equal("items[1] is open", Assert.Single(evaluation.Messages));
        Assert.Contains("open unknown", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void DisabledPolicy_WhenConfigured_ShouldNotRun()
    {
        var resource = Fixtures.Resource(Thing, "{}");
        Assert.Empty(Engine("""{"test-throws":"disabled"}""", new ThrowingPolicy()).AnalyzeResource(resource));
    }

    [Fact]
    public void AdvisoryLevel_WhenConfigured_ShouldNotBlock()
    {
        var resource = Fixtures.Resource(Thing, """{"flag":false}""");
        var evaluation = Assert.Single(Engine("""{"test-flag-required":"advisory"}""", new FlagPolicy()).AnalyzeResource(resource));
        Assert.Equal(Outcome.Fail, evaluation.Outcome);
        Assert.False(evaluation.Blocks);
    }

    [Fact]
    public void Parameters_WhenConfigured_ShouldReachThePolicy()
    {
        var resource = Fixtures.Resource(Thing, """{"flag":false}""");
        var evaluation = Assert.Single(Engine("""{"test-flag-required":{"minimum":7}}""", new FlagPolicy()).AnalyzeResource(resource));
        Assert.Equal("flag is not true (minimum 7)", Assert.Single(evaluation.Messages));
    }

    [Fact]
    public void OtherTypes_WhenAnalyzed_ShouldNotBeEvaluated()
    {
        var resource = Fixtures.Resource("aws:s3/bucket:Bucket", "{}");
        Assert.Empty(Engine(null, new FlagPolicy()).AnalyzeResource(resource));
    }

    [Fact]
    public void Results_WhenInputOrderChanges_ShouldComeOutInTheSameOrder()
    {
        var resources = Enumerable.Range(0, 20).Select(i => Fixtures.Resource(Thing, """{"flag":false}""", $"thing-{i:D2}")).ToArray();
        var engine = Engine(null, new FlagPolicy("test-b"), new FlagPolicy("test-a"));
        var forward = engine.Analyze(resources, []).Findings.Select(f => (f.Resource.Urn, f.Policy.Id)).ToArray();
        var backward = engine.Analyze(resources.Reverse().ToArray(), []).Findings.Select(f => (f.Resource.Urn, f.Policy.Id)).ToArray();
        Assert.Equal(40, forward.Length);
        Assert.Equal(forward, backward);
        Assert.Equal("test-a", forward[0].Id);
        Assert.EndsWith("thing-00", forward[0].Urn, StringComparison.Ordinal);
    }

    [Fact]
    public void StackPolicy_WhenAResourceLacksItsPartner_ShouldFailThatResourceAndPassTheOthers()
    {
        var lonely = Fixtures.Resource(Thing, """{"name":"lonely"}""", "lonely");
        var paired = Fixtures.Resource(Thing, """{"name":"paired"}""", "paired");
        var partner = Fixtures.Resource("aws:test/partner:Partner", """{"thing":"paired"}""", "partner");
        var evaluations = Engine(null, new EveryThingHasPartnerPolicy()).AnalyzeStack([lonely, paired, partner]);
        Assert.Equal(Outcome.Fail, evaluations.Single(e => e.Resource.Name == "lonely").Outcome);
        Assert.Equal(Outcome.Pass, evaluations.Single(e => e.Resource.Name == "paired").Outcome);
    }

    [Fact]
    public void StackPolicy_WhenJoinedByPropertyDependencies_ShouldFindThePartner()
    {
        var thing = Fixtures.Resource(Thing, """{"name":"renamed-by-provider"}""", "thing");
        var partner = Fixtures.Resource("aws:test/partner:Partner", """{"thing":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""", "partner") with
        {
            PropertyDependencies = new Dictionary<string, IReadOnlyList<string>> { ["thing"] = [thing.Urn] },
        };
        var evaluation = Assert.Single(Engine(null, new EveryThingHasPartnerPolicy()).AnalyzeStack([thing, partner]));
        Assert.Equal(Outcome.Pass, evaluation.Outcome);
    }

    [Fact]
    public void StackPolicy_WhenRemediateIsConfigured_ShouldReportAsMandatory()
    {
        var evaluation = Assert.Single(Engine("""{"test-partner":"remediate"}""", new EveryThingHasPartnerPolicy()).AnalyzeStack([Fixtures.Resource(Thing, "{}", "x")]));
        Assert.Equal(EnforcementLevel.Mandatory, evaluation.Level);
    }

    [Fact]
    public void Remediate_WhenPolicyIsNotAtRemediateLevel_ShouldChangeNothing()
    {
        var resource = Fixtures.Resource("aws:kms/key:Key", "{}");
        var policy = new SecurityBaseline.Policies.Keys.KmsKeyRotation();
        Assert.Empty(new PolicyEngine([policy], PackConfiguration.Default([policy])).Remediate(resource));
    }

    [Fact]
    public void Analyze_WhenPropertiesAreSecret_ShouldLetPoliciesReadThem()
    {
        var resource = Fixtures.Resource(Thing, """{"flag":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":true}}""");
        Assert.True(resource["flag"]!.IsSecret);
        Assert.Equal(Outcome.Pass, Assert.Single(Engine(null, new FlagPolicy()).AnalyzeResource(resource)).Outcome);
    }

    [Fact]
    public void Index_When50000ResourcesAreJoined_ShouldStayLinear()
    {
        // Not a timing test: it asserts the join's answer at scale; quadratic joins would make this test crawl, the benchmark measures it.
        var resources = new List<PulumiResource>();
        for (var i = 0; i < 25_000; i++)
        {
            resources.Add(Fixtures.Resource(Thing, $$"""{"name":"t{{i}}"}""", $"t{i}"));
            if (i % 2 == 0)
            {
                resources.Add(Fixtures.Resource("aws:test/partner:Partner", $$"""{"thing":"t{{i}}"}""", $"p{i}"));
            }
        }

        var evaluations = Engine(null, new EveryThingHasPartnerPolicy()).AnalyzeStack(resources);
        Assert.Equal(12_500, evaluations.Count(e => e.Outcome == Outcome.Fail));
        Assert.Equal(12_500, evaluations.Count(e => e.Outcome == Outcome.Pass));
    }
}
