using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.AtRest;

namespace SecurityBaseline.Tests.Policies;

public class DynamoDbTableEncryptedTests
{
    private const string Table = "aws:dynamodb/table:Table";
    private const string CompanyKey = "arn:aws:kms:eu-central-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private const string RequireCustomerKey = """{"dynamodb-table-encrypted":{"requireCustomerManagedKey":true}}""";
    private readonly DynamoDbTableEncrypted policy = new();

    [Fact]
    public void AwsTable_WhenEncryptionAbsentByDefault_ShouldPassAsAwsOwnedKeyEncrypts()
    {
        var result = Fixtures.Evaluate(policy, Table, """{"hashKey":"orderId","billingMode":"PAY_PER_REQUEST","attributes":[{"name":"orderId","type":"S"}]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsTable_WhenCompanyKeyAndRequired_ShouldPass()
    {
        var result = Fixtures.Evaluate(
            policy, Table, $$$"""{"hashKey":"orderId","serverSideEncryption":{"enabled":true,"kmsKeyArn":"{{{CompanyKey}}}"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsTable_WhenEncryptionAbsentAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Table, """{"hashKey":"orderId","billingMode":"PAY_PER_REQUEST"}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("serverSideEncryption is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenDisabledAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Table, """{"hashKey":"orderId","serverSideEncryption":{"enabled":false}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("serverSideEncryption.enabled is false", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenEnabledWithoutKeyAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, Table, """{"hashKey":"orderId","serverSideEncryption":{"enabled":true}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("serverSideEncryption.kmsKeyArn is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenAwsManagedAliasAndCustomerKeyRequired_ShouldFail()
    {
        var result = Fixtures.Evaluate(
            policy, Table, """{"hashKey":"orderId","serverSideEncryption":{"enabled":true,"kmsKeyArn":"arn:aws:kms:eu-central-1:111122223333:alias/aws/dynamodb"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("AWS-managed", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenReplicaLacksKeyAndCustomerKeyRequired_ShouldFailNamingTheReplica()
    {
        var result = Fixtures.Evaluate(
            policy,
            Table,
            $$$"""{"hashKey":"orderId","streamEnabled":true,"serverSideEncryption":{"enabled":true,"kmsKeyArn":"{{{CompanyKey}}}"},"replicas":[{"regionName":"eu-west-1","kmsKeyArn":"arn:aws:kms:eu-west-1:111122223333:key/abcd"},{"regionName":"eu-north-1"}]}""",
            RequireCustomerKey);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("replicas[1].kmsKeyArn is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenKeyUnknownAndCustomerKeyRequired_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(
            policy, Table, """{"hashKey":"orderId","serverSideEncryption":{"enabled":true,"kmsKeyArn":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}}""", RequireCustomerKey);
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("serverSideEncryption.kmsKeyArn", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsTable_WhenParameterIsNotBoolean_ShouldBeRejected()
    {
        var error = Assert.Throws<PolicyConfigException>(
            () => PackConfiguration.Parse("""{"dynamodb-table-encrypted":{"requireCustomerManagedKey":"true"}}""", [policy]));
        Assert.Contains("requireCustomerManagedKey", error.Message, StringComparison.Ordinal);
    }
}
