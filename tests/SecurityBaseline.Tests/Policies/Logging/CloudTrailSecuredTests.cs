using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class CloudTrailSecuredTests
{
    private const string Trail = "aws:cloudtrail/trail:Trail";
    private const string Secure = """{"s3BucketName":"acme-trail","isMultiRegionTrail":true,"enableLogFileValidation":true,"kmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab","cloudWatchLogsGroupArn":"arn:aws:logs:eu-west-1:123456789012:log-group:trail:*","cloudWatchLogsRoleArn":"arn:aws:iam::123456789012:role/trail-logs"}""";
    private readonly CloudTrailSecured policy = new();

    public static RowCases Cases { get; } = new RowCases()
        .Pass("aws:cloudtrail/trail:Trail", Secure)
        .Fail("aws:cloudtrail/trail:Trail", "isMultiRegionTrail is false", """{"s3BucketName":"acme-trail","isMultiRegionTrail":false,"enableLogFileValidation":true,"kmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/k","cloudWatchLogsGroupArn":"arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"}""")
        .Fail("aws:cloudtrail/trail:Trail", "enableLogFileValidation is absent", """{"s3BucketName":"acme-trail","isMultiRegionTrail":true,"kmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/k","cloudWatchLogsGroupArn":"arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"}""")
        .Fail("aws:cloudtrail/trail:Trail", "kmsKeyId is absent", """{"s3BucketName":"acme-trail","isMultiRegionTrail":true,"enableLogFileValidation":true,"cloudWatchLogsGroupArn":"arn:aws:logs:eu-west-1:123456789012:log-group:trail:*"}""")
        .Fail("aws:cloudtrail/trail:Trail", "cloudWatchLogsGroupArn is absent", """{"s3BucketName":"acme-trail","isMultiRegionTrail":true,"enableLogFileValidation":true,"kmsKeyId":"arn:aws:kms:eu-west-1:123456789012:key/k"}""");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Row_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);

    [Fact]
    public void Trail_WhenEverySettingIsMissing_ShouldReportAllFour()
    {
        var result = Fixtures.Evaluate(policy, Trail, """{"s3BucketName":"acme-trail"}""");
        Assert.Equal(4, result.Messages.Count);
    }
}
