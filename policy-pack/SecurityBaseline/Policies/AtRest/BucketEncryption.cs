using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.AtRest;

/// <summary>One default-encryption rule of an S3 bucket: where it was read, its algorithm and its KMS key (null when the rule sets none).</summary>
internal sealed record BucketEncryptionRule(string Path, PropertyValue? Algorithm, PropertyValue? KmsKeyId);

/// <summary>Reads the default encryption an S3 bucket declares inline or a side-by-side configuration resource declares, across provider majors.</summary>
/// <remarks>
/// Shapes (pulumi-aws 6.83 and 7.48 SDKs):
/// `aws:s3/bucket:Bucket` (v6 legacy and v7) `serverSideEncryptionConfiguration.rule.applyServerSideEncryptionByDefault`;
/// `aws:s3/bucketV2:BucketV2` (v6) `serverSideEncryptionConfigurations[].rules[].applyServerSideEncryptionByDefaults[]`;
/// the side-by-side configuration (`…V2` in v6, un-suffixed in v7) `rules[].applyServerSideEncryptionByDefault`.
/// Each level is read under both its singular and plural name and as an object or a list, so a program
/// written for either major, or state exported by the other, reads the same.
/// </remarks>
internal static class BucketEncryption
{
    public const string BucketType = "aws:s3/bucket:Bucket";
    public const string BucketV2Type = "aws:s3/bucketV2:BucketV2";
    public const string ConfigurationType = "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration";
    public const string ConfigurationV2Type = "aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2";

    public static IReadOnlyList<string> BucketTypes { get; } = [BucketType, BucketV2Type];
    public static IReadOnlyList<string> ConfigurationTypes { get; } = [ConfigurationType, ConfigurationV2Type];

    /// <summary>The algorithms S3 accepts for default encryption.</summary>
    public static IReadOnlyList<string> Algorithms { get; } = ["AES256", "aws:kms", "aws:kms:dsse"];

    /// <summary>The rules a bucket declares inline, or null when it declares no encryption configuration.</summary>
    public static IReadOnlyList<BucketEncryptionRule>? Inline(PropertyValue bucket)
    {
        var configurations = Nodes(bucket, string.Empty, "serverSideEncryptionConfiguration", "serverSideEncryptionConfigurations");
        if (configurations.Count == 0)
        {
            return null;
        }

        var rules = new List<BucketEncryptionRule>();
        foreach (var (configuration, path) in configurations)
        {
            rules.AddRange(Rules(configuration, path, "rule", "rules"));
        }

        return rules;
    }

    /// <summary>The rules a side-by-side configuration resource declares.</summary>
    public static IReadOnlyList<BucketEncryptionRule> Declared(PropertyValue configuration) =>
        Rules(configuration, string.Empty, "rules", "rule");

    private static List<BucketEncryptionRule> Rules(PropertyValue parent, string parentPath, params string[] names)
    {
        var result = new List<BucketEncryptionRule>();
        var rules = Nodes(parent, parentPath, names);
        foreach (var (rule, path) in rules)
        {
            var defaults = Nodes(rule, path, "applyServerSideEncryptionByDefault", "applyServerSideEncryptionByDefaults");
            if (defaults.Count == 0)
            {
                result.Add(new BucketEncryptionRule(path, null, null));
            }

            foreach (var (byDefault, defaultPath) in defaults)
            {
                result.Add(new BucketEncryptionRule(defaultPath, Text(byDefault, defaultPath, "sseAlgorithm"), Text(byDefault, defaultPath, "kmsMasterKeyId")));
            }
        }

        // A configuration without rules declares no default: S3's own default applies, which the requirement judges.
        if (rules.Count == 0)
        {
            result.Add(new BucketEncryptionRule(PropertyDecoder.Join(parentPath, names[0]), null, null));
        }

        return result;
    }

    /// <summary>The objects under any of <paramref name="names"/>, each with its path; a list yields its items, an object itself.</summary>
    private static List<(PropertyValue Node, string Path)> Nodes(PropertyValue parent, string parentPath, params string[] names)
    {
        var nodes = new List<(PropertyValue, string)>();
        foreach (var name in names)
        {
            var path = PropertyDecoder.Join(parentPath, name);
            var value = parent[name];
            switch (value?.Kind)
            {
                case null or ValueKind.Null:
                    break;
                case ValueKind.Unknown:
                    throw new UnknownValueException(path);
                case ValueKind.Object:
                    nodes.Add((value, path));
                    break;
                case ValueKind.Array:
                    for (var i = 0; i < value.Items.Count; i++)
                    {
                        var item = value.Items[i];
                        var itemPath = $"{path}[{i}]";
                        if (item.IsUnknown)
                        {
                            throw new UnknownValueException(itemPath);
                        }

                        if (item.Kind == ValueKind.Object)
                        {
                            nodes.Add((item, itemPath));
                        }
                        else if (!item.IsNull)
                        {
                            throw new PolicyDataException(itemPath, $"expected an object, found {item.Kind}");
                        }
                    }

                    break;
                default:
                    throw new PolicyDataException(path, $"expected an object or a list, found {value.Kind}");
            }
        }

        return nodes;
    }

    /// <summary>A known, non-empty string field, or null when absent or empty.</summary>
    private static PropertyValue? Text(PropertyValue node, string nodePath, string name)
    {
        var value = node[name];
        var path = PropertyDecoder.Join(nodePath, name);
        return value?.Kind switch
        {
            null or ValueKind.Null => null,
            ValueKind.Unknown => throw new UnknownValueException(path),
            ValueKind.String or ValueKind.ResourceReference => string.IsNullOrEmpty(value.StringValue) ? null : value,
            _ => throw new PolicyDataException(path, $"expected a string, found {value.Kind}"),
        };
    }
}
