using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7: KMS keeps its key-policy lockout safety check, so no policy can lock the company's own services out of a key.</summary>
public sealed class KmsKeyLockoutCheckKept : ResourcePolicy
{
    public static readonly PolicyDescriptor Rule = new()
    {
        Id = PolicyIds.KmsKeyLockoutCheckKept,
        Title = "KMS key policy lockout safety check is kept",
        Description = "KMS keys and key policies must not bypass the policy lockout safety check.",
        Message = "The KMS policy lockout safety check is bypassed.",
        Control = "§7",
        Severity = Severity.Medium,
        ResourceTypes = ["aws:kms/key:Key", "aws:kms/keyPolicy:KeyPolicy"],
        Help = "Remove `bypassPolicyLockoutSafetyCheck` or set it to `false`; fix the key policy so that the principal applying it keeps `kms:PutKeyPolicy`.",
        AbsentMeans = "`bypassPolicyLockoutSafetyCheck` absent means false (KMS runs the safety check): compliant.",
        Tags = ["kms", "key-policy"],
    };

    public override PolicyDescriptor Descriptor => Rule;

    public override void Evaluate(ResourceContext context)
    {
        if (context.Properties.GetBool("bypassPolicyLockoutSafetyCheck") == true)
        {
            context.Report("bypassPolicyLockoutSafetyCheck is true: KMS accepts a key policy that can make the key unmanageable by the account.");
        }
    }
}
