using System.Collections.Immutable;
using Baseline.Aws;
using Baseline.Azure;
using Baseline.Settings;
using Pulumi;

namespace Baseline;

/// <summary>The whole program: settings from stack config, then one component tree per cloud.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711:Identifiers should not have incorrect suffix", Justification = "It derives from Pulumi.Stack; the suffix names what it is.")]
public sealed class BaselineStack : Stack
{
    public BaselineStack()
    {
        // Validation runs before any resource is declared, so a bad allowlist never reaches a preview.
        var settings = StackSettings.Load(new PulumiConfigLookup(), Deployment.Instance.StackName);
        var aws = new AwsBaseline("aws", settings);
        var azure = new AzureBaseline("azure", settings);

        VpcId = aws.Network.VpcId;
        PublicSubnetIds = aws.Network.PublicSubnetIds;
        PrivateSubnetIds = aws.Network.PrivateSubnetIds;
        LoadBalancerDnsName = aws.Edge.DnsName;
        DataBucketName = aws.Storage.DataBucketName;
        LogBucketName = aws.Storage.LogBucketName;
        KeyArn = aws.Keys.KeyArn;
        StorageAccountName = azure.StorageAccountName;
        KeyVaultName = azure.KeyVaultName;
    }

    [Output("vpcId")]
    public Output<string> VpcId { get; private set; }

    [Output("publicSubnetIds")]
    public Output<ImmutableArray<string>> PublicSubnetIds { get; private set; }

    [Output("privateSubnetIds")]
    public Output<ImmutableArray<string>> PrivateSubnetIds { get; private set; }

    [Output("loadBalancerDnsName")]
    public Output<string> LoadBalancerDnsName { get; private set; }

    [Output("dataBucketName")]
    public Output<string> DataBucketName { get; private set; }

    [Output("logBucketName")]
    public Output<string> LogBucketName { get; private set; }

    [Output("keyArn")]
    public Output<string> KeyArn { get; private set; }

    [Output("storageAccountName")]
    public Output<string> StorageAccountName { get; private set; }

    [Output("keyVaultName")]
    public Output<string> KeyVaultName { get; private set; }
}
