using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

/// <summary>§1: databases have no public endpoint.</summary>
/// <remarks>Snapshots are judged by rows; servers by code, since a delegated subnet can decide for an absent flag.</remarks>
public sealed class DatabaseNotPublic : ControlPolicy
{
    private const string AwsRdsInstance = "aws:rds/instance:Instance";
    private const string AwsRdsClusterInstance = "aws:rds/clusterInstance:ClusterInstance";
    private const string AwsRedshiftCluster = "aws:redshift/cluster:Cluster";
    private const string AzureNativeSqlServer = "azure-native:sql:Server";
    private const string AzureNativePostgres = "azure-native:dbforpostgresql:Server";
    private const string AzureNativeMySql = "azure-native:dbformysql:Server";
    private const string AzureSqlServer = "azure:mssql/server:Server";
    private const string AzurePostgresFlexible = "azure:postgresql/flexibleServer:FlexibleServer";
    private const string AzureMySqlFlexible = "azure:mysql/flexibleServer:FlexibleServer";

    private static readonly Requirement[] Rows =
    [
        SnapshotRow("aws:rds/snapshot:Snapshot"),
        SnapshotRow("aws:rds/clusterSnapshot:ClusterSnapshot"),
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DatabaseNotPublic,
        Title = "Databases are not publicly accessible",
        Description = "Database instances and servers must not have a public network endpoint.",
        Message = "The database is reachable from the public internet.",
        Control = "§1",
        Severity = Severity.Critical,
        ResourceTypes =
        [
            AwsRdsInstance,
            AwsRdsClusterInstance,
            AwsRedshiftCluster,
            AzureNativeSqlServer,
            AzureNativePostgres,
            AzureNativeMySql,
            AzureSqlServer,
            AzurePostgresFlexible,
            AzureMySqlFlexible,
            .. Requirement.TypesOf(Rows),
        ],
        Requirements = Rows,
        Help = "AWS: set `publiclyAccessible: false`. Azure SQL: set `publicNetworkAccess: \"Disabled\"` (azure-native) or `publicNetworkAccessEnabled: false` (azure) and connect through a private endpoint. " +
               "PostgreSQL/MySQL flexible servers: set `network.publicNetworkAccess: \"Disabled\"` (azure-native) or `publicNetworkAccessEnabled: false` / `publicNetworkAccess: \"Disabled\"` (azure), " +
               "or deploy into a delegated subnet (`network.delegatedSubnetResourceId` / `delegatedSubnetId`).",
        AbsentMeans = "AWS `publiclyAccessible` absent means false (compliant). Azure SQL `publicNetworkAccess` absent means Enabled (the API's default; azure's `publicNetworkAccessEnabled` defaults to true): a violation. " +
                      "Flexible servers without the property are public unless they are deployed into a delegated subnet (VNet integration forces Disabled). " +
                      "`SecuredByPerimeter` on Azure SQL is accepted: a network security perimeter then decides public access.",
        Tags = ["network", "database", "public-endpoint"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    protected override void Judge(ResourceContext context)
    {
        var properties = context.Properties;
        switch (context.Resource.Type)
        {
            case AwsRdsInstance or AwsRdsClusterInstance or AwsRedshiftCluster:
                if (properties.GetBool("publiclyAccessible") == true)
                {
                    context.Report("publiclyAccessible is true: the database gets a public DNS name and IP address.");
                }

                break;
            case AzureNativeSqlServer:
                var access = properties.GetString("publicNetworkAccess");
                if (access is null)
                {
                    context.Report("publicNetworkAccess is absent, so the server's public endpoint is Enabled (the API's default).");
                }
                else if (!IsOneOf(access, "Disabled", "SecuredByPerimeter"))
                {
                    context.Report($"publicNetworkAccess is {properties.Known("publicNetworkAccess")!.Describe()}: the server's public endpoint is open.");
                }

                break;
            case AzureSqlServer:
                CheckEnabledFlag(context, "publicNetworkAccessEnabled", delegatedSubnetPath: null);
                break;
            case AzurePostgresFlexible:
                CheckEnabledFlag(context, "publicNetworkAccessEnabled", "delegatedSubnetId");
                break;
            case AzureNativePostgres or AzureNativeMySql:
                CheckAccessState(context, "network.publicNetworkAccess", "network.delegatedSubnetResourceId");
                break;
            case AzureMySqlFlexible:
                CheckAccessState(context, "publicNetworkAccess", "delegatedSubnetId");
                break;
        }
    }

    /// <summary>A snapshot shared with "all" is public: any AWS account can restore the database from it.</summary>
    private static Requirement SnapshotRow(string type) =>
        new()
        {
            Type = type,
            Path = "sharedAccounts",
            Expect = Must.NotContain("all"),
            Absent = AbsentReading.Passes("not shared with any other account"),
            Problem = "any AWS account can copy the snapshot and restore the database from it.",
            Fix = "Remove `\"all\"` from `sharedAccounts`; share only with named account ids.",
        };

    /// <summary>A boolean "public access enabled" flag whose provider default is true.</summary>
    private static void CheckEnabledFlag(ResourceContext context, string path, string? delegatedSubnetPath)
    {
        var enabled = context.Properties.GetBool(path);
        if (enabled == false)
        {
            return;
        }

        if (enabled is null)
        {
            if (delegatedSubnetPath is not null && IsSet(context, delegatedSubnetPath))
            {
                return;
            }

            context.Report($"{path} is absent, which defaults to true: the server has a public endpoint.");
            return;
        }

        context.Report($"{path} is true: the server has a public endpoint.");
    }

    /// <summary>An "Enabled"/"Disabled" state that defaults to Disabled only for servers injected into a delegated subnet.</summary>
    private static void CheckAccessState(ResourceContext context, string path, string delegatedSubnetPath)
    {
        var state = context.Properties.GetString(path);
        if (state is null)
        {
            if (!IsSet(context, delegatedSubnetPath))
            {
                context.Report($"{path} is absent and {delegatedSubnetPath} is not set, so the server is created with public access Enabled.");
            }

            return;
        }

        if (!IsOneOf(state, "Disabled"))
        {
            context.Report($"{path} is {context.Properties.Known(path)!.Describe()}: the server has a public endpoint.");
        }
    }

    /// <summary>True when the subnet id is given; a value still computed during preview is a subnet's id, which is never empty.</summary>
    private static bool IsSet(ResourceContext context, string path) =>
        context.Properties.Find(path) is { } value && (value.IsUnknown || !string.IsNullOrEmpty(context.Properties.GetString(path)));

    private static bool IsOneOf(string value, params string[] accepted) =>
        accepted.Any(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase));
}
