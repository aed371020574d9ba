using SecurityBaseline.Engine;
using SecurityBaseline.Model;

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

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.ComputeNoPublicIp,
        Title = "Compute has no public IP address",
        Description = "EC2 instances, launch templates and Azure network interfaces must not be given a public IP address.",
        Message = "A public IP address is attached to compute.",
        Section = 1,
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
        ],
        Help = "Remove the public address: on EC2 set `associatePublicIpAddress: false` (launch templates: `networkInterfaces[].associatePublicIpAddress: \"false\"`) " +
               "and do not attach an Elastic IP to an instance or its network interface (`instance` / `instanceId`, `networkInterface` / `networkInterfaceId`); on Azure remove `ipConfigurations[].publicIPAddress` (azure-native) " +
               "or `ipConfigurations[].publicIpAddressId` (azure). Reach workloads through a load balancer, a bastion or a private endpoint instead.",
        AbsentMeans = "`associatePublicIpAddress` absent means the subnet's `mapPublicIpOnLaunch` decides (checked by subnet-no-public-ip-on-launch), so it passes here. " +
                      "Launch templates carry the flag as a string (\"true\"/\"false\"/\"\"): empty or absent passes the same way. " +
                      "Azure NIC IP configurations without a public IP reference have no public address.",
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
        }
    }

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
