using MyPolicyPack.Policies;
using PolicyPack.Sdk.Engine;

namespace MyPolicyPack;

/// <summary>The pack: its name as Pulumi shows it, its version and every policy it runs.</summary>
public static class MyPack
{
    /// <summary>The pack definition the executable serves and the tests evaluate.</summary>
    public static PackDefinition Definition { get; } = new()
    {
        Name = "my-policy-pack",
        // Keep equal to `version` in PulumiPolicy.yaml, which Pulumi prefers when both are present.
        Version = "0.1.0",
        DisplayName = "MyPolicyPack",
        Description = "Policies of my-policy-pack, written in C# with PolicyPack.Sdk.",
        // List every policy explicitly: trimming and NativeAOT keep only what is referenced.
        Policies = [new RequiredTags()],
    };
}
