using System.Text.RegularExpressions;
using Baseline.Settings;

namespace Infra.Settings.Tests;

public class AzureNamingTests
{
    [Theory]
    [InlineData("prod")]
    [InlineData("dev")]
    public void StorageAccountName_WhenEnvironmentIsShortAndPlain_ShouldLeaveNamingToPulumiSoExistingAccountsStay(string environment)
    {
        var settings = ProdConfig.Load(stack: environment);

        Assert.Null(settings.StorageAccountName);
    }

    [Fact]
    public void StorageAccountName_WhenPlainEnvironmentIsTooLongForAutoNaming_ShouldDeriveAValidNameKeepingIt()
    {
        var settings = ProdConfig.Load(c => c["environment"] = "staging2", stack: "dev");

        Assert.StartsWith("ststaging2", settings.StorageAccountName, StringComparison.Ordinal);
        AssertValidStorageAccountName(settings.StorageAccountName!);
    }

    [Theory]
    [InlineData("Staging-EU_West.2")]
    [InlineData("a-very-long-environment-name-for-a-feature-branch")]
    [InlineData("---")]
    [InlineData("環境")]
    public void StorageAccountName_WhenEnvironmentIsAwkward_ShouldDeriveAValidName(string environment)
    {
        var settings = ProdConfig.Load(c => c["environment"] = environment, stack: "dev");

        AssertValidStorageAccountName(settings.StorageAccountName!);
    }

    [Fact]
    public void StorageAccountName_WhenEnvironmentHasCapitalsAndPunctuation_ShouldLowercaseAndDropThem()
    {
        var name = StackSettings.DeriveStorageAccountName("Staging-EU_West.2");

        Assert.Matches("^ststagingeuwest2[0-9a-f]{8}$", name);
    }

    [Fact]
    public void StorageAccountName_WhenDerivedTwice_ShouldBeTheSame()
    {
        Assert.Equal(StackSettings.DeriveStorageAccountName("feature-login"), StackSettings.DeriveStorageAccountName("feature-login"));
    }

    [Theory]
    [InlineData("dev-1", "dev1")]
    [InlineData("feature-branch-number-one", "feature-branch-number-two")]
    public void StorageAccountName_WhenEnvironmentsDifferOnlyInDroppedCharacters_ShouldStillDiffer(string one, string other)
    {
        Assert.NotEqual(StackSettings.DeriveStorageAccountName(one), StackSettings.DeriveStorageAccountName(other));
    }

    [Fact]
    public void StorageAccountName_WhenSetExplicitlyAndValid_ShouldBeUsedAsWritten()
    {
        var settings = ProdConfig.Load(c => c["storageAccountName"] = "contosoprodlogs01");

        Assert.Equal("contosoprodlogs01", settings.StorageAccountName);
    }

    [Theory]
    [InlineData("Contoso-Prod")]
    [InlineData("st")]
    [InlineData("abcdefghijklmnopqrstuvwxy")]
    public void StorageAccountName_WhenSetExplicitlyAndInvalid_ShouldFailNamingTheKey(string name)
    {
        var error = ProdConfig.Fails(c => c["storageAccountName"] = name);

        Assert.Contains(error.Problems, p => p.StartsWith($"storageAccountName \"{name}\" is not an Azure storage account name", StringComparison.Ordinal));
    }

    [Fact]
    public void StorageFirewallIPv4_WhenAllowlistHasA32_ShouldWriteTheSingleAddress()
    {
        var settings = ProdConfig.Load(c => c["security-baseline:allowedCidrs"] = """["203.0.113.7/32","198.51.100.0/24"]""");

        Assert.Equal(["203.0.113.7", "198.51.100.0/24"], settings.StorageFirewallIPv4);
    }

    [Fact]
    public void StorageFirewallIPv4_WhenAllowlistHasA31_ShouldWriteItsTwoAddresses()
    {
        var settings = ProdConfig.Load(c => c["security-baseline:allowedCidrs"] = """["203.0.113.6/31"]""");

        Assert.Equal(["203.0.113.6", "203.0.113.7"], settings.StorageFirewallIPv4);
    }

    [Fact]
    public void StorageFirewallIPv4_WhenAllowlistHasOnlyWideBlocksAndIPv6_ShouldKeepTheIPv4BlocksAsWritten()
    {
        var settings = ProdConfig.Load();

        Assert.Equal(["203.0.113.0/24", "198.51.100.0/24"], settings.StorageFirewallIPv4);
        Assert.All(settings.StorageFirewallIPv4, entry => Assert.DoesNotContain(":", entry, StringComparison.Ordinal));
    }

    private static void AssertValidStorageAccountName(string name) =>
        Assert.Matches(new Regex("^[a-z0-9]{3,24}$", RegexOptions.CultureInvariant), name);
}
