using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Logging;

namespace SecurityBaseline.Tests.Policies.Logging;

public class LogGroupRetentionTests
{
    private const string LogGroup = "aws:cloudwatch/logGroup:LogGroup";
    private readonly LogGroupRetention policy = new();

    [Theory]
    [InlineData("""{"name":"/app/api","retentionInDays":365}""")]
    [InlineData("""{"name":"/app/api","retentionInDays":0}""")]
    [InlineData("""{"name":"/app/api"}""")]
    public void AwsLogGroup_WhenRetainedAYearOrForever_ShouldPass(string inputs) =>
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, LogGroup, inputs).Outcome);

    [Fact]
    public void AwsLogGroup_WhenRetainedAMonth_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"name":"/app/api","retentionInDays":30}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("retentionInDays is 30, fewer than the minimum of 365", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsLogGroup_WhenMinimumConfiguredLower_ShouldPassAMonth()
    {
        var result = Fixtures.Evaluate(policy, LogGroup, """{"retentionInDays":30}""", """{"log-group-retention":{"minRetentionDays":30}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
