using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2: database administrator logins are not the well-known default names that attackers try first.</summary>
public sealed class DatabaseNoDefaultAdminName : ControlPolicy
{
    /// <summary>Default and generic administrator names of the engines RDS and Azure SQL run (compared without regard to case).</summary>
    internal static readonly string[] DefaultNames =
        ["admin", "administrator", "root", "postgres", "sa", "master", "dbadmin", "sysadmin", "mysql", "oracle", "sql", "user", "test", "guest"];

    private static readonly Requirement[] Rows =
    [
        Row("aws:rds/instance:Instance", "username", AbsentReading.Passes("no login given: a replica or a snapshot restore keeps its source's"), "Set `username` to a name specific to the application, e.g. `orders_owner`."),
        Row("aws:rds/cluster:Cluster", "masterUsername", AbsentReading.Passes("no login given: a snapshot restore or a global secondary keeps its source's"), "Set `masterUsername` to a name specific to the application, e.g. `orders_owner`."),
        Row("azure:mssql/server:Server", "administratorLogin", AbsentReading.Passes("no SQL login: only Entra ID administrators (required when `azureadAuthenticationOnly` is true)"), "Set `administratorLogin` to a name specific to the application, or drop it with Entra-only authentication."),
        Row("azure-native:sql:Server", "administratorLogin", AbsentReading.Passes("no SQL login: only Entra ID administrators"), "Set `administratorLogin` to a name specific to the application, or drop it with `administrators.azureADOnlyAuthentication: true`."),
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DatabaseNoDefaultAdminName,
        Title = "Database administrator logins are not default names",
        Description = "RDS master users and Azure SQL administrator logins must not be a default or generic name (admin, root, postgres, sa, administrator, master, …).",
        Message = "The database's administrator login is a default name.",
        Control = "§2",
        Severity = Severity.Medium,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Name the administrator login after the application or owner (the name cannot change after creation: the database is replaced), and prefer identity-based administration (IAM database authentication, Entra ID).",
        AbsentMeans = "An absent login passes: RDS then takes it from the source snapshot or cluster, and Azure SQL has only Entra ID administrators.",
        Tags = ["database", "credentials", "access-management"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    private static Requirement Row(string type, string path, AbsentReading absent, string fix) => new()
    {
        Type = type,
        Path = path,
        Expect = Must.NotBeOneOf(DefaultNames),
        Absent = absent,
        Problem = "a default administrator name is the first one guessed in credential-stuffing and brute-force attacks, and is shared by habit.",
        Fix = fix,
    };
}
