using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Tests.Policies;

public class AccessPolicyDocumentTests
{
    private static PropertyValue Inputs(string json) => Fixtures.Resource("aws:kms/key:Key", json).Root;

    private static IReadOnlyList<PolicyStatement> Read(string json, string path = "policy") => AccessPolicyDocument.Statements(Inputs(json), path);

    [Fact]
    public void Statements_WhenPolicyIsJsonStringWithList_ShouldReadEveryStatement()
    {
        var statements = Read("""
            {"policy":"{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"},{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":[\"kms:Decrypt\",\"kms:Encrypt\"],\"Resource\":\"*\"}]}"}
            """);
        Assert.Equal(2, statements.Count);
        Assert.Equal("statement \"Root\"", statements[0].Label);
        Assert.True(statements[0].Allows);
        Assert.False(statements[0].IsForEveryone);
        Assert.Equal(["arn:aws:iam::111122223333:root"], statements[0].Principals);
        Assert.Equal(["kms:*"], statements[0].Actions);
        Assert.Equal("statement 1", statements[1].Label);
        Assert.False(statements[1].Allows);
        Assert.True(statements[1].IsForEveryone);
        Assert.Equal(["kms:Decrypt", "kms:Encrypt"], statements[1].Actions);
    }

    [Fact]
    public void Statements_WhenPolicyIsObjectWithSingleStatement_ShouldReadItAsOne()
    {
        var statement = Assert.Single(Read("""{"policy":{"Version":"2012-10-17","Statement":{"Sid":"Only","Effect":"Allow","Principal":{"AWS":"*"},"Action":"kms:Decrypt","Resource":"*"}}}"""));
        Assert.Equal(0, statement.Index);
        Assert.Equal("Only", statement.Sid);
        Assert.True(statement.IsForEveryone);
        Assert.False(statement.HasCondition);
    }

    [Fact]
    public void Statements_WhenStatementIsSingleObjectInJsonString_ShouldReadItAsOne()
    {
        var statement = Assert.Single(Read("""{"policy":"{\"Statement\":{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\"}}"}"""));
        Assert.True(statement.IsForEveryone);
        Assert.Equal("statement 0", statement.Label);
    }

