// The composition sample of docs/writing-policies.md (GuideSnippetTests in PolicyPack.Sdk.Tests compares the region).
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Testing;
using PolicyPack.Sdk.Tests.Guide;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Guide;

public class ComposedPackTests
{
    // guide:ComposedPack
    public static PackDefinition ComposedPack { get; } = PolicyCatalog.Pack with
    {
        Name = "my-company-pack",
        Policies = [.. PolicyCatalog.All, new RequiredOwnerTag(), new VolumeEncrypted()],
    };
    // end guide

    [Fact]
    public void ComposedPack_WhenAnUntaggedUnencryptedVolumeIsChecked_ShouldFindItByBothPacksPolicies()
    {
        var volume = TestResource.Of("aws:ebs/volume:Volume", """{ "availabilityZone": "eu-west-1a", "size": 8 }""", name: "data");

        var result = PolicyRun.Pack(ComposedPack, [volume]);

        result.ShouldHaveFinding("required-owner-tag", "data");
        result.ShouldHaveFinding("volume-encrypted", "data");
        Assert.Contains(result.Findings, f => !f.Policy.Id.StartsWith("volume-", StringComparison.Ordinal) && f.Policy.Id != "required-owner-tag");
    }
}
