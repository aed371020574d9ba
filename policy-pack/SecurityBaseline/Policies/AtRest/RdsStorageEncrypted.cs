using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: RDS instances and clusters encrypt their storage.</summary>
public sealed class RdsStorageEncrypted : ResourcePolicy
{
    private const string InstanceType = "aws:rds/instance:Instance";
    private const string ClusterType = "aws:rds/cluster:Cluster";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.RdsStorageEncrypted,
        Title = "RDS storage is encrypted",
        Description = "Every RDS database instance and cluster must encrypt its storage.",
        Message = "The database storage is not encrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [InstanceType, ClusterType],
        Help = "Set `storageEncrypted: true` with `kmsKeyId` set to the company's KMS key ARN (otherwise RDS uses the AWS-managed key alias/aws/rds). "
            + "Encryption is fixed at creation: an existing database is encrypted by restoring an encrypted copy of a snapshot.",
        AbsentMeans = "`storageEncrypted` absent means false on an instance and on a `provisioned` cluster (the provider's documented default), a violation. "
            + "A cluster with `engineMode: \"serverless\"` (Aurora Serverless v1) is always encrypted, so absent passes there; Aurora Serverless v2 runs as `provisioned` and needs the flag. "
            + "A read replica (`replicateSourceDb`) ignores `storageEncrypted` and inherits its source's encryption unless `kmsKeyId` is set, so without `kmsKeyId` it is not applicable: the source is checked on its own.",
        Tags = ["rds", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var root = context.Properties;
        var flag = root.Known("storageEncrypted");
        var encrypted = root.GetBool("storageEncrypted");
        if (encrypted == true)
        {
            return;
        }

        // The provider reads an empty replicateSourceDb as unset: the instance is then a primary like any other.
        if (context.Resource.Type == InstanceType && root.Known("replicateSourceDb") is { } source && !string.IsNullOrEmpty(root.GetString("replicateSourceDb")))
        {
            // RDS creates replicas through CreateDBInstanceReadReplica, which takes a KMS key but no encryption flag.
            if (string.IsNullOrEmpty(root.GetString("kmsKeyId")))
            {
                context.NotApplicable($"read replica of replicateSourceDb {source.Describe()}: it inherits the source's encryption, which this policy checks on the source");
            }

            return;
        }

        if (context.Resource.Type == ClusterType && encrypted is null && root.GetString("engineMode") == "serverless")
        {
            return;
        }

        context.Report(flag is null
            ? "storageEncrypted is absent, which means false: the database storage is unencrypted."
            : $"storageEncrypted is {flag.Describe()}: the database storage is unencrypted.");
    }
}
