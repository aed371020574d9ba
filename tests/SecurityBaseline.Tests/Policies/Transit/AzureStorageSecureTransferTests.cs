using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class AzureStorageSecureTransferTests
{
    private const string NativeAccount = "azure-native:storage:StorageAccount";
    private const string ClassicAccount = "azure:storage/account:Account";
    private const string Secret = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";
    private readonly AzureStorageSecureTransfer policy = new();

    private static string Native(string extra) =>
        $$"""{"resourceGroupName":"rg-data","accountName":"stdataprod01","location":"westeurope","kind":"StorageV2","sku":{"name":"Standard_ZRS"},"allowBlobPublicAccess":false{{extra}}}""";

    private static string Classic(string extra) =>
        $$"""{"name":"stdataprod01","resourceGroupName":"rg-data","location":"westeurope","accountTier":"Standard","accountReplicationType":"ZRS"{{extra}}}""";

    [Theory]
    [InlineData(",\"minimumTlsVersion\":\"TLS1_2\"")]
    [InlineData(",\"minimumTlsVersion\":\"TLS1_3\",\"enableHttpsTrafficOnly\":true")]
    public void AzureNativeAccount_WhenHttpsOnlyAndTls12_ShouldPass(string extra)
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native(extra));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenMinimumTlsAbsent_ShouldFailAsTls10()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native(",\"enableHttpsTrafficOnly\":true"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains("minimumTlsVersion is absent", message, StringComparison.Ordinal);
        Assert.Contains("TLS1_0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenHttpAllowedAndTls11_ShouldFailTwice()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native(",\"enableHttpsTrafficOnly\":false,\"minimumTlsVersion\":\"TLS1_1\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(2, result.Messages.Count);
        Assert.Contains(result.Messages, m => m.Contains("enableHttpsTrafficOnly is false", StringComparison.Ordinal));
        Assert.Contains(result.Messages, m => m.Contains("minimumTlsVersion is \"TLS1_1\"", StringComparison.Ordinal));
    }

    [Fact]
    public void AzureNativeAccount_WhenWeakTlsIsSecret_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native($$""","minimumTlsVersion":{{{Secret}},"value":"TLS1_0"}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("TLS1_0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenTlsUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native(",\"minimumTlsVersion\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("minimumTlsVersion", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenHttpsUnknownButTlsWeak_ShouldStillFail()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, Native(",\"enableHttpsTrafficOnly\":\"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7\",\"minimumTlsVersion\":\"TLS1_0\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("minimumTlsVersion", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("enableHttpsTrafficOnly", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(",\"httpsTrafficOnlyEnabled\":true,\"minTlsVersion\":\"TLS1_2\"")]
    public void AzureClassicAccount_WhenDefaultsOrExplicitlySecure_ShouldPass(string extra)
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, Classic(extra));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData(",\"httpsTrafficOnlyEnabled\":false", "httpsTrafficOnlyEnabled is false")]
    [InlineData(",\"enableHttpsTrafficOnly\":false", "enableHttpsTrafficOnly is false")]
    [InlineData(",\"minTlsVersion\":\"TLS1_0\"", "minTlsVersion is \"TLS1_0\"")]
    public void AzureClassicAccount_WhenHttpOrOldTlsAllowed_ShouldFail(string extra, string expected)
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, Classic(extra));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicAccount_WhenTlsUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, Classic(",\"minTlsVersion\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("minTlsVersion", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenRemediated_ShouldRequireHttpsAndTls12AndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(NativeAccount, Native($$""","enableHttpsTrafficOnly":false,"minimumTlsVersion":"TLS1_0","tags":{{{Secret}},"value":{"costCenter":"cc-4711"} }"""));
        var configuration = PackConfiguration.Parse("""{"azure-storage-secure-transfer":"remediate"}""", [policy]);

        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));

        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.True(properties["enableHttpsTrafficOnly"].BoolValue);
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"].StringValue);
        Assert.True(properties["tags"].IsSecret);
        Assert.Equal("stdataprod01", properties["accountName"].StringValue);
        Assert.Equal(resource.Properties.Count, properties.Count);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, resource with { Properties = properties }).Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenRemediatedWithTls13_ShouldKeepTls13()
    {
        var resource = Fixtures.Resource(NativeAccount, Native(",\"enableHttpsTrafficOnly\":false,\"minimumTlsVersion\":\"TLS1_3\""));
        var configuration = PackConfiguration.Parse("""{"azure-storage-secure-transfer":"remediate"}""", [policy]);

        var (_, properties, _) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));

        Assert.NotNull(properties);
        Assert.True(properties["enableHttpsTrafficOnly"].BoolValue);
        Assert.Equal("TLS1_3", properties["minimumTlsVersion"].StringValue);
    }

    [Fact]
    public void AzureNativeAccount_WhenAlreadyCompliant_ShouldNotBeRemediated()
    {
        var resource = Fixtures.Resource(NativeAccount, Native(",\"minimumTlsVersion\":\"TLS1_2\""));
        var configuration = PackConfiguration.Parse("""{"azure-storage-secure-transfer":"remediate"}""", [policy]);

        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }
}
