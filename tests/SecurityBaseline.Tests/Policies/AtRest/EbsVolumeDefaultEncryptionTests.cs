using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class EbsVolumeDefaultEncryptionTests
{
    private const string Volume = "aws:ebs/volume:Volume";
    private const string DefaultEncryption = "aws:ebs/encryptionByDefault:EncryptionByDefault";
    private readonly EbsVolumeDefaultEncryption policy = new();

    private IReadOnlyList<Evaluation> Run(params (string Type, string Inputs, string Name)[] resources) =>
        Fixtures.EvaluateStack(policy, resources.Select(r => Fixtures.Resource(r.Type, r.Inputs, r.Name)));

    [Fact]
    public void AwsVolume_WhenFlagAbsentAndStackTurnsDefaultEncryptionOn_ShouldPass()
    {
        var results = Run((Volume, """{"availabilityZone":"eu-central-1a","size":100,"type":"gp3"}""", "scratch"), (DefaultEncryption, """{"enabled":true}""", "account-default"));
        Assert.Equal(Outcome.Pass, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AwsVolume_WhenFlagAbsentAndDefaultEncryptionEnabledIsAbsent_ShouldPassAsTrueIsTheDefault()
    {
        var results = Run((Volume, """{"availabilityZone":"eu-central-1a","size":100}""", "scratch"), (DefaultEncryption, "{}", "account-default"));
        Assert.Equal(Outcome.Pass, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AwsVolume_WhenFlagAbsentAndNoDefaultEncryptionInTheStack_ShouldFail()
    {
        var result = Assert.Single(Run((Volume, """{"availabilityZone":"eu-central-1a","size":100}""", "scratch")));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("no aws:ebs/encryptionByDefault", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenDefaultEncryptionIsTurnedOff_ShouldFail()
    {
        var results = Run((Volume, """{"availabilityZone":"eu-central-1a","size":100}""", "scratch"), (DefaultEncryption, """{"enabled":false}""", "account-default"));
        Assert.Contains("enabled: false", Assert.Single(Assert.Single(results, r => r.Outcome == Outcome.Fail).Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsVolume_WhenDefaultEncryptionCoversAnotherRegion_ShouldFail()
    {
        var results = Run((Volume, """{"availabilityZone":"us-east-1a","size":100,"region":"us-east-1"}""", "scratch"), (DefaultEncryption, """{"enabled":true,"region":"eu-central-1"}""", "eu-default"));
        Assert.Equal(Outcome.Fail, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AwsVolume_WhenFlagIsSet_ShouldPassHereAsEbsVolumeEncryptedJudgesIt()
    {
        var results = Run((Volume, """{"availabilityZone":"eu-central-1a","size":100,"encrypted":false}""", "scratch"));
        Assert.Equal(Outcome.Pass, Assert.Single(results).Outcome);
    }

    [Fact]
    public void AwsVolume_WhenDefaultEncryptionFlagUnknown_ShouldBeNotApplicable()
    {
        var results = Run((Volume, """{"availabilityZone":"eu-central-1a","size":100}""", "scratch"), (DefaultEncryption, """{"enabled":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""", "account-default"));
        Assert.Equal(Outcome.NotApplicable, Assert.Single(results).Outcome);
    }
}
