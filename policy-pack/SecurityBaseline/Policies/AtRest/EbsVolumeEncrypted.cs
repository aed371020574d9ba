using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: EBS volumes are encrypted.</summary>
public sealed class EbsVolumeEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.EbsVolumeEncrypted,
        Title = "EBS volumes are encrypted",
        Description = "Every EBS volume must be created with encryption on.",
        Message = "The EBS volume is not encrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:ebs/volume:Volume"],
        Help = "Set `encrypted: true` on the volume, with `kmsKeyId` set to the company's KMS key ARN (otherwise EBS uses the AWS-managed key alias/aws/ebs). "
            + "Encryption is fixed at creation: turning it on for an existing volume replaces the volume, so migrate its data through a snapshot first.",
        AbsentMeans = "`encrypted` absent: the provider sends no encryption flag and the volume is unencrypted unless the account has EBS encryption by default on, "
            + "which one resource cannot show, so this policy reports not applicable and the stack policy ebs-volume-default-encryption decides (it passes only when the stack turns EBS encryption by default on). "
            + "`encrypted: false` is a violation here.",
        Tags = ["ebs", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var encrypted = context.Properties.Known("encrypted");
        if (context.Properties.GetBool("encrypted") == true)
        {
            return;
        }

        if (encrypted is null)
        {
            // Without the flag AWS encrypts the volume only when the account has EBS encryption by default on: a fact of the stack, not of the volume.
            context.NotApplicable($"encrypted is absent: the volume is encrypted only under EBS encryption by default, which {PolicyIds.EbsVolumeDefaultEncryption} checks across the stack");
            return;
        }

        var snapshot = context.Properties.Known("snapshotId");
        var origin = snapshot is null ? string.Empty : $" (restored from snapshotId {snapshot.Describe()}, whose encryption the policy cannot see)";
        context.Report($"encrypted is {encrypted.Describe()}: the volume is stored unencrypted{origin}.");
    }

    /// <remarks>Only the flag changes; on an existing volume Pulumi then replaces the volume, as it would for the hand-written fix.</remarks>
    public override IReadOnlyDictionary<string, PropertyValue>? Remediate(ResourceContext context)
    {
        if (context.Properties.GetBool("encrypted") == true)
        {
            return null;
        }

        return context.PropertiesWith(("encrypted", PropertyValue.True));
    }
}