    [Theory]
    [InlineData("\"*\"", true)]
    [InlineData("{\"AWS\":\"*\"}", true)]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:role/app\",\"*\"]}", true)]
    [InlineData("{\"AWS\":[\"arn:aws:iam::111122223333:role/app\",\"arn:aws:iam::111122223333:root\"]}", false)]
    [InlineData("{\"Service\":\"logs.ap-northeast-1.amazonaws.com\"}", false)]
    [InlineData("\"arn:aws:iam::111122223333:root\"", false)]
    public void IsForEveryone_WhenPrincipalHasShape_ShouldSayWhetherAnyoneIsGranted(string principal, bool everyone)
    {
        var statement = Assert.Single(Read("{\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":" + principal + ",\"Action\":\"kms:*\"}]}}"));
        Assert.Equal(everyone, statement.IsForEveryone);
    }

    [Fact]
    public void Principals_WhenAwsListMixesArnAndStar_ShouldListBoth()
    {
        var statement = Assert.Single(Read("""{"policy":{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:role/app","*"]},"Action":"kms:*"}]}}"""));
        Assert.Equal(["arn:aws:iam::111122223333:role/app", "*"], statement.Principals);
    }

    [Fact]
    public void Principals_WhenAbsent_ShouldBeEmpty()
    {
        var statement = Assert.Single(Read("""{"policy":{"Statement":[{"Effect":"Allow","Action":"kms:*","Resource":"*"}]}}"""));
        Assert.Empty(statement.Principals);
        Assert.False(statement.IsForEveryone);
    }

    [Fact]
    public void HasCondition_WhenConditionHasAnOperator_ShouldBeTrue()
    {
        var statement = Assert.Single(Read("""{"policy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}}"""));
        Assert.True(statement.HasCondition);
    }

    [Theory]
    [InlineData(",\"Condition\":{}")]
    [InlineData(",\"Condition\":null")]
    [InlineData("")]
    public void HasCondition_WhenConditionEmptyNullOrAbsent_ShouldBeFalse(string condition)
    {
        var statement = Assert.Single(Read("{\"policy\":{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:Decrypt\"" + condition + "}]}}"));
        Assert.False(statement.HasCondition);
    }

    [Fact]
    public void Effect_WhenAbsent_ShouldReadAsAllow()
    {
        var statement = Assert.Single(Read("""{"policy":{"Statement":[{"Principal":"*","Action":"kms:*"}]}}"""));
        Assert.True(statement.Allows);
    }

    [Theory]
    [InlineData("""{"description":"no policy"}""")]
    [InlineData("""{"policy":null}""")]
    [InlineData("""{"policy":"   "}""")]
    [InlineData("""{"policy":{"Version":"2012-10-17"}}""")]
    public void Statements_WhenPolicyAbsentOrEmpty_ShouldBeEmpty(string json)
    {
        Assert.Empty(Read(json));
    }

    [Fact]
    public void Statements_WhenPolicyIsAKnownSecret_ShouldStillBeRead()
    {
        var statement = Assert.Single(Read("""{"policy":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"kms:*\"}]}"}}"""));
        Assert.True(statement.IsForEveryone);
    }

    [Fact]
    public void Statements_WhenJsonIsInvalid_ShouldThrowPolicyDataExceptionNamingThePathOnly()
    {
        var problem = Assert.Throws<PolicyDataException>(() => Read("""{"policy":"{\"Statement\":[{\"Sid\":\"tok-8c1f-LEAKCHECK\","}"""));
        Assert.Equal("policy", problem.PropertyPath);
        Assert.StartsWith("policy:", problem.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAKCHECK", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Statements_WhenPolicyIsANumber_ShouldThrowPolicyDataException()
    {
        var problem = Assert.Throws<PolicyDataException>(() => Read("""{"policy":42}"""));
        Assert.Equal("policy", problem.PropertyPath);
    }

    [Fact]
    public void Statements_WhenPrincipalHasWrongShape_ShouldThrowNamingThePrincipalPath()
    {
        var problem = Assert.Throws<PolicyDataException>(() => Read("""{"policy":{"Statement":[{"Effect":"Allow","Action":"kms:*"},{"Effect":"Allow","Principal":7,"Action":"kms:*"}]}}"""));
        Assert.Equal("policy.Statement[1].Principal", problem.PropertyPath);
    }

    [Fact]
    public void Statements_WhenPolicyUnknown_ShouldThrowUnknownValueException()
    {
        var unknown = Assert.Throws<UnknownValueException>(() => Read("""{"policy":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}"""));
        Assert.Equal("policy", unknown.PropertyPath);
    }

    [Fact]
    public void Statements_WhenPolicyRedactedSecret_ShouldThrowUnknownValueException()
    {
        var unknown = Assert.Throws<UnknownValueException>(() => Read("""{"policy":"[secret]"}"""));
        Assert.Equal("policy", unknown.PropertyPath);
    }

    [Fact]
    public void Statements_WhenConditionUnknown_ShouldThrowNamingTheCondition()
    {
        // An unknown Condition may well narrow the grant; reading it as "no condition" would fail a preview on a guess.
        var unknown = Assert.Throws<UnknownValueException>(() => Read("""{"policy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:Decrypt","Condition":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}]}}"""));
        Assert.Equal("policy.Statement[0].Condition", unknown.PropertyPath);
    }

    [Fact]
    public void Statements_WhenOneStatementUnknown_ShouldThrowNamingTheStatement()
    {
        var unknown = Assert.Throws<UnknownValueException>(() => Read("""{"policy":{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*"},"dd056dcd-154b-4c76-9bd3-c8f88648b5ff"]}}"""));
        Assert.Equal("policy.Statement[1]", unknown.PropertyPath);
    }

    [Fact]
    public void Statements_WhenAPrincipalIsUnknown_ShouldThrowNamingThePrincipal()
    {
        var unknown = Assert.Throws<UnknownValueException>(() => Read("""{"policy":{"Statement":[{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111122223333:root","04da6b54-80e4-46f7-96ec-b56ff0331ba9"]},"Action":"kms:*"}]}}"""));
        Assert.Equal("policy.Statement[0].Principal", unknown.PropertyPath);
    }

    [Fact]
    public void Statements_WhenDocumentIsNested_ShouldNameTheFullPath()
    {
        var problem = Assert.Throws<PolicyDataException>(() => Read("""{"inlinePolicies":[{"name":"app","policy":"not json"}]}""", "inlinePolicies[0].policy"));
        Assert.Equal("inlinePolicies[0].policy", problem.PropertyPath);
    }

    [Fact]
    public void NotPrincipal_WhenAnAllowUsesIt_ShouldCountAsGrantingEveryone()
    {
        var properties = Fixtures.Resource("aws:s3/bucketPolicy:BucketPolicy", """
            {"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:role/admin\"},\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}"}
            """).Root;
        var statement = Assert.Single(AccessPolicyDocument.Statements(properties, "policy"));
        Assert.True(statement.HasNotPrincipal);
        Assert.True(statement.IsForEveryone);
    }

    [Fact]
    public void ConditionKeys_WhenSeveralOperatorsTestKeys_ShouldListEveryKeyAndSayWhetherTheCallerIsLimited()
    {
        var properties = Fixtures.Resource("aws:s3/bucketPolicy:BucketPolicy", """
            {"policy":{"Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"Bool":{"aws:SecureTransport":"true"},"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}},
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Condition":{"StringEquals":{"AWS:PrincipalOrgID":"o-a1b2c3d4e5"}}}]}}
            """).Root;
        var statements = AccessPolicyDocument.Statements(properties, "policy");
        Assert.Equal(["aws:SecureTransport", "aws:CurrentTime"], statements[0].ConditionKeys);
        Assert.False(statements[0].RestrictsCaller);
        Assert.True(statements[1].RestrictsCaller);
    }

    [Fact]
    public void Resources_WhenOneEntryIsComputed_ShouldKeepTheKnownOnesAndNameTheUnknownPath()
    {
        var statement = Assert.Single(Read("""{"policy":{"Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":["arn:aws:s3:::acme/*","04da6b54-80e4-46f7-96ec-b56ff0331ba9"]}]}}"""));
        Assert.Equal(["arn:aws:s3:::acme/*"], statement.Resources);
        Assert.Equal("policy.Statement[0].Resource[1]", statement.UnknownResource);
    }

    [Fact]
    public void Statements_WhenNotActionNotResourceAndFederatedAreSet_ShouldReadThem()
    {
        var statement = Assert.Single(Read("""{"policy":"{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Federated\":\"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com\",\"AWS\":\"111122223333\"},\"NotAction\":[\"iam:*\"],\"NotResource\":\"arn:aws:s3:::vault/*\",\"Condition\":{\"StringLike\":{\"token.actions.githubusercontent.com:sub\":[\"repo:acme/app:*\"]}}}]}"}"""));
        Assert.True(statement.HasNotAction);
        Assert.Equal(["iam:*"], statement.NotActions);
        Assert.True(statement.HasNotResource);
        Assert.Empty(statement.Resources);
        Assert.Equal(["arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"], statement.FederatedPrincipals);
        Assert.Equal(["111122223333"], statement.AwsPrincipals);
        Assert.Equal(["repo:acme/app:*"], Assert.Single(statement.ConditionTests).Values);
    }
}
