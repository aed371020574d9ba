using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.AtRest;

public sealed partial class DataEncryptedAtRest
{
    private static IEnumerable<Requirement> AwsServiceRows => [];
}
