using MyPolicyPack.Policies;
using PolicyPack.Sdk.Testing;

namespace MyPolicyPack.Tests;

public class RequiredTagsTests
{
    private readonly RequiredTags policy = new();

    [Fact]
    public void Bucket_WhenItCarriesTheOwnerTag_ShouldPass()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", """{"bucket":"logs","tags":{"owner":"team-payments"}}""", name: "logs");

        PolicyRun.Resource(policy, bucket).ShouldPass();
    }

    [Fact]
    public void Bucket_WhenItHasNoTags_ShouldFail()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", """{"bucket":"logs"}""", name: "logs");

        PolicyRun.Resource(policy, bucket).ShouldFail("tag \"owner\" is missing");
    }

    [Fact]
    public void StorageAccount_WhenConfiguredTagIsMissing_ShouldFail()
    {
        var account = TestResource.Of(
            "azure-native:storage:StorageAccount",
            """{"resourceGroupName":"rg-data","kind":"StorageV2","sku":{"name":"Standard_LRS"},"tags":{"owner":"team-data"}}""",
            name: "data");

        PolicyRun.Resource(policy, account, configJson: """{"required-tags":{"tags":["owner","cost-center"]}}""")
            .ShouldFail("tag \"cost-center\" is missing");
    }

    [Fact]
    public void Bucket_WhenTagsAreUnknownDuringPreview_ShouldBeNotApplicable()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", $$"""{"bucket":"logs","tags":{{Wire.UnknownObject}}}""", name: "logs");

        PolicyRun.Resource(policy, bucket).ShouldBeNotApplicable("tags");
    }

    [Fact]
    public void Pack_WhenOneResourceLacksTheTag_ShouldHaveOneFinding()
    {
        var resources = new[]
        {
            TestResource.Of("aws:ec2/vpc:Vpc", """{"cidrBlock":"10.0.0.0/16","tags":{"owner":"team-network"}}""", name: "main"),
            TestResource.Of("aws:s3/bucket:Bucket", """{"bucket":"logs"}""", name: "logs"),
        };

        var result = PolicyRun.Pack(MyPack.Definition, resources);

        result.ShouldHaveFinding(RequiredTags.Rule.Id, "logs");
        Assert.Single(result.Findings);
    }
}
