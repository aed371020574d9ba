namespace SecurityBaseline.Policies;

/// <summary>Every policy id of the pack, in one place: ids are stable, never reused, kebab-case.</summary>
public static class PolicyIds
{
    // §7 Encryption and storage — keys
    public const string KmsKeyRotation = "kms-key-rotation-enabled";
}
