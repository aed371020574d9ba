using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

public class ComputeNoPublicIpTests
{
    private const string Instance = "aws:ec2/instance:Instance";
    private const string LaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    private const string NativeNic = "azure-native:network:NetworkInterface";
    private const string ClassicNic = "azure:network/networkInterface:NetworkInterface";
    private const string PublicIpId = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.Network/publicIPAddresses/pip-web";
    private const string SubnetId = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/snet-app";
    private readonly ComputeNoPublicIp policy = new();

    [Fact]
    public void AwsInstance_WhenPublicIpRequested_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","subnetId":"subnet-0a1b2c3d","associatePublicIpAddress":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("associatePublicIpAddress is true", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsInstance_WhenPublicIpOff_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","subnetId":"subnet-0a1b2c3d","associatePublicIpAddress":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsInstance_WhenFlagAbsent_ShouldPassBecauseTheSubnetDecides()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","subnetId":"subnet-0a1b2c3d"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsInstance_WhenFlagUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, Instance, """{"ami":"ami-0c55b159cbfafe1f0","associatePublicIpAddress":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("associatePublicIpAddress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSpotInstanceRequest_WhenPublicIpRequested_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/spotInstanceRequest:SpotInstanceRequest", """{"ami":"ami-0c55b159cbfafe1f0","spotPrice":"0.03","associatePublicIpAddress":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenInterfaceFlagIsStringTrue_ShouldFailNamingTheInterface()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """
            {"imageId":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","networkInterfaces":[
              {"deviceIndex":0,"associatePublicIpAddress":"false","subnetId":"subnet-0a1b2c3d"},
              {"deviceIndex":1,"associatePublicIpAddress":"true","subnetId":"subnet-0e1f2a3b"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("networkInterfaces[1].associatePublicIpAddress is \"true\"", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"false\"")]
    [InlineData("\"\"")]
    public void AwsLaunchTemplate_WhenInterfaceFlagIsFalseOrEmpty_ShouldPass(string flag)
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, $$$"""{"imageId":"ami-0c55b159cbfafe1f0","networkInterfaces":[{"deviceIndex":0,"associatePublicIpAddress":{{{flag}}}}]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenNoInterfaces_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"imageId":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","vpcSecurityGroupIds":["sg-0123456789abcdef0"]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenOneInterfaceUnknown_ShouldStillReportTheOther()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """
            {"networkInterfaces":[
              {"deviceIndex":0,"associatePublicIpAddress":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"},
              {"deviceIndex":1,"associatePublicIpAddress":"true"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkInterfaces[1]", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("networkInterfaces[0].associatePublicIpAddress", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLaunchTemplate_WhenFlagIsNotABoolean_ShouldFailClosed()
    {
        var result = Fixtures.Evaluate(policy, LaunchTemplate, """{"networkInterfaces":[{"deviceIndex":0,"associatePublicIpAddress":"maybe"}]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkInterfaces[0].associatePublicIpAddress", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsEip_WhenAttachedToInstance_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eip:Eip", """{"domain":"vpc","instance":"i-0abcd1234efgh5678"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("instance is \"i-0abcd1234efgh5678\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsEip_WhenForNatGateway_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eip:Eip", """{"domain":"vpc","tags":{"Name":"nat-a"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsEipAssociation_WhenInstanceIdSet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eipAssociation:EipAssociation", """{"allocationId":"eipalloc-0ab12cd34ef56","instanceId":"i-0abcd1234efgh5678"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AzureNativeNic_WhenIpConfigurationHasPublicIp_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeNic, $$$"""
            {"resourceGroupName":"rg-app","location":"japaneast","ipConfigurations":[
              {"name":"ipconfig1","privateIPAllocationMethod":"Dynamic","subnet":{"id":"{{{SubnetId}}}"},"publicIPAddress":{"id":"{{{PublicIpId}}}"}}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("ipConfigurations[0].publicIPAddress", message, StringComparison.Ordinal);
        Assert.Contains("pip-web", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeNic_WhenPrivateOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeNic, $$$"""
            {"resourceGroupName":"rg-app","ipConfigurations":[{"name":"ipconfig1","privateIPAllocationMethod":"Dynamic","subnet":{"id":"{{{SubnetId}}}"}}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeNic_WhenPublicIpIdUnknown_ShouldStillFailBecauseAPublicIpIsAttached()
    {
        var result = Fixtures.Evaluate(policy, NativeNic, """
            {"resourceGroupName":"rg-app","ipConfigurations":[{"name":"ipconfig1","publicIPAddress":{"id":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void AzureNativeNic_WhenIpConfigurationsUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeNic, """{"resourceGroupName":"rg-app","ipConfigurations":"6a19a0b0-7e62-4c92-b797-7f8e31da9cc2"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ipConfigurations", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNic_WhenPublicIpAddressIdSet_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicNic, $$$"""
            {"resourceGroupName":"rg-app","location":"japaneast","ipConfigurations":[
              {"name":"internal","subnetId":"{{{SubnetId}}}","privateIpAddressAllocation":"Dynamic","publicIpAddressId":"{{{PublicIpId}}}"}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("ipConfigurations[0].publicIpAddressId", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNic_WhenNoPublicIpAddressId_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicNic, $$$"""
            {"resourceGroupName":"rg-app","ipConfigurations":[{"name":"internal","subnetId":"{{{SubnetId}}}","privateIpAddressAllocation":"Dynamic"}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNic_WhenPublicIpAddressIdUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicNic, """
            {"resourceGroupName":"rg-app","ipConfigurations":[{"name":"internal","privateIpAddressAllocation":"Dynamic","publicIpAddressId":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}]}
            """);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("ipConfigurations[0].publicIpAddressId", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsEip_WhenAttachedToANetworkInterface_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eip:Eip", """{"domain":"vpc","networkInterface":"eni-0a1b2c3d4e5f60718","associateWithPrivateIp":"10.40.10.25"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("networkInterface is \"eni-0a1b2c3d4e5f60718\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsEip_WhenOnlyAllocatedForANatGateway_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eip:Eip", """{"domain":"vpc","tags":{"Name":"nat-a"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsEipAssociation_WhenItTargetsANetworkInterface_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "aws:ec2/eipAssociation:EipAssociation", """{"allocationId":"eipalloc-0a1b2c3d","networkInterfaceId":"eni-0a1b2c3d4e5f60718"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }
}
