using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: DynamoDB tables are encrypted, with the company's own KMS key when configured.</summary>
public sealed class DynamoDbTableEncrypted : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.DynamoDbTableEncrypted,
        Title = "DynamoDB tables are encrypted with the required key",
        Description = "Every DynamoDB table is encrypted at rest; when requireCustomerManagedKey is on, with the company's own KMS key on the table and every replica.",
        Message = "The DynamoDB table is not encrypted with the company's own KMS key.",
        Control = "§7",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:dynamodb/table:Table"],
        ConfigSchema = """
            {
              "requireCustomerManagedKey": {
                "type": "boolean",
                "description": "Require serverSideEncryption.enabled: true with kmsKeyArn set to the company's own KMS key (not alias/aws/dynamodb), and kmsKeyArn on every replica.",
                "default": false
              }
            }
            """,
        Help = "Set `serverSideEncryption: { enabled: true, kmsKeyArn: <the company's KMS key ARN> }`, and `kmsKeyArn` on every `replicas[]` item with the key of that replica's region.",
        AbsentMeans = "DynamoDB encrypts every table at rest: `serverSideEncryption` absent or `enabled: false` means an AWS-owned key, and `enabled: true` without `kmsKeyArn` means the AWS-managed key alias/aws/dynamodb. "
            + "All of these pass by default; with requireCustomerManagedKey they are violations.",
        Tags = ["dynamodb", "encryption", "kms"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (!context.Parameters.GetBool("requireCustomerManagedKey", fallback: false))
        {
            return;
        }

        var root = context.Properties;
        var settings = root.GetList("serverSideEncryption");
        if (settings.Count == 0)
        {
            context.Report("serverSideEncryption is absent, so DynamoDB uses an AWS-owned key; requireCustomerManagedKey needs enabled: true with kmsKeyArn set to the company's KMS key.");
            return;
        }

        var path = root.Known("serverSideEncryption")!.Kind == ValueKind.Array ? "serverSideEncryption[0]" : "serverSideEncryption";
        var enabled = root.Known($"{path}.enabled");
        if (root.GetBool($"{path}.enabled") != true)
        {
            context.Report($"{path}.enabled is {enabled?.Describe() ?? "absent"}, so DynamoDB uses an AWS-owned key; requireCustomerManagedKey needs enabled: true with kmsKeyArn set to the company's KMS key.");
            return;
        }

        CheckKey(context, $"{path}.kmsKeyArn", "the table");
        var replicas = root.Known("replicas");
        var indexes = replicas?.Kind == ValueKind.Array ? Enumerable.Range(0, replicas.Items.Count).Where(i => !replicas.Items[i].IsNull) : [];
        context.Each(indexes, i => CheckKey(context, $"replicas[{i}].kmsKeyArn", "the replica"));
    }

    private static void CheckKey(ResourceContext context, string path, string what)
    {
        var key = context.Properties.Known(path);
        var text = context.Properties.GetString(path);
        if (string.IsNullOrEmpty(text))
        {
            context.Report($"{path} is absent, so {what} uses the AWS-managed key alias/aws/dynamodb; requireCustomerManagedKey needs the company's KMS key.");
        }
        else if (AwsManagedKey.Is(text))
        {
            context.Report($"{path} is {key!.Describe()}, an AWS-managed key; requireCustomerManagedKey needs the company's KMS key.");
        }
    }
}
