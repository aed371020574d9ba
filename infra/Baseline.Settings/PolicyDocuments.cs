using System.Text.Json;
using System.Text.Json.Nodes;

namespace Baseline.Settings;

/// <summary>The IAM, key and bucket policy documents of the AWS stack, as JSON text: each grants only the services that use the resource.</summary>
public static class PolicyDocuments
{
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false };

    /// <summary>ELB account that writes access logs in regions opened before August 2022; newer regions use the log-delivery service principal.</summary>
    private static readonly Dictionary<string, string> ElbLogAccounts = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["us-east-1"] = "127311923021",
        ["ap-northeast-1"] = "582318560864",
    };

    /// <summary>The key's policy: the account administers it (so IAM decides who uses it), CloudWatch Logs and CloudTrail may encrypt for this account only (§7, §8).</summary>
    public static string KeyPolicy(string accountId, string region, string partition, string trailName)
    {
        var trailArn = TrailArn(accountId, region, partition, trailName);
        return Document(
            Statement("AccountAdministersKey", "Allow", Aws($"arn:{partition}:iam::{accountId}:root"), ["kms:*"], ["*"]),
            Statement(
                "CloudWatchLogsEncryptThisAccount",
                "Allow",
                Service($"logs.{region}.amazonaws.com"),
                ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"],
                ["*"],
                Condition("ArnLike", "kms:EncryptionContext:aws:logs:arn", $"arn:{partition}:logs:{region}:{accountId}:log-group:*")),
            Statement(
                "CloudTrailEncryptThisTrail",
                "Allow",
                Service("cloudtrail.amazonaws.com"),
                ["kms:GenerateDataKey*"],
                ["*"],
                Merge(
                    Condition("StringEquals", "aws:SourceArn", trailArn),
                    Condition("StringLike", "kms:EncryptionContext:aws:cloudtrail:arn", $"arn:{partition}:cloudtrail:*:{accountId}:trail/*"))),
            Statement("CloudTrailDescribeKey", "Allow", Service("cloudtrail.amazonaws.com"), ["kms:DescribeKey"], ["*"], Condition("StringEquals", "aws:SourceArn", trailArn)));
    }

    /// <summary>The data bucket's policy: refuse every request that does not use TLS (§3).</summary>
    public static string DataBucketPolicy(string bucketArn) => Document(DenyInsecureTransport(bucketArn));

    /// <summary>The log bucket's policy: TLS only, and writes only from the load balancer, CloudTrail and S3 access logging of this account.</summary>
    public static string LogBucketPolicy(string bucketArn, string accountId, string region, string partition, string trailName)
    {
        var trailArn = TrailArn(accountId, region, partition, trailName);
        var elbPrincipal = ElbLogAccounts.TryGetValue(region, out var elbAccount)
            ? Aws($"arn:{partition}:iam::{elbAccount}:root")
            : Service("logdelivery.elasticloadbalancing.amazonaws.com");
        return Document(
            DenyInsecureTransport(bucketArn),
            Statement("LoadBalancerAccessLogs", "Allow", elbPrincipal, ["s3:PutObject"], [$"{bucketArn}/{LogPrefixes.LoadBalancer}/AWSLogs/{accountId}/*"]),
            Statement("CloudTrailAclCheck", "Allow", Service("cloudtrail.amazonaws.com"), ["s3:GetBucketAcl"], [bucketArn], Condition("StringEquals", "aws:SourceArn", trailArn)),
            Statement("CloudTrailWrite", "Allow", Service("cloudtrail.amazonaws.com"), ["s3:PutObject"], [$"{bucketArn}/{LogPrefixes.CloudTrail}/AWSLogs/{accountId}/*"], Condition("StringEquals", "aws:SourceArn", trailArn)),
            Statement("S3ServerAccessLogs", "Allow", Service("logging.s3.amazonaws.com"), ["s3:PutObject"], [$"{bucketArn}/{LogPrefixes.BucketAccess}/*"], Condition("StringEquals", "aws:SourceAccount", accountId)));
    }

    /// <summary>A role that only <paramref name="servicePrincipal"/> acting for this account may assume.</summary>
    public static string AssumeRoleBy(string servicePrincipal, string accountId) =>
        Document(Statement("ServiceAssumesRole", "Allow", Service(servicePrincipal), ["sts:AssumeRole"], null, Condition("StringEquals", "aws:SourceAccount", accountId)));

    /// <summary>Permission to write log streams into one log group, nothing else.</summary>
    public static string WriteToLogGroup(string logGroupArn) =>
        Document(Statement(
            "WriteThisLogGroup",
            "Allow",
            null,
            ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            [logGroupArn, $"{logGroupArn}:*"]));

    /// <summary>
    /// What the AWS Config recorder's role needs beyond the managed AWS_ConfigRole (which reads configurations): check the
    /// log bucket's ACL and write snapshots and history under the Config prefix, for this account only.
    /// </summary>
    public static string DeliverConfigHistory(string bucketArn, string accountId) =>
        Document(
            Statement("CheckLogBucketAcl", "Allow", null, ["s3:GetBucketAcl"], [bucketArn]),
            Statement("WriteConfigHistory", "Allow", null, ["s3:PutObject"], [$"{bucketArn}/{LogPrefixes.Config}/AWSLogs/{accountId}/Config/*"]));

    /// <summary>The AWS managed policy that lets AWS Config read the configuration of the resources it records.</summary>
    public static string ConfigRecorderManagedPolicyArn(string partition) => $"arn:{partition}:iam::aws:policy/service-role/AWS_ConfigRole";

    public static string TrailArn(string accountId, string region, string partition, string trailName) =>
        $"arn:{partition}:cloudtrail:{region}:{accountId}:trail/{trailName}";

    private static JsonObject DenyInsecureTransport(string bucketArn) =>
        Statement("DenyInsecureTransport", "Deny", JsonValue.Create("*"), ["s3:*"], [bucketArn, $"{bucketArn}/*"], Condition("Bool", "aws:SecureTransport", "false"));

    private static string Document(params JsonObject[] statements)
    {
        var document = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(statements.Cast<JsonNode?>().ToArray()),
        };
        return document.ToJsonString(Compact);
    }

    private static JsonObject Statement(string sid, string effect, JsonNode? principal, IReadOnlyList<string> actions, IReadOnlyList<string>? resources, JsonObject? condition = null)
    {
        var statement = new JsonObject { ["Sid"] = sid, ["Effect"] = effect };
        if (principal is not null)
        {
            statement["Principal"] = principal;
        }

        statement["Action"] = Strings(actions);
        if (resources is not null)
        {
            statement["Resource"] = resources.Count == 1 ? JsonValue.Create(resources[0]) : Strings(resources);
        }

        if (condition is not null)
        {
            statement["Condition"] = condition;
        }

        return statement;
    }

    private static JsonArray Strings(IEnumerable<string> values) => new(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static JsonObject Aws(string arn) => new() { ["AWS"] = arn };

    private static JsonObject Service(string principal) => new() { ["Service"] = principal };

    private static JsonObject Condition(string test, string key, string value) => new() { [test] = new JsonObject { [key] = value } };

    private static JsonObject Merge(JsonObject first, JsonObject second)
    {
        var merged = new JsonObject();
        foreach (var source in new[] { first, second })
        {
            foreach (var (test, body) in source)
            {
                merged[test] = body!.DeepClone();
            }
        }

        return merged;
    }
}

/// <summary>Object-key prefixes inside the log bucket, one per log source, so bucket-policy grants stay narrow.</summary>
public static class LogPrefixes
{
    public const string LoadBalancer = "alb";
    public const string CloudTrail = "cloudtrail";
    public const string BucketAccess = "s3";
    public const string Config = "config";
}
