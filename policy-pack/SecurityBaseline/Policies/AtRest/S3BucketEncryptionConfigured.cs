using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>§7: every S3 bucket of the stack ends up with default encryption that meets the pack's KMS requirements, wherever it is declared.</summary>
public sealed class S3BucketEncryptionConfigured : StackPolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3BucketEncryptionConfigured,
        Title = "Every S3 bucket's effective default encryption meets the KMS requirements",
        Description = "Every bucket's effective default encryption, from its BucketServerSideEncryptionConfiguration resource or else its inline configuration, must meet requireKms and requireCustomerManagedKey.",
        Message = "The bucket's effective default encryption does not meet the encryption-at-rest requirements.",
        Control = "§7",
        Severity = Severity.High,
        ResourceTypes = [BucketEncryption.BucketType, BucketEncryption.BucketV2Type],
        ConfigSchema = BucketEncryptionRequirement.Schema,
        Help = "Declare an `aws.s3.BucketServerSideEncryptionConfiguration` whose `bucket` is the bucket (pass the bucket's output so Pulumi records the dependency) "
            + "with `rules[0].applyServerSideEncryptionByDefault.sseAlgorithm: \"aws:kms\"` and `kmsMasterKeyId` set to the company's KMS key ARN.",
        AbsentMeans = "A bucket with no configuration anywhere gets S3's default SSE-S3 (AES256): S3 encrypts every new object of every bucket since 2023-01-05, "
            + "so that is compliant unless requireKms or requireCustomerManagedKey is on, when it is a violation. "
            + "A configuration resource overrides the inline configuration (the provider reads the inline block back from AWS, so it shows S3's default until refreshed).",
        Tags = ["s3", "encryption", "kms"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(StackContext context)
    {
        var requirement = BucketEncryptionRequirement.From(context.Parameters);
        var configurationsByBucket = new Dictionary<string, List<PulumiResource>>(StringComparer.Ordinal);

        // A configuration whose bucket is not known yet may belong to any bucket; then a bucket that looks unconfigured is undecided, not bare.
        var unresolved = false;
        foreach (var configuration in context.Stack.OfType(BucketEncryption.ConfigurationTypes))
        {
            var buckets = context.Stack.Referenced(configuration, "bucket")
                .Where(r => BucketEncryption.BucketTypes.Contains(r.Type, StringComparer.Ordinal))
                .ToArray();
            if (buckets.Length == 0 && configuration["bucket"] is { IsUnknown: true })
            {
                unresolved = true;
                context.Guard(() => throw new UnknownValueException($"{configuration.Name}.bucket"));
            }

            foreach (var bucket in buckets)
            {
                if (!configurationsByBucket.TryGetValue(bucket.Urn, out var list))
                {
                    configurationsByBucket[bucket.Urn] = list = [];
                }

                list.Add(configuration);
            }
        }

        context.Each(context.Stack.OfType(BucketEncryption.BucketTypes), bucket =>
        {
            if (configurationsByBucket.TryGetValue(bucket.Urn, out var configurations))
            {
                // One message per bucket naming at most a few configurations: a stack where n buckets and n configurations
                // share one `bucket` value would otherwise get n messages per bucket, n² in the report.
                var falling = new CompanionList();
                foreach (var configuration in configurations)
                {
                    var problems = BucketEncryption.Declared(configuration.Root)
                        .Select(requirement.Problem).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
                    if (problems.Count > 0)
                    {
                        falling.Add($"{configuration.Type} \"{configuration.Name}\": {string.Join(" ", problems)}");
                    }
                }

                if (!falling.IsEmpty)
                {
                    context.Report(bucket, falling.Join(" "));
                }

                return;
            }

            var inline = BucketEncryption.Inline(bucket.Root);
            if (inline is not null)
            {
                foreach (var rule in inline)
                {
                    if (requirement.Problem(rule) is { } problem)
                    {
                        context.Report(bucket, problem);
                    }
                }

                return;
            }

            if (!unresolved && requirement.ProblemWithS3Default() is { } bare)
            {
                context.Report(bucket, bare);
            }
        });
    }
}
