using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.PublicAccess;

/// <summary>§7: no S3 bucket or object ACL opens data to everyone or to every AWS account.</summary>
public sealed class S3NoPublicAcl : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.S3NoPublicAcl,
        Title = "S3 ACLs are never public",
        Description = "S3 bucket and object ACLs must not use a public canned ACL or grant anything to the AllUsers or AuthenticatedUsers groups.",
        Message = "The S3 ACL makes data public.",
        Control = "§7",
        Severity = Severity.Critical,
        ResourceTypes =
        [
            "aws:s3/bucketAcl:BucketAcl",
            "aws:s3/bucketAclV2:BucketAclV2",
            "aws:s3/bucket:Bucket",
            "aws:s3/bucketV2:BucketV2",
            "aws:s3/bucketObject:BucketObject",
            "aws:s3/bucketObjectv2:BucketObjectv2",
        ],
        Help = "Use `acl: \"private\"` (or drop `acl`) and remove grants whose grantee `uri` is http://acs.amazonaws.com/groups/global/AllUsers or …/AuthenticatedUsers; prefer `aws.s3.BucketOwnershipControls` with `objectOwnership: \"BucketOwnerEnforced\"` so ACLs are ignored.",
        AbsentMeans = "`acl` absent means `private` (the S3 default); `grants` / `accessControlPolicy.grants` absent means only the owner has access. Both are compliant.",
        Tags = ["s3", "public-access", "acl"],
    };

    /// <summary>Canned ACLs that grant the AllUsers or AuthenticatedUsers group access.</summary>
    private static readonly string[] PublicCannedAcls = ["public-read", "public-read-write", "authenticated-read"];

    /// <summary>The group grantees that stand for anyone on the internet and for any AWS account.</summary>
    private static readonly string[] PublicGroups = ["acs.amazonaws.com/groups/global/AllUsers", "acs.amazonaws.com/groups/global/AuthenticatedUsers"];

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        var properties = context.Properties;
        context.Guard(() =>
        {
            var acl = properties.Known("acl");
            var canned = properties.GetString("acl");
            if (acl is null || !PublicCannedAcls.Contains(canned, StringComparer.OrdinalIgnoreCase))
            {
                return;
            }

            var consequence = (acl.IsSecret ? null : canned!.ToUpperInvariant()) switch
            {
                "PUBLIC-READ" => "everyone on the internet can read",
                "PUBLIC-READ-WRITE" => "everyone on the internet can read and write",
                "AUTHENTICATED-READ" => "every AWS account can read",
                _ => "a public group gets access",
            };
            context.Report($"acl is {acl.Describe()}: with that canned ACL {consequence}.");
        });

        // Buckets (v6 BucketV2, v6 legacy Bucket and v7 Bucket) list grants flat; BucketAcl nests them with a grantee.
        CheckGrants(context, "grants", granteePath: null);
        CheckGrants(context, "accessControlPolicy.grants", granteePath: "grantee");
    }

    private static void CheckGrants(ResourceContext context, string path, string? granteePath)
    {
        IReadOnlyList<PropertyValue> grants = [];
        context.Guard(() => grants = context.Properties.GetList(path));
        context.Each(Enumerable.Range(0, grants.Count), index =>
        {
            var at = $"{path}[{index}]";
            try
            {
                CheckGrant(context, grants[index], at, granteePath);
            }
            catch (UnknownValueException unknown)
            {
                // Name the whole path so the reason says which grant is still unknown.
                throw new UnknownValueException(unknown.PropertyPath == "(value)" ? at : $"{at}.{unknown.PropertyPath}");
            }
        });
    }

    private static void CheckGrant(ResourceContext context, PropertyValue grant, string at, string? granteePath)
    {
        var uriPath = granteePath is null ? "uri" : $"{granteePath}.uri";
        var uri = grant.Known(uriPath);
        var uriText = grant.GetString(uriPath);
        var group = PublicGroups.FirstOrDefault(g => uriText?.Contains(g, StringComparison.OrdinalIgnoreCase) == true);
        if (uri is null || group is null)
        {
            return;
        }

        var permissions = granteePath is null
            ? string.Join(", ", grant.GetList("permissions").Select(p => p.Describe()))
            : grant.Known("permission")?.Describe() ?? "(none)";
        var audience = uri.IsSecret ? "a public group"
            : group.EndsWith("/AllUsers", StringComparison.Ordinal) ? "everyone on the internet" : "every AWS account";
        context.Report($"{at}.{uriPath} is {uri.Describe()} (permission {permissions}): the grant opens the data to {audience}.");
    }
}
