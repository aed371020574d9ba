using Acme.PolicyPack;
using PolicyPack.Sdk.Testing;

namespace Acme.PolicyPack.Tests;

public sealed class RequiredTagsTests
{
    private static readonly RequiredTags Policy = new();

    // One taggable resource per provider family, in the shapes the pinned SDKs declare.
    private const string AwsBucket = "aws:s3/bucket:Bucket";
    private const string NativeAccount = "azure-native:storage:StorageAccount";
    private const string ClassicAccount = "azure:storage/account:Account";

    [Fact]
    public void RequiredTags_WhenAwsBucketHasOwnerAndClassification_ShouldPass() =>
        PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, """{"bucket": "orders", "tags": {"owner": "team-orders", "data-classification": "confidential"}}""")).ShouldPass();

    [Fact]
    public void RequiredTags_WhenAwsBucketHasNoTags_ShouldFailNamingBothTags() =>
        PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, """{"bucket": "orders"}""")).ShouldFail("tags lacks owner, data-classification");

    [Fact]
    public void RequiredTags_WhenAwsTagNameDiffersInCase_ShouldFail() =>
        PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, """{"tags": {"Owner": "team-orders", "data-classification": "internal"}}""")).ShouldFail("tags lacks owner");

    [Fact]
    public void RequiredTags_WhenAwsOwnerIsBlank_ShouldFail() =>
        PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, """{"tags": {"owner": "  ", "data-classification": "internal"}}""")).ShouldFail("tags lacks owner");

    [Fact]
    public void RequiredTags_WhenAzureNativeAccountIsTagged_ShouldPass() =>
        PolicyRun.Resource(Policy, TestResource.Of(NativeAccount, """{"accountName": "ordersdata", "location": "westeurope", "tags": {"Owner": "team-orders", "Data-Classification": "restricted"}}""")).ShouldPass();

    [Fact]
    public void RequiredTags_WhenAzureNativeClassificationIsUnknownValue_ShouldFailNamingIt() =>
        PolicyRun.Resource(Policy, TestResource.Of(NativeAccount, """{"tags": {"owner": "team-orders", "data-classification": "secret-ish"}}""")).ShouldFail("tags.data-classification is secret-ish, not one of public, internal, confidential, restricted");

    [Fact]
    public void RequiredTags_WhenAzureClassicAccountIsTagged_ShouldPass() =>
        PolicyRun.Resource(Policy, TestResource.Of(ClassicAccount, """{"name": "ordersdata", "location": "West Europe", "accountTier": "Standard", "tags": {"owner": "team-orders", "data-classification": "public"}}""")).ShouldPass();

    [Fact]
    public void RequiredTags_WhenAzureClassicAccountLacksOwner_ShouldFail() =>
        PolicyRun.Resource(Policy, TestResource.Of(ClassicAccount, """{"name": "ordersdata", "tags": {"data-classification": "public"}}""")).ShouldFail("tags lacks owner");

    [Fact]
    public void RequiredTags_WhenTagsAreUnknownDuringPreview_ShouldBeNotApplicable() =>
        PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, $$"""{"tags": {{Wire.UnknownObject}}}""")).ShouldBeNotApplicable("tags");

    [Fact]
    public void RequiredTags_WhenOnlyTheClassificationIsUnknown_ShouldStillReportTheMissingOwner()
    {
        var resource = TestResource.Of(AwsBucket, $$"""{"tags": {"data-classification": {{Wire.UnknownString}} } }""");

        var evaluation = PolicyRun.Resource(Policy, resource).ShouldFail("tags lacks owner");

        Assert.Contains("tags.data-classification", evaluation.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredTags_WhenClassificationIsAnUnlistedSecret_ShouldFailWithoutPrintingIt()
    {
        var resource = TestResource.Of(AwsBucket, $$"""{"tags": {"owner": "team-orders", "data-classification": {{Wire.SecretString("top-s3cr3t")}} } }""");

        var evaluation = PolicyRun.Resource(Policy, resource).ShouldFail("[secret]");

        Assert.DoesNotContain("s3cr3t", string.Join(" ", evaluation.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void RequiredTags_WhenConfiguredWithOwnTagsAndClassifications_ShouldUseThem()
    {
        const string config = """{"required-tags": {"requiredTags": ["owner", "cost-centre"], "classifications": ["green", "red"]}}""";
        var resource = TestResource.Of(AwsBucket, """{"tags": {"owner": "team-orders", "data-classification": "internal"}}""");

        PolicyRun.Resource(Policy, resource, config).ShouldFail("tags lacks cost-centre").ShouldFail("not one of green, red");
    }

    [Fact]
    public void RequiredTags_WhenClassificationsRepeatAValue_ShouldRejectTheConfiguration() =>
        Assert.ThrowsAny<Exception>(() => PolicyRun.Resource(Policy, TestResource.Of(AwsBucket, "{}"), """{"required-tags": {"classifications": ["public", "public"]}}"""));

    [Theory]
    [InlineData("aws:s3/bucket:Bucket")]
    [InlineData("aws:kms/key:Key")]
    [InlineData("aws:iam/role:Role")]
    [InlineData("azure-native:storage:StorageAccount")]
    [InlineData("azure-native:resources:ResourceGroup")]
    [InlineData("azure:storage/account:Account")]
    public void RequiredTags_Covers_TaggableTypesOfEachFamily(string type) => Assert.True(Policy.Covers(type));

    [Theory]
    [InlineData("aws:s3/bucketPolicy:BucketPolicy")] // no tags input
    [InlineData("aws:autoscaling/group:Group")] // tags are a list of blocks, not a map
    [InlineData("azure-native:storage:BlobContainer")]
    public void RequiredTags_Covers_NotTypesWithoutATagMap(string type) => Assert.False(Policy.Covers(type));

    [Fact]
    public void RequiredTags_Covers_ApiVersionedAzureNativeTokens() => Assert.True(Policy.Covers("azure-native:storage/v20230101:StorageAccount"));
}
