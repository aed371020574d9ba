// The tests of docs/writing-policies.md: `// guide:Name` regions are printed verbatim in the guide (GuideSnippetTests).
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Testing;

namespace PolicyPack.Sdk.Tests.Guide;

// guide:RequiredOwnerTagTests
public class RequiredOwnerTagTests
{
    private const string Bucket = "aws:s3/bucket:Bucket";

    [Fact]
    public void Evaluate_WhenTheOwnerTagIsSet_ShouldPass()
    {
        var bucket = TestResource.Of(Bucket, """{ "bucket": "logs", "tags": { "owner": "team-a" } }""");

        PolicyRun.Resource(new RequiredOwnerTag(), bucket).ShouldPass();
    }

    [Fact]
    public void Evaluate_WhenTheOwnerTagIsMissing_ShouldFail()
    {
        var bucket = TestResource.Of(Bucket, """{ "bucket": "logs", "tags": { "env": "prod" } }""");

        PolicyRun.Resource(new RequiredOwnerTag(), bucket).ShouldFail("tag `owner` is missing");
    }

    [Fact]
    public void Evaluate_WhenConfiguredToRequireMoreTags_ShouldFailOnEachMissingOne()
    {
        var bucket = TestResource.Of(Bucket, """{ "tags": { "owner": "team-a" } }""");
        const string config = """{ "required-owner-tag": { "requiredTags": ["owner", "data-classification"] } }""";

        PolicyRun.Resource(new RequiredOwnerTag(), bucket, config).ShouldFail("data-classification");
    }

    [Fact]
    public void Evaluate_WhenTheTagsAreUnknownDuringPreview_ShouldBeNotApplicable()
    {
        var bucket = TestResource.Of(Bucket, $$"""{ "tags": {{Wire.UnknownObject}} }""");

        PolicyRun.Resource(new RequiredOwnerTag(), bucket).ShouldBeNotApplicable("tags");
    }

    [Fact]
    public void Evaluate_WhenATagIsSecret_ShouldNeverPrintIt()
    {
        var bucket = TestResource.Of(Bucket, $$"""{ "tags": { "cost-centre": {{Wire.SecretString("cc-4711")}} } }""");

        var verdict = PolicyRun.Resource(new RequiredOwnerTag(), bucket).ShouldFail("owner");

        Assert.DoesNotContain("cc-4711", string.Join(" ", verdict.Messages), StringComparison.Ordinal);
    }
}
// end guide

public class GuideTests
{
    [Fact]
    public void Remediate_WhenADefaultOwnerIsConfigured_ShouldAddTheOwnerTag()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", """{ "tags": { "env": "prod" } }""");
        var context = new ResourceContext(bucket, new PolicyParameters(new Dictionary<string, System.Text.Json.JsonElement>
        {
            ["defaultOwner"] = System.Text.Json.JsonDocument.Parse("\"platform\"").RootElement,
        }));

        var fixedProperties = new RequiredOwnerTag().Remediate(context);

        Assert.NotNull(fixedProperties);
        Assert.Equal("platform", fixedProperties["tags"]["owner"]?.StringValue);
        Assert.Equal("prod", fixedProperties["tags"]["env"]?.StringValue);
    }

    [Fact]
    public void Configuration_WhenAParameterBreaksTheSchema_ShouldBeRejectedBeforeAnyRun()
    {
        var bucket = TestResource.Of("aws:s3/bucket:Bucket", "{}");

        Assert.Throws<PolicyConfigException>(() => PolicyRun.Resource(new RequiredOwnerTag(), bucket, """{ "required-owner-tag": { "requiredTags": "owner" } }"""));
    }

    [Fact]
    public void Evaluate_WhenTheVolumeIsNotEncrypted_ShouldFailWithTheRowsFix()
    {
        var volume = TestResource.Of("aws:ebs/volume:Volume", """{ "availabilityZone": "eu-west-1a", "size": 8 }""");

        PolicyRun.Resource(new VolumeEncrypted(), volume).ShouldFail("Set `encrypted: true`");
    }

    [Fact]
    public void Evaluate_WhenTheVolumeIsEncrypted_ShouldPass()
    {
        var volume = TestResource.Of("aws:ebs/volume:Volume", """{ "availabilityZone": "eu-west-1a", "size": 8, "encrypted": true }""");

        PolicyRun.Resource(new VolumeEncrypted(), volume).ShouldPass();
    }

    // guide:StackHasTrailTests
    [Fact]
    public void Evaluate_WhenAnAwsStackHasNoTrail_ShouldReportTheStack()
    {
        var stack = new[]
        {
            TestResource.Of("pulumi:pulumi:Stack", "{}", name: "project-test"),
            TestResource.Of("aws:s3/bucket:Bucket", """{ "tags": { "owner": "team-a" } }""", name: "logs"),
        };

        var verdicts = PolicyRun.Stack(new StackHasTrail(), stack);

        Assert.Contains(verdicts, v => v.Outcome == Outcome.Fail);
    }
    // end guide

    // guide:MyPackTests
    [Fact]
    public void Pack_WhenAVolumeIsUnencryptedAndUntagged_ShouldBlockWithBothFindings()
    {
        var resources = new[]
        {
            TestResource.Of("aws:ebs/volume:Volume", """{ "availabilityZone": "eu-west-1a", "size": 8 }""", name: "data"),
        };

        var result = PolicyRun.Pack(MyPack.Definition, resources);

        result.ShouldHaveFinding("volume-encrypted", "data");
        result.ShouldHaveFinding("required-owner-tag", "data");
    }

    [Fact]
    public void Pack_WhenTheOwnerTagIsAdvisory_ShouldNotBlockOnIt()
    {
        var resources = new[]
        {
            TestResource.Of("aws:ebs/volume:Volume", """{ "size": 8, "encrypted": true }""", name: "data"),
        };
        const string config = """{ "required-owner-tag": { "enforcementLevel": "advisory" } }""";

        PolicyRun.Pack(MyPack.Definition, resources, config).ShouldNotBlock();
    }
    // end guide
}
