using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7 policies: no public buckets, blobs or share links.</summary>
internal static class PublicAccessPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new S3PublicAccessBlockFlags(),
        new S3PublicAccessBlockPresent(),
        new S3NoPublicAcl(),
        new S3BucketPolicyNotPublic(),
        new S3NoWebsiteHosting(),
        new AzureStorageNoPublicBlobAccess(),
        new AzureBlobContainerPrivate(),
        new ResourcePolicyNotPublic(),
    ];
}
