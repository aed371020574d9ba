using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: the EBS volumes an EC2 instance or launch template creates are encrypted.</summary>
public sealed class InstanceBlockDevicesEncrypted : ResourcePolicy
{
    private const string InstanceType = "aws:ec2/instance:Instance";
    private const string LaunchTemplateType = "aws:ec2/launchTemplate:LaunchTemplate";

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.InstanceBlockDevicesEncrypted,
        Title = "Instance and launch template volumes are encrypted",
        Description = "The root and EBS block devices an EC2 instance or launch template creates must set encryption on.",
        Message = "A block device of the instance or launch template is not encrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [InstanceType, LaunchTemplateType],
        Help = "On an instance set `rootBlockDevice.encrypted: true` and `encrypted: true` on every `ebsBlockDevices[]` item; "
            + "on a launch template set `ebs.encrypted: \"true\"` (a string in the provider) on every `blockDeviceMappings[]` item, including one for the AMI's root device name. "
            + "Add `kmsKeyId` with the company's KMS key ARN, otherwise EBS uses the AWS-managed key alias/aws/ebs.",
        AbsentMeans = "`encrypted` absent means false (the provider's documented default), and an absent `rootBlockDevice` or `blockDeviceMappings` leaves the volumes "
            + "to the AMI's snapshots, unencrypted unless the account has EBS encryption by default on, which a resource policy cannot see: both are violations. "
            + "An instance launched from a launch template without `rootBlockDevice` takes its root volume from the template, which this policy checks on its own. "
            + "Launch template mappings without `ebs` (instance store, `noDevice`) create no EBS volume and are skipped.",
        Tags = ["ec2", "ebs", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (context.Resource.Type == LaunchTemplateType)
        {
            EvaluateLaunchTemplate(context);
        }
        else
        {
            EvaluateInstance(context);
        }
    }

    private static void EvaluateInstance(ResourceContext context)
    {
        var root = context.Properties;

        // Guarded apart so an unknown root device does not hide an unencrypted data volume, nor the reverse.
        context.Guard(() =>
        {
            var roots = root.ItemPaths("rootBlockDevice");
            if (roots.Count == 0 && root.Known("launchTemplate") is null)
            {
                context.Report("rootBlockDevice is absent: the root volume takes the AMI snapshot's encryption, unencrypted unless the account encrypts by default; set rootBlockDevice.encrypted: true.");
            }

            context.Each(roots, path => CheckFlag(context, path, root.Known($"{path}.encrypted"), root.GetBool($"{path}.encrypted")));
        });
        context.Guard(() =>
            context.Each(root.ItemPaths("ebsBlockDevices"), path => CheckFlag(context, path, root.Known($"{path}.encrypted"), root.GetBool($"{path}.encrypted"))));
    }

    private static void EvaluateLaunchTemplate(ResourceContext context)
    {
        var root = context.Properties;
        var mappings = root.ItemPaths("blockDeviceMappings");
        if (mappings.Count == 0)
        {
            context.Report("blockDeviceMappings is absent: the volumes take the AMI snapshots' encryption, unencrypted unless the account encrypts by default; add a mapping with ebs.encrypted: \"true\".");
        }

        context.Each(mappings, path =>
        {
            if (root.Known($"{path}.ebs") is null)
            {
                return;
            }

            // The provider types this flag as a string ("true", "false" or "" for unset) so it can tell unset from false.
            var text = root.GetString($"{path}.ebs.encrypted");
            bool? encrypted = string.IsNullOrEmpty(text) ? null
                : bool.TryParse(text, out var parsed) ? parsed
                : throw new PolicyDataException($"{path}.ebs.encrypted", "expected \"true\", \"false\" or \"\"");
            CheckFlag(context, $"{path}.ebs", root.Known($"{path}.ebs.encrypted"), encrypted);
        });
    }

    private static void CheckFlag(ResourceContext context, string devicePath, PropertyValue? value, bool? encrypted)
    {
        if (encrypted == true)
        {
            return;
        }

        var device = DeviceName(context.Properties, devicePath);
        context.Report(value is null || encrypted is null
            ? $"{devicePath}{device}.encrypted is absent, which means false: the volume is created unencrypted."
            : $"{devicePath}{device}.encrypted is {value.Describe()}: the volume is created unencrypted.");
    }

    private static string DeviceName(PropertyValue root, string devicePath)
    {
        // A launch template's device name sits beside `ebs`, an instance's inside the device.
        var owner = devicePath.EndsWith(".ebs", StringComparison.Ordinal) ? devicePath[..^4] : devicePath;
        var name = root.Find($"{owner}.deviceName");
        return name is { Kind: ValueKind.String, IsSecret: false } ? $" ({name.StringValue})" : string.Empty;
    }
}
