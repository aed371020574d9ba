using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>The four switches of an S3 public access block (bucket- or account-level), each false when absent.</summary>
public static class PublicAccessBlockSettings
{
    public const string BucketBlockType = "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock";
    public const string AccountBlockType = "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock";

    /// <summary>The flags in the order AWS documents them; all four must be true for the block to close every public path.</summary>
    public static IReadOnlyList<string> Flags { get; } = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    /// <summary>What is wrong with one flag (`blockPublicPolicy is false`), or null when it is on; throws when it is unknown.</summary>
    public static string? Problem(PropertyValue block, string flag) =>
        // The provider's default for every flag is false, so absent counts as off.
        block.GetBool(flag) switch
        {
            true => null,
            false => $"{flag} is false",
            null => $"{flag} is absent (defaults to false)",
        };

    /// <summary>The problems of every flag that is not on; throws when a flag is unknown.</summary>
    public static IReadOnlyList<string> FlagsNotOn(PropertyValue block) =>
        Flags.Select(flag => Problem(block, flag)).OfType<string>().ToArray();
}
