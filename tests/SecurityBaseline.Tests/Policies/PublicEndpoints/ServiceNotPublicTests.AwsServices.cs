using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class ServiceNotPublicTests
{
    public static RowCases AwsServiceCases { get; } = new RowCases()
        .Pass("aws:sagemaker/domain:Domain", """{"domainName":"research","authMode":"IAM","vpcId":"vpc-0123456789abcdef0","subnetIds":["subnet-0123456789abcdef0"],"appNetworkAccessType":"VpcOnly","defaultUserSettings":{"executionRole":"arn:aws:iam::111122223333:role/studio"}}""")
        .Fail("aws:sagemaker/domain:Domain", "appNetworkAccessType is absent", """{"domainName":"research","authMode":"IAM","vpcId":"vpc-0123456789abcdef0","subnetIds":["subnet-0123456789abcdef0"],"defaultUserSettings":{"executionRole":"arn:aws:iam::111122223333:role/studio"}}""")
        .Fail("aws:sagemaker/domain:Domain", "appNetworkAccessType is \"PublicInternetOnly\"", """{"domainName":"research","authMode":"SSO","vpcId":"vpc-0123456789abcdef0","subnetIds":["subnet-0123456789abcdef0"],"appNetworkAccessType":"PublicInternetOnly","defaultUserSettings":{"executionRole":"arn:aws:iam::111122223333:role/studio"}}""")
        .Pass("aws:sagemaker/model:Model", """{"name":"scoring","executionRoleArn":"arn:aws:iam::111122223333:role/sagemaker","primaryContainer":{"image":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/scoring:1"},"vpcConfig":{"subnets":["subnet-0123456789abcdef0"],"securityGroupIds":["sg-0123456789abcdef0"]}}""")
        .Fail("aws:sagemaker/model:Model", "vpcConfig is absent", """{"name":"scoring","executionRoleArn":"arn:aws:iam::111122223333:role/sagemaker","primaryContainer":{"image":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/scoring:1"}}""")
        .Fail("aws:sagemaker/model:Model", "vpcConfig is absent", """{"name":"scoring","executionRoleArn":"arn:aws:iam::111122223333:role/sagemaker","primaryContainer":{"image":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/scoring:1"},"enableNetworkIsolation":false}""")
        .NotApplicable("aws:sagemaker/model:Model", "enableNetworkIsolation", """{"name":"scoring","executionRoleArn":"arn:aws:iam::111122223333:role/sagemaker","primaryContainer":{"image":"111122223333.dkr.ecr.eu-west-1.amazonaws.com/scoring:1"},"enableNetworkIsolation":true}""")
        .Pass("aws:sagemaker/notebookInstance:NotebookInstance", """{"name":"analysis","roleArn":"arn:aws:iam::111122223333:role/sagemaker","instanceType":"ml.t3.medium","directInternetAccess":"Disabled","subnetId":"subnet-0123456789abcdef0","securityGroups":["sg-0123456789abcdef0"]}""")
        .Fail("aws:sagemaker/notebookInstance:NotebookInstance", "directInternetAccess is absent", """{"name":"analysis","roleArn":"arn:aws:iam::111122223333:role/sagemaker","instanceType":"ml.t3.medium"}""")
        .Fail("aws:sagemaker/notebookInstance:NotebookInstance", "directInternetAccess is \"Enabled\"", """{"name":"analysis","roleArn":"arn:aws:iam::111122223333:role/sagemaker","instanceType":"ml.t3.medium","directInternetAccess":"Enabled"}""");

    [Theory]
    [MemberData(nameof(AwsServiceCases))]
    public void AwsServiceRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
