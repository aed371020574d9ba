using Baseline.Settings;
using Pulumi;
using Kms = Pulumi.Aws.Kms;

namespace Baseline.Aws;

/// <summary>The stack's customer-managed KMS key: rotated yearly, its policy limited to this account and the services that encrypt with it (§7, §8).</summary>
public sealed class Keys : ComponentResource
{
    public Keys(string name, StackSettings settings, Output<string> accountId, ComponentResourceOptions? options = null)
        : base("baseline:aws:Keys", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var child = new CustomResourceOptions { Parent = this };
        var key = new Kms.Key($"{name}-cmk", new Kms.KeyArgs
        {
            Description = $"{settings.NamePrefix}: data bucket, log groups and CloudTrail",
            EnableKeyRotation = true,
            RotationPeriodInDays = SecurityDefaults.KeyRotationPeriodDays,
            DeletionWindowInDays = SecurityDefaults.KeyDeletionWindowDays,
            Policy = accountId.Apply(id => PolicyDocuments.KeyPolicy(id, settings.AwsRegion, settings.AwsPartition, settings.TrailName)),
            Tags = settings.Tags(),
        }, child);

        _ = new Kms.Alias($"{name}-alias", new Kms.AliasArgs
        {
            Name = $"alias/{settings.NamePrefix}",
            TargetKeyId = key.KeyId,
        }, child);

        KeyArn = key.Arn;
        RegisterOutputs();
    }

    public Output<string> KeyArn { get; }
}
