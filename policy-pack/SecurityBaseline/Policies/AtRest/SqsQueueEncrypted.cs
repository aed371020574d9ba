using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: SQS queues encrypt their messages at rest.</summary>
public sealed class SqsQueueEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.SqsQueueEncrypted,
        Title = "SQS queues are encrypted",
        Description = "Every SQS queue must encrypt messages at rest, with SSE-KMS (kmsMasterKeyId) or SQS-managed SSE, never with encryption switched off.",
        Message = "The SQS queue stores messages unencrypted.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = ["aws:sqs/queue:Queue"],
        Help = "Set `kmsMasterKeyId` to the company's KMS key ARN (preferred), or leave `sqsManagedSseEnabled` unset or `true`; never set `sqsManagedSseEnabled: false` without `kmsMasterKeyId`.",
        AbsentMeans = "Both absent: SQS enables SSE-SQS on every queue created without encryption attributes (the default since October 2022), and the provider sends none, so the queue is encrypted: compliant. "
            + "`sqsManagedSseEnabled: false` without `kmsMasterKeyId` switches encryption off: a violation.",
        Tags = ["sqs", "encryption"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var root = context.Properties;
        if (!string.IsNullOrEmpty(root.GetString("kmsMasterKeyId")))
        {
            return;
        }

        var managed = root.Known("sqsManagedSseEnabled");
        if (root.GetBool("sqsManagedSseEnabled") == false)
        {
            context.Report($"sqsManagedSseEnabled is {managed!.Describe()} and kmsMasterKeyId is absent: the queue stores messages unencrypted.");
        }
    }
}
