using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: virtual machines and their network interfaces get no public IP address.</summary>
public sealed class ComputeNoPublicIp : ResourcePolicy
{
    private const string AwsInstance = "aws:ec2/instance:Instance";
    private const string AwsSpotInstanceRequest = "aws:ec2/spotInstanceRequest:SpotInstanceRequest";
    private const string AwsLaunchConfiguration = "aws:ec2/launchConfiguration:LaunchConfiguration";
    private const string AwsLaunchTemplate = "aws:ec2/launchTemplate:LaunchTemplate";
    private const string AwsEip = "aws:ec2/eip:Eip";
    private const string AwsEipAssociation = "aws:ec2/eipAssociation:EipAssociation";
    private const string AzureNativeNic = "azure-native:network:NetworkInterface";
    private const string AzureNic = "azure:network/networkInterface:NetworkInterface";
    private const string AzureNativeScaleSet = "azure-native:compute:VirtualMachineScaleSet";
    private const string AzureNativeVm = "azure-native:compute:VirtualMachine";
    private const string AzureLinuxScaleSet = "azure:compute/linuxVirtualMachineScaleSet:LinuxVirtualMachineScaleSet";
    private const string AzureWindowsScaleSet = "azure:compute/windowsVirtualMachineScaleSet:WindowsVirtualMachineScaleSet";
    private const string AwsEcsService = "aws:ecs/service:Service";
    private const string AwsEcsTaskSet = "aws:ecs/taskSet:TaskSet";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ComputeNoPublicIp,
        Title = "Compute has no public IP address",
        Description = "EC2 instances, launch templates, ECS tasks, Azure network interfaces, scale sets and VM network profiles must not be given a public IP address.",
        Message = "A public IP address is attached to compute.",
        Control = "§1",
        Severity = Severity.High,
        ResourceTypes =
        [
            AwsInstance,
            AwsSpotInstanceRequest,
            AwsLaunchConfiguration,
            AwsLaunchTemplate,
            AwsEip,
            AwsEipAssociation,
            AzureNativeNic,
            AzureNic,
            AzureNativeScaleSet,
            AzureNativeVm,
            AzureLinuxScaleSet,
            AzureWindowsScaleSet,
            AwsEcsService,
            AwsEcsTaskSet,
        ],
        Help = "Remove the public address: on EC2 set `associatePublicIpAddress: false` (launch templates: `networkInterfaces[].associatePublicIpAddress: \"false\"`) " +
               "and do not attach an Elastic IP to an instance or its network interface (`instance` / `instanceId`, `networkInterface` / `networkInterfaceId`); on Azure remove `ipConfigurations[].publicIPAddress` (azure-native) " +
               "or `ipConfigurations[].publicIpAddressId` (azure), and from scale sets and inline VM network profiles `ipConfigurations[].publicIPAddressConfiguration` (azure-native) or `ipConfigurations[].publicIpAddresses` (azure); on ECS set `networkConfiguration.assignPublicIp: false`. Reach workloads through a load balancer, a bastion or a private endpoint instead.",
        AbsentMeans = "`associatePublicIpAddress` absent means the subnet's `mapPublicIpOnLaunch` decides (checked by subnet-no-public-ip-on-launch), so it passes here. " +
                      "Launch templates carry the flag as a string (\"true\"/\"false\"/\"\"): empty or absent passes the same way. " +
                      "Azure NIC IP configurations without a public IP reference, and scale set or VM IP configurations without `publicIPAddressConfiguration` / `publicIpAddresses`, have no public address. " +
                      "ECS `networkConfiguration.assignPublicIp` absent means false (the provider's default): compliant. " +
                      "IPv6 addresses (`ipv6AddressCount`, `ipv6Addresses`) are not judged here: AWS IPv6 addresses are globally unique, but whether the internet can reach them is decided by the subnet's route (internet gateway, or egress-only internet gateway for outbound only) and by the security group, which network-no-internet-ingress checks.",
        Tags = ["network", "public-ip", "compute"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        switch (context.Resource.Type)
        {
            case AwsInstance or AwsSpotInstanceRequest or AwsLaunchConfiguration:
                if (context.Properties.GetBool("associatePublicIpAddress") == true)
                {
                    context.Report("associatePublicIpAddress is true: the instance gets a public IPv4 address.");
                }

                break;
            case AwsLaunchTemplate:
                IndexedItems.ForEach(context, "networkInterfaces", path =>
                {
                    var flag = $"{path}.associatePublicIpAddress";
                    if (StringFlag(context.Properties, flag) == true)
                    {
                        context.Report($"{flag} is {context.Properties.Known(flag)!.Describe()}: instances launched from the template get a public IPv4 address.");
                    }
                });
                break;
            case AwsEip:
                context.Guard(() => ReportWhenSet(context, "instance", "attaches this Elastic IP (a public address) to an EC2 instance."));
                // An ENI is how an Elastic IP reaches an instance's second interface; a NAT gateway's address uses allocationId, not this.
                context.Guard(() => ReportWhenSet(context, "networkInterface", "attaches this Elastic IP (a public address) to a network interface, and so to the instance that owns it."));
                break;
            case AwsEipAssociation:
                context.Guard(() => ReportWhenSet(context, "instanceId", "attaches an Elastic IP (a public address) to an EC2 instance."));
                context.Guard(() => ReportWhenSet(context, "networkInterfaceId", "attaches an Elastic IP (a public address) to a network interface, and so to the instance that owns it."));
                break;
            case AzureNativeNic:
                IndexedItems.ForEach(context, "ipConfigurations", path =>
                {
                    var publicIp = context.Properties.Known($"{path}.publicIPAddress");
                    if (publicIp is not null)
                    {
                        var id = publicIp.Find("id");
                        context.Report($"{path}.publicIPAddress references a public IP address{(id is null ? string.Empty : $" ({id.Describe()})")}.");
                    }
                });
                break;
            case AzureNic:
                IndexedItems.ForEach(context, "ipConfigurations", path => ReportWhenSet(context, $"{path}.publicIpAddressId", "attaches a public IP address to the network interface."));
                break;
            case AzureNativeScaleSet:
                ReportPublicIpConfigurations(context, "virtualMachineProfile.networkProfile.networkInterfaceConfigurations", "every instance of the scale set");
                break;
            case AzureNativeVm:
                ReportPublicIpConfigurations(context, "networkProfile.networkInterfaceConfigurations", "the virtual machine");
                break;
            case AzureLinuxScaleSet or AzureWindowsScaleSet:
                IndexedItems.ForEach(context, "networkInterfaces", nic => IndexedItems.ForEach(context, $"{nic}.ipConfigurations", ip =>
                {
                    var addresses = $"{ip}.publicIpAddresses";
                    if (context.Properties.GetList(addresses).Count > 0)
                    {
                        context.Report($"{addresses} is set: every instance of the scale set gets a public IP address.");
                    }
                }));
                break;
            case AwsEcsService or AwsEcsTaskSet:
                if (context.Properties.GetBool("networkConfiguration.assignPublicIp") == true)
                {
                    context.Report("networkConfiguration.assignPublicIp is true: every task gets a public IPv4 address.");
                }

                break;
        }
    }

    /// <summary>Reports IP configurations that create their own public IP (`publicIPAddressConfiguration`) in inline network interface configurations.</summary>
    private static void ReportPublicIpConfigurations(ResourceContext context, string configurations, string owner) =>
        IndexedItems.ForEach(context, configurations, nic => IndexedItems.ForEach(context, $"{nic}.ipConfigurations", ip =>
        {
            var publicIp = $"{ip}.publicIPAddressConfiguration";
            if (context.Properties.Known(publicIp) is not null)
            {
                context.Report($"{publicIp} is set: {owner} gets a public IP address.");
            }
        }));

    private static void ReportWhenSet(ResourceContext context, string path, string consequence)
    {
        if (!string.IsNullOrEmpty(context.Properties.GetString(path)))
        {
            context.Report($"{path} is {context.Properties.Known(path)!.Describe()}: it {consequence}");
        }
    }

    /// <summary>Reads a Terraform string-typed boolean ("true", "false", or "" for unset).</summary>
    private static bool? StringFlag(PropertyValue root, string path)
    {
        var value = root.Known(path);
        if (value is { Kind: ValueKind.String } && string.IsNullOrEmpty(value.StringValue))
        {
            return null;
        }

        return root.GetBool(path);
    }
}
