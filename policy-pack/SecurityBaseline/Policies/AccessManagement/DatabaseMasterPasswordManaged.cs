using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AccessManagement;

/// <summary>§2: RDS master passwords are managed by the service (Secrets Manager), or at least handed over as a secret.</summary>
/// <remarks>
/// secrets-not-plaintext (§7) reports the plaintext value itself and asks for rotation; this policy judges only who manages the
/// password, so a plaintext password yields one finding per section: §7 for the exposed value, §2 for the unmanaged credential.
/// </remarks>
public sealed class DatabaseMasterPasswordManaged : ResourcePolicy
{
    private static readonly Dictionary<string, string[]> PasswordPaths = new(StringComparer.Ordinal)
    {
        ["aws:rds/instance:Instance"] = ["password", "passwordWo"],
        ["aws:rds/cluster:Cluster"] = ["masterPassword", "masterPasswordWo"],
    };

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DatabaseMasterPasswordManaged,
        Title = "Database master passwords are managed by the service",
        Description = "RDS instances and clusters must let RDS manage the master password in Secrets Manager (manageMasterUserPassword), or receive it as a Pulumi secret or write-only input, never as a password the program holds in plaintext.",
        Message = "The database's master password is neither managed by RDS nor handed over as a secret.",
        Control = "§2",
        Severity = Severity.High,
        ResourceTypes = [.. PasswordPaths.Keys],
        Help = "Set `manageMasterUserPassword: true` and remove the password input (RDS keeps it in Secrets Manager and rotates it); where a program must set it, pass a Pulumi secret or the write-only input (`passwordWo` / `masterPasswordWo`).",
        AbsentMeans = "`manageMasterUserPassword` absent means false (the provider's default). No password input passes: a replica or snapshot restore keeps its source's password. "
            + "A password that is a Pulumi secret, redacted, or given through the write-only input passes; the plaintext value itself is also reported by secrets-not-plaintext (§7).",
        Tags = ["database", "credentials", "access-management"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var root = context.Properties;
        if (root.GetBool("manageMasterUserPassword") == true)
        {
            return;
        }

        foreach (var path in PasswordPaths[context.Resource.Type])
        {
            context.Guard(() =>
            {
                var value = root.Find(path);
                if (path.EndsWith("Wo", StringComparison.Ordinal) || value is null || value.IsSecret)
                {
                    // A write-only input never reaches the state, and a secret is encrypted there: both are secret references.
                    return;
                }

                if (value.IsUnknown)
                {
                    throw new UnknownValueException(path);
                }

                if (value.Kind == ValueKind.String && string.IsNullOrEmpty(value.StringValue))
                {
                    return;
                }

                // Name the property only: the value is the secret.
                context.Report($"{path} is set by the program in plaintext and manageMasterUserPassword is not true: the master password is neither managed by RDS nor a secret reference. Fix: set manageMasterUserPassword: true and remove {path}.");
            });
        }
    }
}
