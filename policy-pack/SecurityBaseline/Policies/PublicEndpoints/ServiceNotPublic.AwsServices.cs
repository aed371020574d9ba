using SecurityBaseline.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

public sealed partial class ServiceNotPublic
{
    private static IEnumerable<Requirement> AwsServiceRows => [];
}
