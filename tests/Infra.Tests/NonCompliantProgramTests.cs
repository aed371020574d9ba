using Pulumi;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Testing.Pulumi;
using SecurityBaseline.Policies;
using AzureClassic = Pulumi.Azure;
using Ec2 = Pulumi.Aws.Ec2;
using Lb = Pulumi.Aws.LB;

namespace Infra.Tests;

/// <summary>Small programs written the way the pack must stop: each runs under the same mocks and must be flagged by exactly the expected policies.</summary>
public class NonCompliantProgramTests
{
    private static readonly string[] Allowlist = ["203.0.113.0/24", "198.51.100.0/24"];

    /// <summary>A legacy stack on the classic azure provider: storage reachable over HTTP, public blobs allowed, firewall open, SSH from anywhere.</summary>
    private static void LegacyAzureProgram()
    {
        var group = new AzureClassic.Core.ResourceGroup("legacy-rg", new AzureClassic.Core.ResourceGroupArgs { Location = "japaneast" });

        _ = new AzureClassic.Storage.Account("legacystorage", new AzureClassic.Storage.AccountArgs
        {
            ResourceGroupName = group.Name,
            Location = "japaneast",
            AccountTier = "Standard",
            AccountReplicationType = "LRS",
            HttpsTrafficOnlyEnabled = false,
            MinTlsVersion = "TLS1_0",
            AllowNestedItemsToBePublic = true,
            NetworkRules = new AzureClassic.Storage.Inputs.AccountNetworkRulesArgs { DefaultAction = "Allow" },
        });

        _ = new AzureClassic.Network.NetworkSecurityGroup("legacy-nsg", new AzureClassic.Network.NetworkSecurityGroupArgs
        {
            ResourceGroupName = group.Name,
            Location = "japaneast",
            SecurityRules =
            {
                new AzureClassic.Network.Inputs.NetworkSecurityGroupSecurityRuleArgs
                {
                    Name = "ssh-from-anywhere",
                    Priority = 100,
                    Direction = "Inbound",
                    Access = "Allow",
                    Protocol = "Tcp",
                    SourcePortRange = "*",
                    SourceAddressPrefix = "*",
                    DestinationPortRange = "22",
                    DestinationAddressPrefix = "*",
                },
            },
        });
    }

    /// <summary>An AWS stack with a security group open to the internet (SSH and HTTP) and a listener that serves plain HTTP.</summary>
    private static void OpenAwsProgram()
    {
        _ = new Ec2.SecurityGroup("open-web", new Ec2.SecurityGroupArgs
        {
            VpcId = "vpc-0a1b2c3d4e5f60718",
            Description = "legacy web server",
            Ingress =
            {
                new Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 22, ToPort = 22, CidrBlocks = { "0.0.0.0/0" } },
                new Ec2.Inputs.SecurityGroupIngressArgs { Protocol = "tcp", FromPort = 80, ToPort = 80, CidrBlocks = { "0.0.0.0/0" }, Ipv6CidrBlocks = { "::/0" } },
            },
        });

        _ = new Lb.Listener("plain-http", new Lb.ListenerArgs
        {
            LoadBalancerArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:loadbalancer/app/legacy/50dc6c495c0c9188",
            Port = 80,
            Protocol = "HTTP",
            DefaultActions =
            {
                new Lb.Inputs.ListenerDefaultActionArgs
                {
                    Type = "forward",
                    TargetGroupArn = "arn:aws:elasticloadbalancing:ap-northeast-1:123456789012:targetgroup/legacy/73e2d6bc24d8a067",
                },
            },
        });
    }

    [Fact]
    public async Task LegacyAzureProgram_WhenAnalyzed_ShouldBeFlaggedByTheStorageAndNsgPolicies()
    {
        var result = await PulumiPolicyTest.RunAsync(PolicyCatalog.Pack, LegacyAzureProgram, MockCloud.Create().Object, MockCloud.Options(Allowlist));

        // At least these: later policies (local auth, diagnostics, logging) may flag the same programs too.
        Assert.Subset(
            FailingPolicies(result),
            new SortedSet<string>(StringComparer.Ordinal)
            {
                "azure-storage-no-public-blob-access",
                "azure-storage-secure-transfer",
                "network-admin-ports-not-public",
                "network-ingress-allowlist",
                "network-no-internet-ingress",
                "storage-firewall-default-deny",
            });
        Assert.True(result.HasBlockingViolation);
    }

    [Fact]
    public async Task OpenAwsProgram_WhenAnalyzed_ShouldBeFlaggedByTheIngressAndListenerPolicies()
    {
        var result = await PulumiPolicyTest.RunAsync(PolicyCatalog.Pack, OpenAwsProgram, MockCloud.Create().Object, MockCloud.Options(Allowlist));

        Assert.Subset(
            FailingPolicies(result),
            new SortedSet<string>(StringComparer.Ordinal)
            {
                "load-balancer-listener-tls",
                "network-admin-ports-not-public",
                "network-ingress-allowlist",
                "network-no-internet-ingress",
            });
        var listener = Assert.Single(result.Findings, f => f.Policy.Id == "load-balancer-listener-tls");
        Assert.Equal("plain-http", listener.Resource.Name);
        Assert.Contains(result.Findings, f => f.Policy.Id == "network-admin-ports-not-public" && f.Message.Contains("22", StringComparison.Ordinal));
    }

    private static SortedSet<string> FailingPolicies(AnalysisResult result) =>
        new(result.Findings.Select(f => f.Policy.Id), StringComparer.Ordinal);
}
