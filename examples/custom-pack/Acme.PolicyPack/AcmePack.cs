using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies;

namespace Acme.PolicyPack;

/// <summary>The Acme pack: its two policies and every security-baseline policy, under one name, version and framework.</summary>
public static class AcmePack
{
    public const string Name = "acme-policy-pack";

    /// <summary>The pack's version; the Cli project file and PulumiPolicy.yaml say the same (a test checks).</summary>
    public const string Version = "0.1.0";

    /// <summary>Acme's own policies, before the security-baseline ones are added.</summary>
    public static IReadOnlyList<Policy> Own { get; } = [new RequiredTags(), new AllowedRegions()];

    public static PackDefinition Definition { get; } = new()
    {
        Name = Name,
        Version = Version,
        DisplayName = "Acme policy pack",
        Description = "Acme's tagging and data-residency rules on top of the security baseline: owner and data-classification tags, allowed regions, and every security-baseline policy.",
        PolicyDocs = "examples/custom-pack/README.md",
        Policies = [.. Own, .. PolicyCatalog.All],
        Controls = AcmeControls.Framework,

        // A stack sets these once in Pulumi.<stack>.yaml: `acme-policy-pack:allowedCidrs` and `acme-policy-pack:allowedRegions`.
        StackParameters = [PolicyCatalog.AllowedCidrsParameter, AllowedRegions.AllowedRegionsParameter],
    };
}
