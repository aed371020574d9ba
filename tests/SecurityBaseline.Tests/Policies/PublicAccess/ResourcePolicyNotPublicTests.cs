using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class ResourcePolicyNotPublicTests
{
    private const string SecretSignature = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";
    private readonly ResourcePolicyNotPublic policy = new();

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    private static string Document(string resource, string action, string condition = "") =>
        Quote("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Open\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"" + action + "\",\"Resource\":\"" + resource + "\"" + condition + "}]}");

    private const string SnsArn = "arn:aws:sns:eu-west-1:123456789012:alerts";
    private const string SqsArn = "arn:aws:sqs:eu-west-1:123456789012:jobs";
    private const string OnlyFromTopic = ",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":\"" + SnsArn + "\"}}";

    public static TheoryData<string, string> Public { get; } = new()
    {
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs\",\"policy\":" + Document(SqsArn, "sqs:SendMessage") + "}" },
        { "aws:sqs/queue:Queue", "{\"name\":\"jobs\",\"policy\":" + Document(SqsArn, "sqs:SendMessage") + "}" },
        { "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":" + Document(SnsArn, "sns:Publish") + "}" },
        { "aws:sns/topic:Topic", "{\"name\":\"alerts\",\"policy\":" + Document(SnsArn, "sns:Subscribe") + "}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Document("*", "ecr:BatchGetImage") + "}" },
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs\",\"policy\":" + Document(SqsArn, "sqs:SendMessage", ",\"Condition\":{\"ArnNotEquals\":{\"aws:SourceArn\":\"" + SnsArn + "\"}}") + "}" },
        { "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":" + Document(SnsArn, "sns:Publish", ",\"Condition\":{\"StringEqualsIfExists\":{\"aws:SourceAccount\":\"123456789012\"}}") + "}" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*"}""" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunctionUrl","function":"app","principal":"*","functionUrlAuthType":"NONE"}""" },
    };

    public static TheoryData<string, string> Private { get; } = new()
    {
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs\",\"policy\":" + Document(SqsArn, "sqs:SendMessage", OnlyFromTopic) + "}" },
        { "aws:sqs/queue:Queue", "{\"name\":\"jobs\"}" },
        { "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":" + Document(SnsArn, "sns:Publish", ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}") + "}" },
        { "aws:sns/topic:Topic", "{\"name\":\"alerts\"}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Quote("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::210987654321:root\"},\"Action\":\"ecr:BatchGetImage\"}]}") + "}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Document("*", "ecr:BatchGetImage", ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}") + "}" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"s3.amazonaws.com","sourceArn":"arn:aws:s3:::acme-uploads","sourceAccount":"123456789012"}""" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*","sourceArn":"arn:aws:execute-api:eu-west-1:123456789012:a1b2c3d4e5/*/GET/items"}""" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*","sourceAccount":"123456789012"}""" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*","principalOrgId":"o-a1b2c3d4e5"}""" },
        { "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"123456789012"}""" },
    };

    [Theory]
    [MemberData(nameof(Public))]
    public void Resource_WhenEveryoneIsGrantedWithoutALimitingCondition_ShouldFail(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.NotEmpty(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Private))]
    public void Resource_WhenGrantIsNamedOrLimited_ShouldPass(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void QueuePolicy_WhenPublic_ShouldNameTheStatementAndAction()
    {
        var result = Fixtures.Evaluate(policy, "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"https://sqs.eu-west-1.amazonaws.com/123456789012/jobs\",\"policy\":" + Document(SqsArn, "sqs:SendMessage") + "}");
        var message = Assert.Single(result.Messages);
        Assert.Contains("statement \"Open\"", message, StringComparison.Ordinal);
        Assert.Contains("sqs:SendMessage", message, StringComparison.Ordinal);
    }

    [Fact]
    public void TopicPolicy_WhenSecretPolicyIsPublic_ShouldFailWithoutPrintingItsContent()
    {
        var document = """{"Statement":[{"Sid":"TopSecretSid","Effect":"Allow","Principal":"*","Action":"sns:Publish","Resource":"*"}]}""";
        var result = Fixtures.Evaluate(policy, "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":{" + SecretSignature + ",\"value\":" + Quote(document) + "}}");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.DoesNotContain("TopSecretSid", message, StringComparison.Ordinal);
        Assert.DoesNotContain("sns:Publish", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LambdaPermission_WhenPrincipalIsEveryone_ShouldSayWhichScopingInputIsMissing()
    {
        var result = Fixtures.Evaluate(policy, "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*"}""");
        var message = Assert.Single(result.Messages);
        Assert.Contains("sourceArn", message, StringComparison.Ordinal);
        Assert.Contains("sourceAccount", message, StringComparison.Ordinal);
    }

    [Fact]
    public void LambdaPermission_WhenSourceArnUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "aws:lambda/permission:Permission", """{"action":"lambda:InvokeFunction","function":"app","principal":"*","sourceArn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }
}
