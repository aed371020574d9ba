using Acme.PolicyPack;
using PolicyPack.Sdk.Testing;

namespace Acme.PolicyPack.Tests;

public sealed class AllowedRegionsTests
{
    private static readonly AllowedRegions Policy = new();

    [Fact]
    public void AllowedRegions_WhenAwsBucketIsInFrankfurt_ShouldPass() =>
        PolicyRun.Resource(Policy, TestResource.Of("aws:s3/bucket:Bucket", """{"bucket": "orders", "region": "eu-central-1"}""")).ShouldPass();

    [Fact]
    public void AllowedRegions_WhenAwsBucketIsInVirginia_ShouldFailNamingTheRegion() =>
        PolicyRun.Resource(Policy, TestResource.Of("aws:s3/bucket:Bucket", """{"bucket": "orders", "region": "us-east-1"}""")).ShouldFail("region is us-east-1");

    [Fact]
    public void AllowedRegions_WhenAwsRegionIsAbsent_ShouldBeNotApplicableBecauseTheProviderDecides() =>
        PolicyRun.Resource(Policy, TestResource.Of("aws:ec2/vpc:Vpc", """{"cidrBlock": "10.0.0.0/16"}""")).ShouldBeNotApplicable("provider's configured region");

    [Fact]
    public void AllowedRegions_WhenAwsRegionIsUnknownDuringPreview_ShouldBeNotApplicable() =>
        PolicyRun.Resource(Policy, TestResource.Of("aws:ec2/vpc:Vpc", $$"""{"region": {{Wire.UnknownString}}}""")).ShouldBeNotApplicable("region");

    [Fact]
    public void AllowedRegions_WhenAzureNativeAccountIsInWestEurope_ShouldPass() =>
        PolicyRun.Resource(Policy, TestResource.Of("azure-native:storage:StorageAccount", """{"accountName": "ordersdata", "location": "westeurope"}""")).ShouldPass();

    [Fact]
    public void AllowedRegions_WhenAzureNativeAccountIsInEastUs_ShouldFail() =>
        PolicyRun.Resource(Policy, TestResource.Of("azure-native:storage:StorageAccount", """{"accountName": "ordersdata", "location": "eastus"}""")).ShouldFail("location is eastus");

    [Fact]
    public void AllowedRegions_WhenAzureNativeLocationIsAbsent_ShouldBeNotApplicable() =>
        PolicyRun.Resource(Policy, TestResource.Of("azure-native:storage:StorageAccount", """{"accountName": "ordersdata"}""")).ShouldBeNotApplicable("location absent");

    [Fact]
    public void AllowedRegions_WhenAzureClassicLocationIsADisplayName_ShouldMatchItsCanonicalName() =>
        PolicyRun.Resource(Policy, TestResource.Of("azure:storage/account:Account", """{"name": "ordersdata", "location": "North Europe"}""")).ShouldPass();

    [Fact]
    public void AllowedRegions_WhenAzureClassicAccountIsInAustralia_ShouldFail() =>
        PolicyRun.Resource(Policy, TestResource.Of("azure:storage/account:Account", """{"name": "ordersdata", "location": "Australia East"}""")).ShouldFail("location is Australia East");

    [Fact]
    public void AllowedRegions_WhenAzureLocationIsGlobal_ShouldPassUnlessConfiguredOtherwise()
    {
        var zone = TestResource.Of("azure-native:frontdoor:FrontDoor", """{"location": "global"}""");

        PolicyRun.Resource(Policy, zone).ShouldPass();
        PolicyRun.Resource(Policy, zone, """{"allowed-regions": {"allowGlobal": false}}""").ShouldFail("location is global");
    }

    [Fact]
    public void AllowedRegions_WhenConfiguredWithOtherRegions_ShouldUseThem() =>
        PolicyRun.Resource(Policy, TestResource.Of("aws:s3/bucket:Bucket", """{"region": "eu-central-1"}"""), """{"allowed-regions": {"allowedRegions": ["us-east-2"]}}""")
            .ShouldFail("not one of the allowed regions us-east-2");

    [Fact]
    public void AllowedRegions_WhenRegionIsSecret_ShouldFailWithoutPrintingIt()
    {
        var evaluation = PolicyRun.Resource(Policy, TestResource.Of("aws:s3/bucket:Bucket", $$"""{"region": {{Wire.SecretString("ap-s3cr3t-1")}}}""")).ShouldFail("[secret]");

        Assert.DoesNotContain("s3cr3t", string.Join(" ", evaluation.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aws:iam/role:Role")] // IAM is global: no region input
    [InlineData("aws:cloudfront/distribution:Distribution")]
    public void AllowedRegions_Covers_NotGlobalAwsServices(string type) => Assert.False(Policy.Covers(type));
}
