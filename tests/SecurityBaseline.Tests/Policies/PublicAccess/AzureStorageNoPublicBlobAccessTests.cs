using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class AzureStorageNoPublicBlobAccessTests
{
    private const string NativeAccount = "azure-native:storage:StorageAccount";
    private const string ClassicAccount = "azure:storage/account:Account";
    private const string NativeBase = "\"resourceGroupName\":\"rg-prod\",\"kind\":\"StorageV2\",\"sku\":{\"name\":\"Standard_ZRS\"},\"minimumTlsVersion\":\"TLS1_2\"";
    private const string ClassicBase = "\"resourceGroupName\":\"rg-prod\",\"accountTier\":\"Standard\",\"accountReplicationType\":\"ZRS\",\"minTlsVersion\":\"TLS1_2\"";
    private readonly AzureStorageNoPublicBlobAccess policy = new();

    [Fact]
    public void AzureNativeAccount_WhenPublicAccessFalse_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, $$"""{{{NativeBase}},"allowBlobPublicAccess":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenPublicAccessTrue_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, $$"""{{{NativeBase}},"allowBlobPublicAccess":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("allowBlobPublicAccess is true", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenPublicAccessAbsent_ShouldPassAsApi20240101DefaultsToFalse()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, $$"""{{{NativeBase}}}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenPublicAccessUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeAccount, $$"""{{{NativeBase}},"allowBlobPublicAccess":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("allowBlobPublicAccess", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicAccount_WhenNestedItemsPublicFalse_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$"""{{{ClassicBase}},"allowNestedItemsToBePublic":false}""");
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicAccount_WhenNestedItemsPublicAbsent_ShouldFailAsItDefaultsToTrue()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$"""{{{ClassicBase}}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("allowNestedItemsToBePublic is absent", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicAccount_WhenNestedItemsPublicTrue_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$"""{{{ClassicBase}},"allowNestedItemsToBePublic":true}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("allowNestedItemsToBePublic is true", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, Outcome.Pass)]
    [InlineData(true, Outcome.Fail)]
    public void AzureClassicAccount_WhenV4NameUsed_ShouldDecideOnIt(bool allow, Outcome expected)
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$"""{{{ClassicBase}},"allowBlobPublicAccess":{{(allow ? "true" : "false")}}}""");
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void AzureClassicAccount_WhenNestedItemsPublicUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicAccount, $$"""{{{ClassicBase}},"allowNestedItemsToBePublic":"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("allowNestedItemsToBePublic", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeAccount_WhenRemediated_ShouldTurnPublicAccessOffAndKeepOtherProperties()
    {
        var resource = Fixtures.Resource(NativeAccount, $$$"""
            {{{{NativeBase}}},"allowBlobPublicAccess":true,
             "customDomain":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":{"name":"files.example.com"}},
             "__defaults":[]}
            """);
        var configuration = PackConfiguration.Parse("""{"azure-storage-no-public-blob-access":"remediate"}""", [policy]);
        var (_, properties, problem) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.Null(problem);
        Assert.NotNull(properties);
        Assert.False(properties["allowBlobPublicAccess"].BoolValue);
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"].StringValue);
        Assert.Equal("Standard_ZRS", properties["sku"]["name"]!.StringValue);
        Assert.True(properties["customDomain"].IsSecret);
        Assert.True(properties.ContainsKey("__defaults"));
        Assert.Equal(resource.Properties.Count, properties.Count);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, resource with { Properties = properties }).Outcome);
    }

    [Fact]
    public void AzureClassicAccount_WhenRemediated_ShouldSetNestedItemsPublicFalse()
    {
        var resource = Fixtures.Resource(ClassicAccount, $$"""{{{ClassicBase}}}""");
        var configuration = PackConfiguration.Parse("""{"azure-storage-no-public-blob-access":"remediate"}""", [policy]);
        var (_, properties, _) = Assert.Single(new PolicyEngine([policy], configuration).Remediate(resource));
        Assert.NotNull(properties);
        Assert.False(properties["allowNestedItemsToBePublic"].BoolValue);
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, resource with { Properties = properties }).Outcome);
    }

    [Fact]
    public void AzureNativeAccount_WhenAbsent_ShouldNotRemediate()
    {
        var resource = Fixtures.Resource(NativeAccount, $$"""{{{NativeBase}}}""");
        var configuration = PackConfiguration.Parse("""{"azure-storage-no-public-blob-access":"remediate"}""", [policy]);
        Assert.Empty(new PolicyEngine([policy], configuration).Remediate(resource));
    }
}
