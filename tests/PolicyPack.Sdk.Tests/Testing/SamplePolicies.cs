using PolicyPack.Sdk.Engine;

namespace PolicyPack.Sdk.Tests.Testing;

/// <summary>A resource policy of the kind a platform team writes: RDS storage must be encrypted; its message names the master password's shown form, so tests can prove a secret never reaches a message.</summary>
internal sealed class EncryptedDatabaseStorage : ResourcePolicy
{
    public const string Type = "aws:rds/instance:Instance";

    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = "test-encrypted-database-storage",
        Title = "Database storage is encrypted",
        Description = "RDS instances encrypt their storage.",
        Message = "Set storageEncrypted to true.",
        Control = "T1",
        Severity = Severity.High,
        ResourceTypes = [Type],
        Help = "Set storageEncrypted.",
        AbsentMeans = "storageEncrypted absent: the provider's default, false.",
    };

    public override void Evaluate(ResourceContext context)
    {
        var encrypted = context.Properties["storageEncrypted"];
        if (encrypted is { IsUnknown: true })
        {
            context.NotApplicable("storageEncrypted is not known until the deployment runs");
            return;
        }

        if (encrypted?.AsShown()?.Text != "true")
        {
            context.Report($"storage is not encrypted (master password {context.Properties["password"]?.AsShown()?.Text ?? "absent"})");
        }
    }
}

/// <summary>A stack policy: at most one RDS instance per stack.</summary>
internal sealed class SingleDatabase : StackPolicy
{
    public override PolicyDescriptor Descriptor { get; } = new()
    {
        Id = "test-single-database",
        Title = "One database per stack",
        Description = "A stack holds at most one RDS instance.",
        Message = "Split the stack.",
        Control = "T2",
        Severity = Severity.Low,
        DefaultEnforcement = EnforcementLevel.Advisory,
        ResourceTypes = [EncryptedDatabaseStorage.Type],
        Help = "Move the second database to its own stack.",
    };

    public override void Evaluate(StackContext context)
    {
        var databases = context.Stack.Resources.Where(r => r.Type == EncryptedDatabaseStorage.Type).ToArray();
        foreach (var extra in databases.Skip(1))
        {
            context.Report(extra, $"a second database in the stack: {extra.Name}");
        }
    }
}
