using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Keys;

/// <summary>§7 policies: key custody and secrets.</summary>
internal static class KeyPolicies
{
    public static IReadOnlyList<Policy> All { get; } =
    [
        new KmsKeyRotation(),
        new KmsKeyPolicyNotPublic(),
        new KmsKeyLockoutCheckKept(),
        new KeyVaultRecoverable(),
        new SecretsNotPlaintext(),
    ];
}
