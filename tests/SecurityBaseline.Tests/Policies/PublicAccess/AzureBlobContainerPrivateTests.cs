using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.PublicAccess;

namespace SecurityBaseline.Tests.Policies.PublicAccess;

public class AzureBlobContainerPrivateTests
{
    private const string NativeContainer = "azure-native:storage:BlobContainer";
    private const string ClassicContainer = "azure:storage/container:Container";
    private readonly AzureBlobContainerPrivate policy = new();

    [Theory]
    [InlineData("""{"resourceGroupName":"rg-prod","accountName":"acmeprodsa","containerName":"invoices","publicAccess":"None"}""")]
    [InlineData("""{"resourceGroupName":"rg-prod","accountName":"acmeprodsa","containerName":"invoices"}""")]
    public void AzureNativeContainer_WhenNoneOrAbsent_ShouldPass(string inputs)
    {
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, NativeContainer, inputs).Outcome);
    }

    [Theory]
    [InlineData("Blob", "anyone can read its blobs")]
    [InlineData("Container", "anyone can list and read")]
    public void AzureNativeContainer_WhenPublic_ShouldFailNamingTheValue(string access, string consequence)
    {
        var result = Fixtures.Evaluate(policy, NativeContainer, $$"""{"resourceGroupName":"rg-prod","accountName":"acmeprodsa","containerName":"assets","publicAccess":"{{access}}"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        var message = Assert.Single(result.Messages);
        Assert.Contains($"publicAccess is \"{access}\"", message, StringComparison.Ordinal);
        Assert.Contains(consequence, message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeContainer_WhenPublicAccessUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeContainer, """{"resourceGroupName":"rg-prod","accountName":"acmeprodsa","publicAccess":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("publicAccess", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"name":"invoices","storageAccountId":"/subscriptions/0000/resourceGroups/rg-prod/providers/Microsoft.Storage/storageAccounts/acmeprodsa","containerAccessType":"private"}""")]
    [InlineData("""{"name":"invoices","storageAccountName":"acmeprodsa"}""")]
    public void AzureClassicContainer_WhenPrivateOrAbsent_ShouldPass(string inputs)
    {
        Assert.Equal(Outcome.Pass, Fixtures.Evaluate(policy, ClassicContainer, inputs).Outcome);
    }

    [Theory]
    [InlineData("blob")]
    [InlineData("container")]
    public void AzureClassicContainer_WhenPublic_ShouldFail(string access)
    {
        var result = Fixtures.Evaluate(policy, ClassicContainer, $$"""{"name":"assets","storageAccountName":"acmeprodsa","containerAccessType":"{{access}}"}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains($"containerAccessType is \"{access}\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicContainer_WhenAccessTypeUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicContainer, """{"name":"assets","containerAccessType":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}""");
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("containerAccessType", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeContainer_WhenSecretPublicValue_ShouldFailWithoutPrintingIt()
    {
        var result = Fixtures.Evaluate(policy, NativeContainer, """{"accountName":"acmeprodsa","publicAccess":{"4dabf18193072939515e22adb298388d":"1b47061264138c4ac30d75fd1eb44270","value":"Container"}}""");
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("[secret]", message, StringComparison.Ordinal);
        Assert.DoesNotContain("Container\"", message, StringComparison.Ordinal);
        Assert.DoesNotContain("list and read", message, StringComparison.Ordinal);
    }
}
