using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: a volume without an encryption flag is encrypted only because the stack turns EBS encryption by default on.</summary>
public sealed class EbsVolumeDefaultEncryption : StackPolicy
{
    private const string VolumeType = "aws:ebs/volume:Volume";
    private const string DefaultEncryptionType = "aws:ebs/encryptionByDefault:EncryptionByDefault";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.EbsVolumeDefaultEncryption,
        Title = "EBS volumes without an encryption flag are covered by encryption by default",
        Description = "An EBS volume that does not set `encrypted` must be in a region where the stack turns on EBS encryption by default (aws.ebs.EncryptionByDefault).",
        Message = "The EBS volume sets no encryption and the stack does not turn on EBS encryption by default.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [VolumeType],
        Help = "Set `encrypted: true` on the volume (preferred: explicit and reviewable), or declare `aws.ebs.EncryptionByDefault` with `enabled: true` in the stack for the volume's region.",
        AbsentMeans = "Only volumes whose `encrypted` is absent are judged here (ebs-volume-encrypted judges an explicit flag). An EncryptionByDefault resource with `enabled` absent means true (the provider's default). "
            + "A `region` input on both resources must match; where either has none, the provider's region is assumed for both. Without such a resource the account setting is invisible to the stack: a violation.",
        Tags = ["ebs", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var defaults = context.Stack.OfType(DefaultEncryptionType).ToArray();
        context.Each(context.Stack.OfType(VolumeType), volume =>
        {
            if (volume.Root.Known("encrypted") is not null)
            {
                return;
            }

            var region = volume.Root.GetString("region");
            var covering = defaults.Where(d => SameRegion(region, d.Root.GetString("region"))).ToArray();
            if (covering.Any(d => d.Root.GetBool("enabled") != false))
            {
                return;
            }

            context.Report(volume, covering.Length == 0
                ? "encrypted is absent and no aws:ebs/encryptionByDefault resource of the stack covers the volume's region: the volume is stored unencrypted unless the account happens to have encryption by default on."
                : "encrypted is absent and the stack sets EBS encryption by default to enabled: false: the volume is stored unencrypted.");
        });
    }

    private static bool SameRegion(string? volume, string? setting) => volume is null || setting is null || string.Equals(volume, setting, StringComparison.Ordinal);
}
