using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Testing;

namespace PolicyPack.Sdk.Tests.Testing;

public class WireTests
{
    [Fact]
    public void Secret_WhenEmbeddedInInputs_ShouldDecodeAsASecretThatNeverShowsItsValue()
    {
        var resource = TestResource.Of("aws:rds/instance:Instance", $$"""{"password":{{Wire.SecretString("hunter2-canary")}}}""");

        var password = resource.Properties["password"];

        Assert.True(password.IsSecret);
        Assert.DoesNotContain("hunter2-canary", password.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownString_WhenEmbeddedInInputs_ShouldDecodeAsUnknown()
    {
        var resource = TestResource.Of("aws:s3/bucketV2:BucketV2", $$"""{"bucket":{{Wire.UnknownString}}}""");

        Assert.True(resource.Properties["bucket"].IsUnknown);
    }

    [Fact]
    public void Of_WhenTheInputsAreNotAnObject_ShouldThrowNamingTheResource()
    {
        var error = Assert.Throws<ArgumentException>(() => TestResource.Of("aws:s3/bucketV2:BucketV2", "[1]", name: "logs"));

        Assert.Contains("logs", error.Message, StringComparison.Ordinal);
    }
}
