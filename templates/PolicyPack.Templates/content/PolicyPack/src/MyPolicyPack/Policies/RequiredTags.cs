using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace MyPolicyPack.Policies;

/// <summary>Taggable resources carry every tag the company needs to find their owner and their bill.</summary>
public sealed class RequiredTags : ResourcePolicy
{
    /// <summary>The policy's metadata: Pulumi shows the id, description and level; `policies` prints all of it.</summary>
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = "required-tags",
        Title = "Resources carry the required tags",
        Description = "Taggable resources must carry every tag named by the `tags` parameter, each with a non-empty value.",
        Message = "The resource lacks a required tag.",
        Control = "tagging",
        Severity = Severity.Medium,
        DefaultEnforcement = EnforcementLevel.Mandatory,
        // Type tokens as the providers declare them (`__pulumiType`); add the resources your stacks create.
        ResourceTypes =
        [
            "aws:s3/bucket:Bucket",
            "aws:ec2/instance:Instance",
            "aws:ec2/vpc:Vpc",
            "azure-native:resources:ResourceGroup",
            "azure-native:storage:StorageAccount",
        ],
        // The parameter's JSON schema: `--policy-pack-config` / `scan --config` values are validated against it,
        // and `default` applies when the configuration does not set it.
        ConfigSchema = """
            {
              "tags": {
                "type": "array",
                "items": { "type": "string", "minLength": 1 },
                "minItems": 1,
                "description": "The tag keys every covered resource must carry (case-sensitive).",
                "default": ["owner"]
              }
            }
            """,
        Help = "Add the missing keys to the resource's `tags`, e.g. `Tags = { [\"owner\"] = \"team-payments\" }`.",
        AbsentMeans = "No `tags` means no tag at all: every required tag is missing. Tags an AWS provider adds through `defaultTags` are not resource inputs and do not count.",
        Tags = ["tagging", "cost"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        // Known() throws on an unknown `tags` (computed during a preview); the engine then reports "not applicable".
        var tags = context.Properties.Known("tags");
        foreach (var key in context.Parameters.GetStrings("tags"))
        {
            // The indexer, not a path: tag keys may contain dots and slashes ("kubernetes.io/cluster").
            var value = tags?[key];
            if (value is null || value.IsNull)
            {
                context.Report($"tag \"{key}\" is missing.");
            }
            else if (value.IsUnknown)
            {
                context.RecordUnknown($"tags[\"{key}\"]");
            }
            else if (value.Kind == ValueKind.String && string.IsNullOrWhiteSpace(value.StringValue))
            {
                // Describe() never prints a secret's value.
                context.Report($"tag \"{key}\" is {value.Describe()}: it needs a non-empty value.");
            }
        }
    }
}
