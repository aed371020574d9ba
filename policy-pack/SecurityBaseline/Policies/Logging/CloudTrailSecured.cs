using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Logging;

/// <summary>§9: CloudTrail records every region, proves its log files untouched, encrypts them with the company's key and feeds the alarms.</summary>
public sealed class CloudTrailSecured : ControlPolicy
{
    private const string Trail = "aws:cloudtrail/trail:Trail";

    private static readonly Requirement[] Rows =
    [
        new()
        {
            Type = Trail,
            Path = "isMultiRegionTrail",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): only the trail's own region is recorded"),
            Problem = "API calls in the other regions leave no audit record, so activity there goes unseen.",
            Fix = "Set `isMultiRegionTrail: true`.",
        },
        new()
        {
            Type = Trail,
            Path = "enableLogFileValidation",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): no digest files"),
            Problem = "a log file altered or deleted after delivery cannot be detected.",
            Fix = "Set `enableLogFileValidation: true`.",
        },
        new()
        {
            Type = Trail,
            Path = "kmsKeyId",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("SSE-S3 with a key AWS owns"),
            Problem = "anyone who can read the log bucket reads the audit trail; the company's key does not guard it.",
            Fix = "Set `kmsKeyId` to the ARN of the company's KMS key (its key policy must let cloudtrail.amazonaws.com encrypt).",
        },
        new()
        {
            Type = Trail,
            Path = "cloudWatchLogsGroupArn",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no delivery to CloudWatch Logs"),
            Problem = "no metric filter or alarm sees the trail's events, so suspicious actions raise no alarm.",
            Fix = "Set `cloudWatchLogsGroupArn` (`<log group ARN>:*`) and `cloudWatchLogsRoleArn`.",
        },
    ];

    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.CloudTrailSecured,
        Title = "CloudTrail trails are multi-region, validated, encrypted and monitored",
        Description = "Every CloudTrail trail must record all regions, validate its log files, encrypt them with a KMS key and deliver them to CloudWatch Logs.",
        Message = "The trail leaves part of the audit record unrecorded, unprotected or unmonitored.",
        Control = "§9",
        Severity = Severity.High,
        ResourceTypes = Requirement.TypesOf(Rows),
        Requirements = Rows,
        Help = "Set `isMultiRegionTrail: true`, `enableLogFileValidation: true`, `kmsKeyId` to the company's key and `cloudWatchLogsGroupArn` with `cloudWatchLogsRoleArn`.",
        AbsentMeans = "Each of the four inputs absent takes the provider's default (single region, no validation, SSE-S3, no CloudWatch delivery): a violation.",
        Tags = ["cloudtrail", "logging", "audit"],
    };

    public override PolicyDescriptor Descriptor => Rule;
}
