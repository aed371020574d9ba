using System.Text.Json;
using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

public class SecretsNotPlaintextTests
{
    private const string RdsInstance = "aws:rds/instance:Instance";
    private const string SsmParameter = "aws:ssm/parameter:Parameter";
    private const string SecretVersion = "aws:secretsmanager/secretVersion:SecretVersion";
    private const string ReplicationGroup = "aws:elasticache/replicationGroup:ReplicationGroup";
    private const string ElastiCacheUser = "aws:elasticache/user:User";
    private const string NativeSqlServer = "azure-native:sql:Server";
    private const string NativeVirtualMachine = "azure-native:compute:VirtualMachine";
    private const string NativeSecret = "azure-native:keyvault:Secret";
    private const string NativePostgres = "azure-native:dbforpostgresql:Server";
    private const string ClassicSqlServer = "azure:mssql/server:Server";
    private const string ClassicSecret = "azure:keyvault/secret:Secret";
    private const string ClassicLinuxVm = "azure:compute/linuxVirtualMachine:LinuxVirtualMachine";
    private const string ClassicWindowsVm = "azure:compute/windowsVirtualMachine:WindowsVirtualMachine";

    private const string SecretSignature = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";
    private const string Leaky = "Zq7!plaintext-MUST-NOT-LEAK-4411";

    private readonly SecretsNotPlaintext policy = new();

    private static string Secret(string value) => $$"""{{{SecretSignature}},"value":"{{value}}"}""";

