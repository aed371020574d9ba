using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: EFS file systems are encrypted.</summary>
public sealed class EfsEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.EfsEncrypted,
        Title = "EFS file systems are encrypted",
        Description = "Every EFS file system must be created with encryption at rest on.",
        Message = "The EFS file system is not encrypted at rest.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:efs/fileSystem:FileSystem"],
        Help = "Set `encrypted: true` on the file system, with `kmsKeyId` set to the company's KMS key ARN (otherwise EFS uses the AWS-managed key alias/aws/elasticfilesystem). "
            + "Encryption is fixed at creation: turning it on for an existing file system replaces it, so copy its data first.",
        AbsentMeans = "`encrypted` absent means false: the provider sends no flag and the EFS API creates an unencrypted file system, so absent is a violation.",
        Tags = ["efs", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var encrypted = context.Properties.Known("encrypted");
        if (context.Properties.GetBool("encrypted") == true)
        {
            return;
        }

        context.Report(encrypted is null
            ? "encrypted is absent, which means false: the file system is stored unencrypted."
            : $"encrypted is {encrypted.Describe()}: the file system is stored unencrypted.");
    }

    /// <remarks>Only the flag changes; on an existing file system Pulumi then replaces it, as it would for the hand-written fix.</remarks>
    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Properties.GetBool("encrypted") == true)
        {
            return null;
        }

        return context.PropertiesWith(("encrypted", PropertyValue.True));
    }
}
