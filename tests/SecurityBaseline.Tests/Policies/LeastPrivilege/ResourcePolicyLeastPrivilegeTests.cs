using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.LeastPrivilege;

namespace SecurityBaseline.Tests.Policies.LeastPrivilege;

public class ResourcePolicyLeastPrivilegeTests
{
    private const string Unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    private const string QueueUrl = "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs";
    private const string SqsArn = "arn:aws:sqs:eu-west-1:123456789012:jobs";
    private const string SnsArn = "arn:aws:sns:eu-west-1:123456789012:alerts";
    private const string Partner = "arn:aws:iam::210987654321:root";
    private const string Own = "arn:aws:iam::123456789012:role/worker";
    private readonly ResourcePolicyLeastPrivilege policy = new();

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    private static string Document(string principal, string action, string resource = "", string extra = "") =>
        Quote("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Share\",\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":" + action +
              (resource.Length > 0 ? ",\"Resource\":\"" + resource + "\"" : string.Empty) + extra + "}]}");

    private static string Aws(string arn) => "{\"AWS\":\"" + arn + "\"}";

    public static TheoryData<string, string> Everything { get; } = new()
    {
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + QueueUrl + "\",\"policy\":" + Document(Aws(Partner), "\"sqs:*\"", SqsArn) + "}" },
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + QueueUrl + "\",\"policy\":" + Document(Aws("210987654321"), "\"*\"") + "}" },
        { "aws:sqs/queue:Queue", "{\"name\":\"jobs\",\"policy\":" + Document("\"*\"", "\"sqs:*\"", SqsArn, ",\"Condition\":{\"StringEquals\":{\"aws:PrincipalOrgID\":\"o-a1b2c3d4e5\"}}") + "}" },
        { "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":" + Document(Aws(Partner), "[\"sns:Publish\",\"sns:*\"]", SnsArn) + "}" },
        { "aws:sns/topic:Topic", "{\"name\":\"alerts\",\"policy\":" + Quote("{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + Partner + "\"},\"NotAction\":\"sns:DeleteTopic\",\"Resource\":\"" + SnsArn + "\"}]}") + "}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Document(Aws(Partner), "\"ecr:*\"") + "}" },
    };

    public static TheoryData<string, string> Named { get; } = new()
    {
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + QueueUrl + "\",\"policy\":" + Document(Aws(Partner), "\"sqs:SendMessage\"", SqsArn) + "}" },
        { "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + QueueUrl + "\",\"policy\":" + Document(Aws(Own), "\"sqs:*\"") + "}" },
        { "aws:sqs/queue:Queue", "{\"name\":\"jobs\",\"policy\":" + Document("{\"Service\":\"sns.amazonaws.com\"}", "\"sqs:*\"", SqsArn) + "}" },
        { "aws:sns/topicPolicy:TopicPolicy", "{\"arn\":\"" + SnsArn + "\",\"policy\":" + Document(Aws(Own), "\"sns:*\"") + "}" },
        { "aws:sns/topic:Topic", "{\"name\":\"alerts\"}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Document(Aws(Partner), "[\"ecr:BatchGetImage\",\"ecr:GetDownloadUrlForLayer\"]") + "}" },
        { "aws:ecr/repositoryPolicy:RepositoryPolicy", "{\"repository\":\"app\",\"policy\":" + Quote("{\"Statement\":[{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"ecr:*\"}]}") + "}" },
    };

    [Theory]
    [MemberData(nameof(Everything))]
    public void ResourcePolicy_WhenAnotherAccountGetsEveryAction_ShouldFail(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Single(result.Messages);
    }

    [Theory]
    [MemberData(nameof(Named))]
    public void ResourcePolicy_WhenActionsAreNamedOrGranteeIsTheOwner_ShouldPass(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void QueuePolicy_WhenPartnerGetsEverything_ShouldNameThePrincipalAndAction()
    {
        var message = Assert.Single(Fixtures.Evaluate(policy, "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + QueueUrl + "\",\"policy\":" + Document(Aws(Partner), "\"sqs:*\"", SqsArn) + "}").Messages);
        Assert.Contains(Partner, message, StringComparison.Ordinal);
        Assert.Contains("\"sqs:*\"", message, StringComparison.Ordinal);
        Assert.Contains("statement \"Share\"", message, StringComparison.Ordinal);
    }

    [Fact]
    public void QueuePolicy_WhenOwnerUnknownAndGranteeIsAnAccount_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "aws:sqs/queuePolicy:QueuePolicy", "{\"queueUrl\":\"" + Unknown + "\",\"policy\":" + Document(Aws(Partner), "\"sqs:*\"") + "}");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("queueUrl", result.Reason, StringComparison.Ordinal);
    }
}