    [Fact]
    public void AwsRdsInstance_WhenPasswordIsSecret_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, $$"""{"engine":"postgres","instanceClass":"db.t4g.medium","username":"appadmin","password":{{Secret("s3cr3t-Value!")}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordIsPlaintext_ShouldFailNamingThePropertyAndRotation()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","username":"appadmin","password":"hunter2-hunter2"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.StartsWith("password is set in plaintext", message, StringComparison.Ordinal);
        Assert.Contains("pulumi config set --secret", message, StringComparison.Ordinal);
        Assert.Contains("Output.CreateSecret", message, StringComparison.Ordinal);
        Assert.Contains("rotate", message, StringComparison.Ordinal);
        Assert.Contains("§7", message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordAbsentBecauseManaged_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","instanceClass":"db.t4g.medium","username":"appadmin","manageMasterUserPassword":true}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordRedactedInPreview_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","username":"appadmin","password":"[secret]"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordIsCiphertextInExport_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, $$$"""{"engine":"postgres","username":"appadmin","password":{{{{SecretSignature}}},"ciphertext":"v1:Jx9+c2VjcmV0:AAAA"}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","username":"appadmin","password":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("password", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsRdsInstance_WhenPasswordIsEmpty_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"engine":"postgres","username":"appadmin","password":""}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSsmParameter_WhenPlainStringParameter_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SsmParameter, """{"name":"/app/log-level","type":"String","value":"info"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSsmParameter_WhenPlainStringParameterValueUnknown_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SsmParameter, """{"name":"/app/endpoint","type":"String","value":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
        Assert.Null(result.Reason);
    }

    [Fact]
    public void AwsSsmParameter_WhenSecureStringValueIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SsmParameter, """{"name":"/app/db-password","type":"SecureString","value":"pa55-w0rd-prod"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("value is set in plaintext", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSsmParameter_WhenTypeUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, SsmParameter, """{"name":"/app/db-password","type":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","value":"pa55-w0rd-prod"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("type", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSsmParameter_WhenTypeUnknownButValueIsSecret_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, SsmParameter, $$"""{"name":"/app/db-password","type":"04da6b54-80e4-46f7-96ec-b56ff0331ba9","value":{{Secret("pa55-w0rd-prod")}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AwsSecretVersion_WhenSecretStringIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, SecretVersion, """{"secretId":"arn:aws:secretsmanager:ap-northeast-1:111122223333:secret:app-api-key-AbCdEf","secretString":"{\"apiKey\":\"sk_live_123\"}"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("secretString", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsSecretVersion_WhenSecretBinaryIsPlaintextAndStringIsSecret_ShouldFailOnBinaryOnly()
    {
        var result = Fixtures.Evaluate(policy, SecretVersion, $$"""{"secretId":"app-api-key","secretString":{{Secret("ok")}},"secretBinary":"c2VjcmV0LWJ5dGVz"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("secretBinary", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsReplicationGroup_WhenAuthTokenIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ReplicationGroup, """{"description":"sessions","transitEncryptionEnabled":true,"authToken":"redis-auth-token-0123456789"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("authToken", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsElastiCacheUser_WhenOnePasswordPlaintextAndAnotherUnknown_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, ElastiCacheUser, """{"userId":"app","userName":"app","engine":"redis","accessString":"on ~* +@all","passwords":["04da6b54-80e4-46f7-96ec-b56ff0331ba9","plain-redis-password-1"]}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("passwords", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AwsElastiCacheUser_WhenPasswordsAreSecretItems_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ElastiCacheUser, $$"""{"userId":"app","userName":"app","engine":"redis","accessString":"on ~* +@all","passwords":[{{Secret("one")}},{{Secret("two")}}]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeSqlServer_WhenAdministratorPasswordIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, """{"resourceGroupName":"rg-prod","administratorLogin":"sqladmin","administratorLoginPassword":"P@ssw0rd-2024!","minimalTlsVersion":"1.2"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("administratorLoginPassword", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeSqlServer_WhenAdministratorPasswordIsSecret_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeSqlServer, $$"""{"resourceGroupName":"rg-prod","administratorLogin":"sqladmin","administratorLoginPassword":{{Secret("P@ssw0rd-2024!")}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeVirtualMachine_WhenAdminPasswordIsPlaintext_ShouldFailNamingTheNestedPath()
    {
        var result = Fixtures.Evaluate(policy, NativeVirtualMachine, """{"resourceGroupName":"rg-prod","osProfile":{"computerName":"vm-app-1","adminUsername":"azureuser","adminPassword":"Winter2024!Winter"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("osProfile.adminPassword", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativeVirtualMachine_WhenOsProfileUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeVirtualMachine, """{"resourceGroupName":"rg-prod","osProfile":"dd056dcd-154b-4c76-9bd3-c8f88648b5ff"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("osProfile", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NativeKeyVaultSecret_WhenWholePropertiesObjectIsSecret_ShouldPass()
    {
        var properties = Secret("sk_live_abc").Replace("\"value\":\"sk_live_abc\"", "\"value\":{\"value\":\"sk_live_abc\",\"contentType\":\"text/plain\"}", StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, NativeSecret, $$"""{"resourceGroupName":"rg-prod","vaultName":"kv-prod-app","secretName":"api-key","properties":{{properties}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void NativeKeyVaultSecret_WhenValueIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeSecret, """{"resourceGroupName":"rg-prod","vaultName":"kv-prod-app","secretName":"api-key","properties":{"value":"sk_live_abc","contentType":"text/plain"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("properties.value", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void NativePostgres_WhenAdministratorPasswordIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativePostgres, """{"resourceGroupName":"rg-prod","administratorLogin":"pgadmin","administratorLoginPassword":"pg-Plain-Pass-01","version":"16"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void ClassicSqlServer_WhenAdministratorPasswordIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicSqlServer, """{"resourceGroupName":"rg-prod","version":"12.0","administratorLogin":"sqladmin","administratorLoginPassword":"P@ssw0rd-2024!"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("administratorLoginPassword", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicKeyVaultSecret_WhenValueIsSecret_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicSecret, $$"""{"keyVaultId":"/subscriptions/0000/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv-prod-app","name":"api-key","value":{{Secret("sk_live_abc")}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicKeyVaultSecret_WhenValueIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicSecret, """{"keyVaultId":"/subscriptions/0000/resourceGroups/rg-prod/providers/Microsoft.KeyVault/vaults/kv-prod-app","name":"api-key","value":"sk_live_abc"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
    }

    [Fact]
    public void ClassicLinuxVm_WhenSshKeysOnlyAndNoPassword_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicLinuxVm, """{"resourceGroupName":"rg-prod","size":"Standard_B2s","adminUsername":"azureuser","disablePasswordAuthentication":true,"adminSshKeys":[{"username":"azureuser","publicKey":"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAA"}]}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void ClassicWindowsVm_WhenAdminPasswordIsPlaintext_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicWindowsVm, """{"resourceGroupName":"rg-prod","size":"Standard_B2s","adminUsername":"azureuser","adminPassword":"Winter2024!Winter"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.StartsWith("adminPassword", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void ClassicWindowsVm_WhenAdminPasswordUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicWindowsVm, """{"resourceGroupName":"rg-prod","adminUsername":"azureuser","adminPassword":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("adminPassword", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhenPlaintextIsDistinctive_ShouldNeverContainTheValue()
    {
        // A plaintext secret beside an unknown one: the evaluation carries both a message and a reason.
        var result = Fixtures.Evaluate(policy, SecretVersion, $$"""{"secretId":"app-api-key","secretString":"{{Leaky}}","secretBinary":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.NotNull(result.Reason);
        Assert.All(result.Messages, m => Assert.DoesNotContain(Leaky, m, StringComparison.Ordinal));
        Assert.DoesNotContain(Leaky, result.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("MUST-NOT-LEAK", string.Join("\n", result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void Message_WhenPlaintextIsInANestedInput_ShouldNeverContainTheValue()
    {
        var result = Fixtures.Evaluate(policy, NativeVirtualMachine, $$$"""{"osProfile":{"adminUsername":"azureuser","adminPassword":"{{{Leaky}}}"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.DoesNotContain(Leaky, Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.DoesNotContain(Leaky, result.Reason ?? string.Empty, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> EverySecretInput()
    {
        var data = new TheoryData<string, string>();
        foreach (var (type, inputs) in SecretInputs.ByType)
        {
            foreach (var input in inputs)
            {
                data.Add(type, input.Path);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EverySecretInput))]
    public void EveryType_WhenSecretInputIsPlaintextOrSecret_ShouldFailOrPass(string type, string path)
    {
        var condition = SecretInputs.ByType[type].First(i => i.Path == path);
        Assert.Equal(Outcome.Fail, Fixtures.Evaluate(policy, type, Inputs(path, "\"plain-value-123\"", condition)).Outcome);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, Inputs(path, Secret("secret-value-123"), condition)).Outcome);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, type, Inputs(path, "\"[secret]\"", condition)).Outcome);
    }

    [Fact]
    public void AwsRdsInstance_WhenConfiguredAdvisory_ShouldFailWithoutBlocking()
    {
        var result = Fixtures.Evaluate(policy, RdsInstance, """{"password":"hunter2-hunter2"}""", """{"secrets-not-plaintext":{"enforcementLevel":"advisory"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Advisory, result.Level);
        Assert.False(result.Blocks);
    }

    [Fact]
    public void Configuration_WhenEnforcementLevelIsNotAString_ShouldBeRejected()
    {
        var problem = Assert.Throws<PolicyConfigException>(() => PackConfiguration.Parse("""{"secrets-not-plaintext":{"enforcementLevel":true}}""", [policy]));
        Assert.Contains("secrets-not-plaintext", problem.Message, StringComparison.Ordinal);
    }

    /// <summary>Inputs with <paramref name="valueJson"/> at the dotted <paramref name="path"/>, plus the deciding input when there is one.</summary>
    private static string Inputs(string path, string valueJson, SecretInput input)
    {
        var json = valueJson;
        foreach (var name in path.Split('.').Reverse())
        {
            json = $"{{{JsonSerializer.Serialize(name)}:{json}}}";
        }

        return input.WhenPath is null ? json : $"{{{JsonSerializer.Serialize(input.WhenPath)}:{JsonSerializer.Serialize(input.WhenValue)},{json[1..]}";
    }
}
