using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: SNS topics encrypt their messages at rest.</summary>
public sealed class SnsTopicEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.SnsTopicEncrypted,
        Title = "SNS topics are encrypted",
        Description = "Every SNS topic must encrypt messages at rest with a KMS key (kmsMasterKeyId).",
        Message = "The SNS topic stores messages unencrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:sns/topic:Topic"],
        Help = "Set `kmsMasterKeyId` to the company's KMS key ARN (its key policy must let the publishing services use it); `alias/aws/sns` also encrypts, but its key policy cannot be changed, so services such as CloudWatch alarms or EventBridge cannot publish to the topic.",
        AbsentMeans = "`kmsMasterKeyId` absent means no server-side encryption: SNS encrypts a topic only when a key is set, so absent is a violation.",
        Tags = ["sns", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var key = context.Properties.Known("kmsMasterKeyId");
        if (string.IsNullOrEmpty(context.Properties.GetString("kmsMasterKeyId")))
        {
            context.Report(key is null
                ? "kmsMasterKeyId is absent: the topic stores messages without server-side encryption."
                : $"kmsMasterKeyId is {key.Describe()}: the topic stores messages without server-side encryption.");
        }
    }
}
