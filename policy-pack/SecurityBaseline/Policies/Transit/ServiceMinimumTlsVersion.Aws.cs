using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class ServiceMinimumTlsVersion
{
    private static IEnumerable<Requirement> AwsRows => [];
}
