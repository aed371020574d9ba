using System.Collections.Immutable;
using Baseline.Settings;
using Pulumi;
using AwsProvider = Pulumi.Aws;
using Ec2 = Pulumi.Aws.Ec2;

namespace Baseline.Aws;

/// <summary>The VPC: public and private subnets in each zone from the CIDR plan, internet and NAT gateways, routes, a closed default security group and flow logs (§1, §9).</summary>
public sealed class Network : ComponentResource
{
    public Network(string name, StackSettings settings, Output<string> accountId, Output<string> keyArn, ComponentResourceOptions? options = null)
        : base("baseline:aws:Network", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new CustomResourceOptions { Parent = this };
        var zones = AwsProvider.GetAvailabilityZones.Invoke(new AwsProvider.GetAvailabilityZonesInvokeArgs { State = "available" });

        var vpc = new Ec2.Vpc($"{name}-vpc", new Ec2.VpcArgs
        {
            CidrBlock = settings.VpcCidr.ToString(),
            EnableDnsHostnames = true,
            EnableDnsSupport = true,
            Tags = settings.Tags($"{settings.NamePrefix}-vpc"),
        }, child);

        // Without ingress or egress blocks the provider removes every rule of the VPC's default group, so nothing can use it (§1).
        _ = new Ec2.DefaultSecurityGroup($"{name}-default-sg", new Ec2.DefaultSecurityGroupArgs
        {
            VpcId = vpc.Id,
            Tags = settings.Tags($"{settings.NamePrefix}-default-closed"),
        }, child);

        var internet = new Ec2.InternetGateway($"{name}-igw", new Ec2.InternetGatewayArgs { VpcId = vpc.Id, Tags = settings.Tags() }, child);
        var publicRoutes = new Ec2.RouteTable($"{name}-public", new Ec2.RouteTableArgs
        {
            VpcId = vpc.Id,
            Routes = { new Ec2.Inputs.RouteTableRouteArgs { CidrBlock = "0.0.0.0/0", GatewayId = internet.Id } },
            Tags = settings.Tags($"{settings.NamePrefix}-public"),
        }, child);

        var publicSubnets = new List<Ec2.Subnet>();
        var privateSubnets = new List<Ec2.Subnet>();
        Ec2.NatGateway? sharedNat = null;
        foreach (var plan in settings.Subnets)
        {
            var zone = plan.Zone;
            var zoneName = zones.Apply(z => z.Names.Length > zone
                ? z.Names[zone]
                : throw new InvalidOperationException($"zoneCount is {settings.ZoneCount} but {settings.AwsRegion} offers {z.Names.Length} available zones"));

            // No subnet hands out public IPs: only the load balancer and the NAT gateways face the internet (§1).
            var publicSubnet = new Ec2.Subnet($"{name}-public-{zone}", new Ec2.SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = plan.Public.ToString(),
                AvailabilityZone = zoneName,
                MapPublicIpOnLaunch = false,
                Tags = settings.Tags($"{settings.NamePrefix}-public-{zone}"),
            }, child);
            var privateSubnet = new Ec2.Subnet($"{name}-private-{zone}", new Ec2.SubnetArgs
            {
                VpcId = vpc.Id,
                CidrBlock = plan.Private.ToString(),
                AvailabilityZone = zoneName,
                MapPublicIpOnLaunch = false,
                Tags = settings.Tags($"{settings.NamePrefix}-private-{zone}"),
            }, child);
            publicSubnets.Add(publicSubnet);
            privateSubnets.Add(privateSubnet);

            _ = new Ec2.RouteTableAssociation($"{name}-public-{zone}", new Ec2.RouteTableAssociationArgs { SubnetId = publicSubnet.Id, RouteTableId = publicRoutes.Id }, child);

            var nat = sharedNat;
            if (nat is null)
            {
                var address = new Ec2.Eip($"{name}-nat-{zone}", new Ec2.EipArgs { Domain = "vpc", Tags = settings.Tags() }, child);
                nat = new Ec2.NatGateway($"{name}-nat-{zone}", new Ec2.NatGatewayArgs
                {
                    AllocationId = address.Id,
                    SubnetId = publicSubnet.Id,
                    Tags = settings.Tags($"{settings.NamePrefix}-nat-{zone}"),
                }, new CustomResourceOptions { Parent = this, DependsOn = { internet } });
                if (!settings.NatGatewayPerZone)
                {
                    sharedNat = nat;
                }
            }

            var privateRoutes = new Ec2.RouteTable($"{name}-private-{zone}", new Ec2.RouteTableArgs
            {
                VpcId = vpc.Id,
                Routes = { new Ec2.Inputs.RouteTableRouteArgs { CidrBlock = "0.0.0.0/0", NatGatewayId = nat.Id } },
                Tags = settings.Tags($"{settings.NamePrefix}-private-{zone}"),
            }, child);
            _ = new Ec2.RouteTableAssociation($"{name}-private-{zone}", new Ec2.RouteTableAssociationArgs { SubnetId = privateSubnet.Id, RouteTableId = privateRoutes.Id }, child);
        }

        var (flowLogGroup, flowLogRole) = LogDelivery.Create(this, $"{name}-flow", settings, accountId, keyArn, "vpc-flow-logs.amazonaws.com");
        _ = new Ec2.FlowLog($"{name}-flow", new Ec2.FlowLogArgs
        {
            VpcId = vpc.Id,
            TrafficType = "ALL",
            LogDestinationType = "cloud-watch-logs",
            LogDestination = flowLogGroup.Arn,
            IamRoleArn = flowLogRole.Arn,
            MaxAggregationInterval = 60,
            Tags = settings.Tags(),
        }, child);

        VpcId = vpc.Id;
        PublicSubnets = publicSubnets;
        PrivateSubnets = privateSubnets;
        PublicSubnetIds = Output.All(publicSubnets.Select(s => s.Id));
        PrivateSubnetIds = Output.All(privateSubnets.Select(s => s.Id));
        RegisterOutputs();
    }

    public Output<string> VpcId { get; }
    public IReadOnlyList<Ec2.Subnet> PublicSubnets { get; }
    public IReadOnlyList<Ec2.Subnet> PrivateSubnets { get; }
    public Output<ImmutableArray<string>> PublicSubnetIds { get; }
    public Output<ImmutableArray<string>> PrivateSubnetIds { get; }
}
