using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class TransitEncryptionEnabled
{
    private static IEnumerable<Requirement> AwsServiceRows => [];
}
