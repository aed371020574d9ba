using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class InstanceBlockDevicesEncryptedTests
{
    private const string Instance = "aws:ec2/instance:Instance";
    private const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    private readonly InstanceBlockDevicesEncrypted policy = new();

    [Fact]
    public void AwsInstance_WhenRootAndDataVolumesEncrypted_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Instance, """
            {"ami":"ami-0a1b2c3d4e5f67890","instanceType":"t3.medium",
             "rootBlockDevice":{"encrypted":true,"volumeSize":30,"volumeType":"gp3"},
             "ebsBlockDevices":[{"deviceName":"/dev/sdf","encrypted":true,"volumeSize":100},{"deviceName":"/dev/sdg","encrypted":true,"kmsKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsInstance_WhenOneDataVolumeUnencrypted_ShouldFailNamingIndexAndDevice()
    {
        var result = Fixtures.Evaluate(policy, Instance, """
            {"ami":"ami-0a1b2c3d4e5f67890","instanceType":"t3.medium","rootBlockDevice":{"encrypted":true},
             "ebsBlockDevices":[{"deviceName":"/dev/sdf","encrypted":true},{"deviceName":"/dev/sdg","encrypted":false}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Equal("ebsBlockDevices[1] (/dev/sdg).encrypted is false: the volume is created unencrypted.", Assert.Single(result.Messages));
    }

    [Fact]
    public void AwsInstance_WhenRootBlockDeviceAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0a1b2c3d4e5f67890","instanceType":"t3.medium"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("rootBlockDevice is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsInstance_WhenRootEncryptedFlagAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0a1b2c3d4e5f67890","rootBlockDevice":{"volumeSize":30}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("rootBlockDevice.encrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsInstance_WhenLaunchedFromTemplateWithoutRootBlockDevice_ShouldLeaveTheRootToTheTemplate()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"launchTemplate":{"id":"lt-0a1b2c3d4e5f67890","version":"$Latest"},"subnetId":"subnet-0a1b2c3d"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsInstance_WhenOneFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Instance, """
            {"ami":"ami-0a1b2c3d4e5f67890","rootBlockDevice":{"encrypted":true},
             "ebsBlockDevices":[{"deviceName":"/dev/sdf","encrypted":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ebsBlockDevices[0].encrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsInstance_WhenOneFlagUnknownAndAnotherFalse_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, Instance, """
            {"ami":"ami-0a1b2c3d4e5f67890","rootBlockDevice":{"encrypted":true},
             "ebsBlockDevices":[{"deviceName":"/dev/sdf","encrypted":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"},{"deviceName":"/dev/sdg","encrypted":false}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ebsBlockDevices[1] (/dev/sdg)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsInstance_WhenRootDeviceUnknownAndDataVolumeUnencrypted_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, Instance, """
            {"ami":"ami-0a1b2c3d4e5f67890","rootBlockDevice":"04da6b54-80e4-46f7-96ec-b56ff0331ba9",
             "ebsBlockDevices":[{"deviceName":"/dev/sdf","volumeSize":100}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("ebsBlockDevices[0] (/dev/sdf).encrypted is absent, which means false: the volume is created unencrypted.", Assert.Single(result.Messages));
        Assert.Contains("rootBlockDevice", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenEveryEbsMappingEncrypted_ShouldPassAndSkipInstanceStore()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """
            {"imageId":"ami-0a1b2c3d4e5f67890","blockDeviceMappings":[
              {"deviceName":"/dev/xvda","ebs":{"encrypted":"true","volumeSize":30,"volumeType":"gp3","kmsKeyId":"arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"}},
              {"deviceName":"/dev/sdb","virtualName":"ephemeral0"}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenEncryptedIsTheStringFalse_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"false","volumeSize":30}}]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal("blockDeviceMappings[0].ebs (/dev/xvda).encrypted is \"false\": the volume is created unencrypted.", Assert.Single(result.Messages));
    }

    [Fact]
    public void AwsLaunchTemplate_WhenEncryptedIsEmptyString_ShouldFailAsAbsent()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"","volumeSize":30}}]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("encrypted is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenNoBlockDeviceMappings_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"imageId":"ami-0a1b2c3d4e5f67890","instanceType":"t3.medium"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("blockDeviceMappings is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenEncryptedUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}]}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("blockDeviceMappings[0].ebs.encrypted", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenEncryptedIsNotABooleanString_ShouldFailClosed()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"blockDeviceMappings":[{"deviceName":"/dev/xvda","ebs":{"encrypted":"yes"}}]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("blockDeviceMappings[0].ebs.encrypted", Assert.Single(result.Messages), StringComparison.Ordinal);
    }
}
