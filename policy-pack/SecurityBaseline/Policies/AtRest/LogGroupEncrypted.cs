using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: CloudWatch log groups are encrypted with the company's KMS key.</summary>
public sealed class LogGroupEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.LogGroupEncrypted,
        Title = "CloudWatch log groups are encrypted with the company's key",
        Description = "Every CloudWatch log group must be encrypted with the company's KMS key (kmsKeyId).",
        Message = "The log group is not encrypted with the company's KMS key.",
        Control = "§7",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:cloudwatch/logGroup:LogGroup"],
        Help = "Set `kmsKeyId` to the ARN of the company's KMS key; its key policy must allow the `logs.<region>.amazonaws.com` service principal to use it for this log group.",
        AbsentMeans = "`kmsKeyId` absent means CloudWatch Logs encrypts with a key AWS owns and the company cannot control or revoke. "
            + "Logs hold personal data and §7 puts key material under the company's own custody, so absent is a violation.",
        Tags = ["cloudwatch", "logging", "encryption", "kms"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var key = context.Properties.Known("kmsKeyId");
        if (string.IsNullOrEmpty(context.Properties.GetString("kmsKeyId")))
        {
            context.Report(key is null
                ? "kmsKeyId is absent: the log group is encrypted only with a key AWS owns, not the company's KMS key."
                : $"kmsKeyId is {key.Describe()}: the log group is encrypted only with a key AWS owns, not the company's KMS key.");
        }
    }
}
