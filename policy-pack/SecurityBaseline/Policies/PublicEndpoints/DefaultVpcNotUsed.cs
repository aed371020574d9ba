using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: the stack does not adopt or recreate the region's default VPC, whose subnets are all public.</summary>
public sealed class DefaultVpcNotUsed : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DefaultVpcNotUsed,
        Title = "The default VPC is not used",
        Description = "Workloads run in VPCs the stack plans itself; the default VPC, whose every subnet gives instances public IP addresses, is neither adopted nor recreated.",
        Message = "The stack manages the region's default VPC.",
        Control = "§1",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:ec2/defaultVpc:DefaultVpc"],
        Help = "Remove the `aws.ec2.DefaultVpc` resource and run workloads in a VPC of your own with private subnets. To delete the default VPC through Pulumi, keep the resource only with `forceDestroy: true` and destroy it, then waive this policy for that stack until it is gone.",
        AbsentMeans = "No input makes a default VPC private: every default subnet has `mapPublicIpOnLaunch` true and a route to an internet gateway. The resource adopts the region's default VPC (or creates one), so its presence is the violation.",
        Tags = ["network", "vpc"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context) =>
        context.Report("the stack adopts or creates the region's default VPC, whose subnets put every instance on a public IP address.");
}
