using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

public sealed partial class ServiceNotPublic
{
    private const string SageMakerDomain = "aws:sagemaker/domain:Domain";
    private const string SageMakerModel = "aws:sagemaker/model:Model";
    private const string SageMakerNotebookInstance = "aws:sagemaker/notebookInstance:NotebookInstance";

    private static IEnumerable<Requirement> AwsServiceRows =>
    [
        new()
        {
            Type = SageMakerDomain,
            Path = "appNetworkAccessType",
            Expect = Must.BeOneOf("VpcOnly"),
            Absent = AbsentReading.Fails("\"PublicInternetOnly\" (the provider's default)"),
            Problem = "the Studio apps reach the internet directly, outside the company's VPC controls.",
            Fix = "Set `appNetworkAccessType: \"VpcOnly\"` and reach AWS services through VPC endpoints.",
        },
        new()
        {
            Type = SageMakerModel,
            Path = "vpcConfig",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no VPC: the containers run with the SageMaker service network's internet access"),
            Problem = "the model's containers reach the internet directly, outside the company's VPC controls.",
            Fix = "Set `vpcConfig` with the company's private `subnets` and `securityGroupIds`, or `enableNetworkIsolation: true`.",

            // A network-isolated container has no network at all, so there is nothing to place in a VPC.
            When = new Condition("enableNetworkIsolation", Must.Be(false), WhenAbsent: true),
        },
        new()
        {
            Type = SageMakerNotebookInstance,
            Path = "directInternetAccess",
            Expect = Must.BeOneOf("Disabled"),
            Absent = AbsentReading.Fails("\"Enabled\" (the provider's default)"),
            Problem = "the notebook instance has direct internet access outside the company's VPC controls.",
            Fix = "Set `directInternetAccess: \"Disabled\"` with `subnetId` and `securityGroups` in the company's VPC.",
        },
    ];
}
