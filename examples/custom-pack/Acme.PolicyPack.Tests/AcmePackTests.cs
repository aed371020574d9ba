using System.Text.RegularExpressions;
using Acme.PolicyPack;
using PolicyPack.Sdk.Testing;
using SecurityBaseline.Policies;

namespace Acme.PolicyPack.Tests;

public sealed class AcmePackTests
{
    [Fact]
    public void Definition_ShouldContainEverySecurityBaselinePolicy()
    {
        var ids = AcmePack.Definition.Policies.Select(p => p.Descriptor.Id).ToHashSet(StringComparer.Ordinal);

        Assert.All(PolicyCatalog.All, p => Assert.Contains(p.Descriptor.Id, ids));
        Assert.Equal(PolicyCatalog.All.Count + AcmePack.Own.Count, AcmePack.Definition.Policies.Count);
    }

    [Fact]
    public void Definition_ShouldContainAcmesOwnPoliciesWithUniqueIds()
    {
        var ids = AcmePack.Definition.Policies.Select(p => p.Descriptor.Id).ToArray();

        Assert.Contains(RequiredTags.Id, ids);
        Assert.Contains(AllowedRegions.Id, ids);
        Assert.Equal(ids.Length, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Definition_EveryPolicysControl_ShouldBeInTheFramework() =>
        Assert.All(AcmePack.Definition.Policies, p => Assert.True(AcmePack.Definition.Controls.Contains(p.Descriptor.Control), $"{p.Descriptor.Id}: {p.Descriptor.Control}"));

    [Fact]
    public void Definition_StackParameters_ShouldBeDeclaredBySomePolicysSchema()
    {
        foreach (var parameter in AcmePack.Definition.StackParameters)
        {
            Assert.Contains(AcmePack.Definition.Policies, p => p.Descriptor.ConfigSchema.Contains($"\"{parameter}\"", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Version_ShouldMatchTheExecutableProjectAndPulumiPolicyYaml()
    {
        var project = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cli", "Acme.PolicyPack.Cli.csproj"));
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "cli", "PulumiPolicy.yaml"));

        Assert.Contains($"<Version>{AcmePack.Version}</Version>", project, StringComparison.Ordinal);
        Assert.Matches($"(?m)^version: *{Regex.Escape(AcmePack.Version)} *$", yaml);
        Assert.Matches("(?m)^runtime: *binary *$", yaml);
    }

    [Fact]
    public void Catalogue_ShouldHoldOnlyTokensOfTheThreeFamilies()
    {
        var tokens = ResourceTypeCatalogue.TagProperties.Keys.Concat(ResourceTypeCatalogue.PlaceProperties.Keys).ToArray();

        Assert.All(tokens, t => Assert.Matches("^(aws|azure|azure-native):[A-Za-z0-9_/]+:[A-Za-z0-9_]+$", t));
        Assert.All(ResourceTypeCatalogue.TagProperties.Values, p => Assert.Equal("tags", p));
        Assert.All(ResourceTypeCatalogue.PlaceProperties, e => Assert.Equal(e.Key.StartsWith("aws:", StringComparison.Ordinal) ? "region" : "location", e.Value));
    }

    [Fact]
    public void Pack_OnTheRepositorysAwsPreview_ShouldReportAcmeAndSecurityBaselineFindings()
    {
        var resources = TestResource.FromStackFile(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "aws-v7-violating.preview.json")), "aws-v7-violating.preview.json");

        var result = PolicyRun.Pack(AcmePack.Definition, resources);

        result.ShouldHaveFinding(RequiredTags.Id, "scratch");
        result.ShouldHaveFinding(PolicyIds.KmsKeyRotation, "data-key");

        // The preview sets no region on its resources (the provider's config decides), so allowed-regions judges none.
        Assert.DoesNotContain(result.Findings, f => f.Policy.Id == AllowedRegions.Id);
        Assert.Contains(result.NotApplicable, e => e.Policy.Id == AllowedRegions.Id);
    }

    [Fact]
    public void Pack_OnACompliantTaggedBucketInFrankfurt_ShouldHaveNoAcmeFinding()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", """{"bucket": "orders", "region": "eu-central-1", "tags": {"owner": "team-orders", "data-classification": "internal"}}""", "orders");

        var result = PolicyRun.Pack(AcmePack.Definition, [bucket]);

        Assert.DoesNotContain(result.Findings, f => f.Policy.Id is RequiredTags.Id or AllowedRegions.Id);
    }

    [Fact]
    public void Pack_ConfiguredAllowedRegions_ShouldReachThePolicy()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", """{"region": "us-east-2", "tags": {"owner": "team-orders", "data-classification": "internal"}}""", "orders");

        var result = PolicyRun.Pack(AcmePack.Definition, [bucket], """{"allowed-regions": {"allowedRegions": ["us-east-2"]}}""");

        Assert.DoesNotContain(result.Findings, f => f.Policy.Id == AllowedRegions.Id);
    }
}
