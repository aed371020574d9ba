using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicEndpoints;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Public addresses in every form: scale sets, inline VM network profiles, ECS tasks, and the IPv6 decision.</summary>
public class ComputeNoPublicIpEverywhereTests
{
    private const string SubnetId = "/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.Network/virtualNetworks/vnet-app/subnets/snet-app";
    private readonly ComputeNoPublicIp policy = new();

    private static string IpConfiguration(string extra) => "{\"name\":\"ipconfig1\",\"subnet\":{\"id\":\"" + SubnetId + "\"}" + extra + "}";

    private static string NativeScaleSet(string extra) =>
        "{\"resourceGroupName\":\"rg-app\",\"sku\":{\"name\":\"Standard_D2s_v5\",\"capacity\":2},\"upgradePolicy\":{\"mode\":\"Manual\"},\"virtualMachineProfile\":{\"networkProfile\":{\"networkInterfaceConfigurations\":[{\"name\":\"nic\",\"primary\":true,\"ipConfigurations\":[" + IpConfiguration(extra) + "]}]}}}";

    private static string NativeVm(string extra) =>
        "{\"resourceGroupName\":\"rg-app\",\"hardwareProfile\":{\"vmSize\":\"Standard_D2s_v5\"},\"networkProfile\":{\"networkApiVersion\":\"2020-11-01\",\"networkInterfaceConfigurations\":[{\"name\":\"nic\",\"primary\":true,\"ipConfigurations\":[" + IpConfiguration(extra) + "]}]}}";

    private static string ClassicScaleSet(string extra) =>
        "{\"resourceGroupName\":\"rg-app\",\"location\":\"westeurope\",\"sku\":\"Standard_D2s_v5\",\"instances\":2,\"adminUsername\":\"azureuser\",\"networkInterfaces\":[{\"name\":\"nic\",\"primary\":true,\"ipConfigurations\":[{\"name\":\"internal\",\"primary\":true,\"subnetId\":\"" + SubnetId + "\"" + extra + "}]}]}";

    private static string EcsNetwork(string assign) =>
        "{\"name\":\"app\",\"cluster\":\"arn:aws:ecs:eu-west-1:123456789012:cluster/app\",\"taskDefinition\":\"app:3\",\"launchType\":\"FARGATE\",\"networkConfiguration\":{\"subnets\":[\"subnet-0a1b2c3d\"],\"securityGroups\":[\"sg-0a1b2c3d\"]" + assign + "}}";

    public static TheoryData<string, string, string> Public { get; } = new()
    {
        { "azure-native:compute:VirtualMachineScaleSet", NativeScaleSet(",\"publicIPAddressConfiguration\":{\"name\":\"pip\",\"idleTimeoutInMinutes\":15}"), "virtualMachineProfile.networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration" },
        { "azure-native:compute:VirtualMachine", NativeVm(",\"publicIPAddressConfiguration\":{\"name\":\"pip\",\"sku\":{\"name\":\"Standard\"}}"), "networkProfile.networkInterfaceConfigurations[0].ipConfigurations[0].publicIPAddressConfiguration" },
        { "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", ClassicScaleSet(",\"publicIpAddresses\":[{\"name\":\"pip\"}]"), "networkInterfaces[0].ipConfigurations[0].publicIpAddresses" },
        { "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", ClassicScaleSet(",\"publicIpAddresses\":[{\"name\":\"pip\",\"domainNameLabel\":\"app\"}]"), "networkInterfaces[0].ipConfigurations[0].publicIpAddresses" },
        { "aws:ecs/service:Service", EcsNetwork(",\"assignPublicIp\":true"), "networkConfiguration.assignPublicIp" },
        { "aws:ecs/taskSet:TaskSet", "{\"cluster\":\"app\",\"service\":\"app\",\"taskDefinition\":\"app:3\",\"launchType\":\"FARGATE\",\"networkConfiguration\":{\"subnets\":[\"subnet-0a1b2c3d\"],\"assignPublicIp\":true}}", "networkConfiguration.assignPublicIp" },
    };

    public static TheoryData<string, string> Private { get; } = new()
    {
        { "azure-native:compute:VirtualMachineScaleSet", NativeScaleSet("") },
        { "azure-native:compute:VirtualMachineScaleSet", "{\"resourceGroupName\":\"rg-app\",\"sku\":{\"name\":\"Standard_D2s_v5\",\"capacity\":2}}" },
        { "azure-native:compute:VirtualMachine", NativeVm("") },
        { "azure-native:compute:VirtualMachine", "{\"resourceGroupName\":\"rg-app\",\"networkProfile\":{\"networkInterfaces\":[{\"id\":\"/subscriptions/0b1f6471-1bf0-4dda-aec3-cb9272f09590/resourceGroups/rg-app/providers/Microsoft.Network/networkInterfaces/nic-app\"}]}}" },
        { "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet", ClassicScaleSet("") },
        { "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet", ClassicScaleSet(",\"publicIpAddresses\":[]") },
        { "aws:ecs/service:Service", EcsNetwork("") },
        { "aws:ecs/service:Service", EcsNetwork(",\"assignPublicIp\":false") },
        { "aws:ecs/taskSet:TaskSet", "{\"cluster\":\"app\",\"service\":\"app\",\"taskDefinition\":\"app:3\"}" },

        // IPv6 addresses are globally unique, but the subnet's route (internet gateway or egress-only gateway) and the security group decide reachability.
        { "aws:ec2/instance:Instance", """{"ami":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","subnetId":"subnet-0a1b2c3d","associatePublicIpAddress":false,"ipv6AddressCount":1}""" },
        { "aws:ec2/launchTemplate:LaunchTemplate", """{"imageId":"ami-0c55b159cbfafe1f0","instanceType":"t3.micro","networkInterfaces":[{"associatePublicIpAddress":"false","ipv6Addresses":["2001:db8:1234:1a00::10"]}]}""" },
    };

    [Theory]
    [MemberData(nameof(Public))]
    public void Compute_WhenAPublicAddressIsConfigured_ShouldFailNamingThePath(string type, string inputs, string path)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(path, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Private))]
    public void Compute_WhenNoPublicAddressIsConfigured_ShouldPass(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void EcsService_WhenAssignPublicIpUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "aws:ecs/service:Service", EcsNetwork(",\"assignPublicIp\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }
}
