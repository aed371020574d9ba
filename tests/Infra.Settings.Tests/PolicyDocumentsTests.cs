using System.Text.Json;
using Baseline.Settings;

namespace Infra.Settings.Tests;

public class PolicyDocumentsTests
{
    private const string Account = "123456789012";

    [Fact]
    public void KeyPolicy_WhenBuilt_ShouldGrantOnlyTheAccountAndItsLoggingServices()
    {
        using var document = JsonDocument.Parse(PolicyDocuments.KeyPolicy(Account, "ap-northeast-1", "aws", "baseline-prod-trail"));

        var principals = document.RootElement.GetProperty("Statement").EnumerateArray()
            .Select(s => s.GetProperty("Principal"))
            .Select(p => p.TryGetProperty("AWS", out var aws) ? aws.GetString() : p.GetProperty("Service").GetString())
            .ToHashSet();
        Assert.Equal(new HashSet<string?> { "arn:aws:iam::123456789012:root", "logs.ap-northeast-1.amazonaws.com", "cloudtrail.amazonaws.com" }, principals);
        Assert.All(
            document.RootElement.GetProperty("Statement").EnumerateArray().Where(s => s.GetProperty("Principal").TryGetProperty("Service", out _)),
            s => Assert.True(s.TryGetProperty("Condition", out _), "a service grant without a condition would serve other accounts"));
    }

    [Fact]
    public void DataBucketPolicy_WhenBuilt_ShouldDenyRequestsWithoutTls()
    {
        using var document = JsonDocument.Parse(PolicyDocuments.DataBucketPolicy("arn:aws:s3:::data"));

        var statement = Assert.Single(document.RootElement.GetProperty("Statement").EnumerateArray().ToArray());
        Assert.Equal("Deny", statement.GetProperty("Effect").GetString());
        Assert.Equal("false", statement.GetProperty("Condition").GetProperty("Bool").GetProperty("aws:SecureTransport").GetString());
        Assert.Equal(["arn:aws:s3:::data", "arn:aws:s3:::data/*"], statement.GetProperty("Resource").EnumerateArray().Select(r => r.GetString()));
    }

    [Theory]
    [InlineData("ap-northeast-1", "AWS", "arn:aws:iam::582318560864:root")]
    [InlineData("ap-southeast-7", "Service", "logdelivery.elasticloadbalancing.amazonaws.com")]
    public void LogBucketPolicy_WhenBuilt_ShouldLetTheRegionsLoadBalancerLogDeliveryWrite(string region, string kind, string principal)
    {
        using var document = JsonDocument.Parse(PolicyDocuments.LogBucketPolicy("arn:aws:s3:::logs", Account, region, "aws", "trail"));

        var statements = document.RootElement.GetProperty("Statement").EnumerateArray().ToArray();
        var elb = statements.Single(s => s.GetProperty("Sid").GetString() == "LoadBalancerAccessLogs");
        Assert.Equal(principal, elb.GetProperty("Principal").GetProperty(kind).GetString());
        Assert.Equal($"arn:aws:s3:::logs/alb/AWSLogs/{Account}/*", elb.GetProperty("Resource").GetString());
        Assert.Contains(statements, s => s.GetProperty("Sid").GetString() == "DenyInsecureTransport");
    }

    [Fact]
    public void AssumeRoleBy_WhenBuilt_ShouldLimitTheServiceToThisAccount()
    {
        using var document = JsonDocument.Parse(PolicyDocuments.AssumeRoleBy("vpc-flow-logs.amazonaws.com", Account));

        var statement = document.RootElement.GetProperty("Statement")[0];
        Assert.Equal(Account, statement.GetProperty("Condition").GetProperty("StringEquals").GetProperty("aws:SourceAccount").GetString());
        Assert.False(statement.TryGetProperty("Resource", out _));
    }

    [Fact]
    public void DeliverConfigHistory_WhenBuilt_ShouldWriteOnlyUnderTheConfigPrefixOfThisAccount()
    {
        using var document = JsonDocument.Parse(PolicyDocuments.DeliverConfigHistory("arn:aws:s3:::logs", Account));

        var statements = document.RootElement.GetProperty("Statement").EnumerateArray().ToDictionary(s => s.GetProperty("Sid").GetString()!);
        Assert.Equal($"arn:aws:s3:::logs/config/AWSLogs/{Account}/Config/*", statements["WriteConfigHistory"].GetProperty("Resource").GetString());
        Assert.Equal("arn:aws:s3:::logs", statements["CheckLogBucketAcl"].GetProperty("Resource").GetString());
        Assert.Equal("arn:aws:iam::aws:policy/service-role/AWS_ConfigRole", PolicyDocuments.ConfigRecorderManagedPolicyArn("aws"));
    }
}
