using Baseline.Settings;
using Pulumi;
using AccessAnalyzer = Pulumi.Aws.AccessAnalyzer;
using Cfg = Pulumi.Aws.Cfg;
using GuardDuty = Pulumi.Aws.GuardDuty;
using Iam = Pulumi.Aws.Iam;

namespace Baseline.Aws;

/// <summary>
/// The account's security services: an unused-access analyzer for the quarterly access review (§2), GuardDuty and an AWS
/// Config recorder delivering into the log bucket (§9). Each exists once per account (analyzer) or account and region.
/// </summary>
/// <remarks>
/// Class and argument names checked against the pulumi-aws .NET SDK (sdk/dotnet/AccessAnalyzer/Inputs/AnalyzerConfigurationArgs.cs,
/// AnalyzerConfigurationUnusedAccessArgs.cs, sdk/dotnet/Cfg/RecorderStatus.cs, Cfg/Inputs/RecorderRecordingGroupArgs.cs); the wire
/// names against the 7.48.0 declarations (accessanalyzer/analyzer.d.ts, guardduty/detector.d.ts, cfg/*.d.ts).
/// </remarks>
public sealed class AccountSecurity : ComponentResource
{
    public AccountSecurity(string name, StackSettings settings, Output<string> accountId, Storage storage, ComponentResourceOptions? options = null)
        : base("baseline:aws:AccountSecurity", name, options)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(storage);
        var child = new CustomResourceOptions { Parent = this };

        _ = new AccessAnalyzer.Analyzer($"{name}-unused-access", new AccessAnalyzer.AnalyzerArgs
        {
            AnalyzerName = $"{settings.NamePrefix}-unused-access",
            Type = SecurityDefaults.AccessAnalyzerType,
            Configuration = new AccessAnalyzer.Inputs.AnalyzerConfigurationArgs
            {
                UnusedAccess = new AccessAnalyzer.Inputs.AnalyzerConfigurationUnusedAccessArgs { UnusedAccessAge = settings.UnusedAccessAgeDays },
            },
            Tags = settings.Tags(),
        }, child);

        _ = new GuardDuty.Detector($"{name}-guardduty", new GuardDuty.DetectorArgs
        {
            Enable = true,
            FindingPublishingFrequency = SecurityDefaults.GuardDutyPublishingFrequency,
            Tags = settings.Tags(),
        }, child);

        // The recorder reads configurations through AWS's managed role policy and writes history into the log bucket.
        var role = new Iam.Role($"{name}-config", new Iam.RoleArgs
        {
            Description = "AWS Config records this account's configuration history",
            AssumeRolePolicy = accountId.Apply(id => PolicyDocuments.AssumeRoleBy("config.amazonaws.com", id)),
            Tags = settings.Tags(),
        }, child);
        var readConfiguration = new Iam.RolePolicyAttachment($"{name}-config-read", new Iam.RolePolicyAttachmentArgs
        {
            Role = role.Name,
            PolicyArn = PolicyDocuments.ConfigRecorderManagedPolicyArn(settings.AwsPartition),
        }, child);
        var deliver = new Iam.RolePolicy($"{name}-config-deliver", new Iam.RolePolicyArgs
        {
            Role = role.Id,
            Policy = Output.Tuple(storage.LogBucketArn, accountId).Apply(t => PolicyDocuments.DeliverConfigHistory(t.Item1, t.Item2)),
        }, child);

        var recorder = new Cfg.Recorder($"{name}-recorder", new Cfg.RecorderArgs
        {
            Name = settings.ConfigRecorderName,
            RoleArn = role.Arn,
            RecordingGroup = new Cfg.Inputs.RecorderRecordingGroupArgs { AllSupported = true, IncludeGlobalResourceTypes = true },
        }, new CustomResourceOptions { Parent = this, DependsOn = { readConfiguration } });

        // AWS Config refuses a delivery channel before the recorder exists, and starting a recorder without a channel.
        var channel = new Cfg.DeliveryChannel($"{name}-delivery", new Cfg.DeliveryChannelArgs
        {
            Name = settings.ConfigRecorderName,
            S3BucketName = storage.LogBucketName,
            S3KeyPrefix = LogPrefixes.Config,
        }, new CustomResourceOptions { Parent = this, DependsOn = { recorder, deliver } });

        _ = new Cfg.RecorderStatus($"{name}-recording", new Cfg.RecorderStatusArgs
        {
            Name = recorder.Name,
            IsEnabled = true,
        }, new CustomResourceOptions { Parent = this, DependsOn = { channel } });

        RegisterOutputs();
    }
}
