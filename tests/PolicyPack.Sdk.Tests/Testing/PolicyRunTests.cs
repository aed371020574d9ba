using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Testing;

namespace PolicyPack.Sdk.Tests.Testing;

public class PolicyRunTests
{
    private const string Canary = "hunter2-canary";

    internal static PulumiResource Database(string name, string storageEncrypted) =>
        TestResource.Of(EncryptedDatabaseStorage.Type, $$"""{"storageEncrypted":{{storageEncrypted}},"password":{{Wire.SecretString(Canary)}}}""", name);

    internal static PackDefinition Pack => PackDefinition.Of([new EncryptedDatabaseStorage(), new SingleDatabase()], "test-pack");

    [Fact]
    public void Resource_WhenTheResourceComplies_ShouldPass()
    {
        PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", "true")).ShouldPass();
    }

    [Fact]
    public void Resource_WhenTheResourceViolates_ShouldFailWithTheSecretRedacted()
    {
        var evaluation = PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", "false")).ShouldFail("not encrypted");

        Assert.Contains("[secret]", Assert.Single(evaluation.Messages), StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, evaluation.Messages[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Resource_WhenTheValueIsUnknown_ShouldBeNotApplicable()
    {
        PolicyRun.Resource(new EncryptedDatabaseStorage(), Database("orders", Wire.UnknownBool)).ShouldBeNotApplicable("not known");
    }

    [Fact]
    public void Resource_WhenThePolicyDoesNotCoverTheType_ShouldThrowNamingPolicyAndResource()
    {
        var bucket = TestResource.Of("aws:s3/bucketV2:BucketV2", "{}", "logs");

        var error = Assert.Throws<PolicyAssertionException>(() => PolicyRun.Resource(new EncryptedDatabaseStorage(), bucket));

        Assert.Contains("test-encrypted-database-storage", error.Message, StringComparison.Ordinal);
        Assert.Contains("logs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stack_WhenTwoDatabasesShareTheStack_ShouldFailTheSecond()
    {
        var evaluations = PolicyRun.Stack(new SingleDatabase(), [Database("orders", "true"), Database("billing", "true")]);

        var failed = Assert.Single(evaluations, e => e.Outcome == Outcome.Fail);
        Assert.Contains("billing", Assert.Single(failed.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_WhenOnlyTheAdvisoryPolicyFinds_ShouldNotBlockButHaveAFinding()
    {
        var result = PolicyRun.Pack(Pack, [Database("orders", "true"), Database("billing", "true")]);

        result.ShouldNotBlock();
        result.ShouldHaveFinding("test-single-database", "billing");
        Assert.Throws<PolicyAssertionException>(() => result.ShouldHaveNoFinding());
    }

    [Fact]
    public void Pack_WhenConfigTurnsTheMandatoryPolicyAdvisory_ShouldNotBlock()
    {
        var result = PolicyRun.Pack(Pack, [Database("orders", "false")], """{"test-encrypted-database-storage":"advisory"}""");

        result.ShouldNotBlock().ShouldHaveFinding("test-encrypted-database-storage", "orders");
    }
}
