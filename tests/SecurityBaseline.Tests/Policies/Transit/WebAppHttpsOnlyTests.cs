using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class WebAppHttpsOnlyTests
{
    private const string NativeWebApp = "azure-native:web:WebApp";
    private const string LinuxWebApp = "azure:appservice/linuxWebApp:LinuxWebApp";
    private const string WindowsWebApp = "azure:appservice/windowsWebApp:WindowsWebApp";
    private const string PlanId = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/plan-web";
    private readonly WebAppHttpsOnly policy = new();

    private static string Native(string httpsOnly, string siteConfig) =>
        $$"""{"resourceGroupName":"rg-web","name":"app-portal","location":"westeurope","kind":"app,linux","serverFarmId":"{{PlanId}}"{{httpsOnly}},"siteConfig":{{siteConfig}}}""";

    private static string Classic(string httpsOnly, string siteConfig) =>
        $$"""{"name":"app-portal","resourceGroupName":"rg-web","location":"westeurope","servicePlanId":"{{PlanId}}"{{httpsOnly}},"siteConfig":{{siteConfig}}}""";

    [Fact]
    public void AzureNativeWebApp_WhenHttpsOnlyTls12AndFtpsOnly_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeWebApp, Native(",\"httpsOnly\":true", """{"minTlsVersion":"1.2","scmMinTlsVersion":"1.2","ftpsState":"FtpsOnly","http20Enabled":true}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeWebApp_WhenHttpsOnlyAbsent_ShouldFailAsFalse()
    {
        var result = Fixtures.Evaluate(policy, NativeWebApp, Native(string.Empty, """{"minTlsVersion":"1.2","ftpsState":"Disabled"}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Equal(EnforcementLevel.Mandatory, result.Level);
        Assert.Contains("httpsOnly is absent (false by default)", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeWebApp_WhenFtpsStateAbsent_ShouldFailAsAllAllowed()
    {
        var result = Fixtures.Evaluate(policy, NativeWebApp, Native(",\"httpsOnly\":true", """{"minTlsVersion":"1.2"}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("AllAllowed", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"minTlsVersion":"1.0","ftpsState":"Disabled"}""", "siteConfig.minTlsVersion is \"1.0\"")]
    [InlineData("""{"scmMinTlsVersion":"1.1","ftpsState":"Disabled"}""", "siteConfig.scmMinTlsVersion is \"1.1\"")]
    [InlineData("""{"ftpsState":"AllAllowed"}""", "siteConfig.ftpsState is \"AllAllowed\"")]
    public void AzureNativeWebApp_WhenOldTlsOrPlainFtp_ShouldFailNamingTheSetting(string siteConfig, string expected)
    {
        var result = Fixtures.Evaluate(policy, NativeWebApp, Native(",\"httpsOnly\":true", siteConfig));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeWebApp_WhenHttpsOnlyUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, NativeWebApp, Native(",\"httpsOnly\":\"1c4a061d-8072-4f0a-a4cb-0ff528b18fe7\"", """{"minTlsVersion":"1.2","ftpsState":"FtpsOnly"}"""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("httpsOnly", result.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LinuxWebApp, """{"minimumTlsVersion":"1.2","alwaysOn":true}""")]
    [InlineData(WindowsWebApp, """{"minimumTlsVersion":"1.3","scmMinimumTlsVersion":"1.2","ftpsState":"FtpsOnly"}""")]
    [InlineData(LinuxWebApp, "{}")]
    public void AzureClassicWebApp_WhenHttpsOnlyAndSecureDefaults_ShouldPass(string type, string siteConfig)
    {
        var result = Fixtures.Evaluate(policy, type, Classic(",\"httpsOnly\":true", siteConfig));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData(LinuxWebApp, "", """{"minimumTlsVersion":"1.2"}""", "httpsOnly is absent")]
    [InlineData(WindowsWebApp, ",\"httpsOnly\":false", """{"minimumTlsVersion":"1.2"}""", "httpsOnly is false")]
    [InlineData(WindowsWebApp, ",\"httpsOnly\":true", """{"ftpsState":"AllAllowed"}""", "siteConfig.ftpsState is \"AllAllowed\"")]
    [InlineData(LinuxWebApp, ",\"httpsOnly\":true", """{"minimumTlsVersion":"1.1"}""", "siteConfig.minimumTlsVersion is \"1.1\"")]
    [InlineData(LinuxWebApp, ",\"httpsOnly\":true", """{"scmMinimumTlsVersion":"1.0"}""", "siteConfig.scmMinimumTlsVersion is \"1.0\"")]
    public void AzureClassicWebApp_WhenHttpOldTlsOrPlainFtp_ShouldFail(string type, string httpsOnly, string siteConfig, string expected)
    {
        var result = Fixtures.Evaluate(policy, type, Classic(httpsOnly, siteConfig));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicWebApp_WhenTlsUnknownAndHttpsOff_ShouldFailAndRecordTheUnknown()
    {
        var result = Fixtures.Evaluate(policy, LinuxWebApp, Classic(",\"httpsOnly\":false", """{"minimumTlsVersion":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}"""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("httpsOnly", Assert.Single(result.Messages), StringComparison.Ordinal);
        Assert.Contains("siteConfig.minimumTlsVersion", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicWebApp_WhenFtpsStateUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, WindowsWebApp, Classic(",\"httpsOnly\":true", """{"ftpsState":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"}"""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("siteConfig.ftpsState", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeSlot_WhenHttpsOnlyAbsent_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:web:WebAppSlot", """
            {"name":"app-orders","slot":"staging","resourceGroupName":"rg-web","location":"japaneast","serverFarmId":"/subscriptions/0b1c/resourceGroups/rg-web/providers/Microsoft.Web/serverfarms/plan",
             "siteConfig":{"minTlsVersion":"1.2","scmMinTlsVersion":"1.2","ftpsState":"Disabled"}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("httpsOnly", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicFunctionApp_WhenHttpsOnlyAndTls12_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "azure:appservice/linuxFunctionApp:LinuxFunctionApp", """
            {"name":"func-orders","resourceGroupName":"rg-web","location":"japaneast","servicePlanId":"/subscriptions/0b1c/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan",
             "storageAccountName":"stfuncorders","httpsOnly":true,"siteConfig":{"minimumTlsVersion":"1.2","scmMinimumTlsVersion":"1.2"}}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicWindowsFunctionAppSlot_WhenFtpAllowed_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "azure:appservice/windowsFunctionAppSlot:WindowsFunctionAppSlot", """
            {"name":"staging","functionAppId":"/subscriptions/0b1c/resourceGroups/rg-web/providers/Microsoft.Web/sites/func-orders","storageAccountName":"stfuncorders",
             "httpsOnly":true,"siteConfig":{"ftpsState":"AllAllowed"}}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("plain FTP", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    /// <summary>A deprecated classic site with the inputs its type requires (a slot names its app, a function app its storage).</summary>
    private static string LegacySite(string type, string httpsOnly, string siteConfig)
    {
        const string Storage = "\"storageAccountName\":\"stlegacy\",\"storageAccountAccessKey\":{\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\",\"value\":\"c2VjcmV0\"}";
        var own = type switch
        {
            "azure:appservice/slot:Slot" => ",\"appServiceName\":\"app-legacy\"",
            "azure:appservice/functionApp:FunctionApp" => "," + Storage,
            "azure:appservice/functionAppSlot:FunctionAppSlot" => ",\"functionAppName\":\"func-legacy\"," + Storage,
            _ => string.Empty,
        };
        return $$"""{"name":"app-legacy","resourceGroupName":"rg-web","location":"japaneast","appServicePlanId":"/subscriptions/0b1c/resourceGroups/rg-web/providers/Microsoft.Web/serverFarms/plan"{{own}}{{httpsOnly}},"siteConfig":{{siteConfig}}}""";
    }

    [Theory]
    [InlineData("azure:appservice/appService:AppService", """{"minTlsVersion":"1.2","ftpsState":"Disabled"}""")]
    [InlineData("azure:appservice/slot:Slot", """{"ftpsState":"FtpsOnly"}""")]
    [InlineData("azure:appservice/functionApp:FunctionApp", """{"minTlsVersion":"1.2","ftpsState":"FtpsOnly"}""")]
    [InlineData("azure:appservice/functionAppSlot:FunctionAppSlot", """{"minTlsVersion":"1.2","ftpsState":"Disabled"}""")]
    public void AzureClassicLegacySite_WhenHttpsOnlyTls12AndNoPlainFtp_ShouldPass(string type, string siteConfig)
    {
        var result = Fixtures.Evaluate(policy, type, LegacySite(type, ",\"httpsOnly\":true", siteConfig));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("azure:appservice/appService:AppService", "", """{"minTlsVersion":"1.2","ftpsState":"Disabled"}""", "httpsOnly is absent")]
    [InlineData("azure:appservice/slot:Slot", ",\"httpsOnly\":true", """{"minTlsVersion":"1.0","ftpsState":"Disabled"}""", "siteConfig.minTlsVersion is \"1.0\"")]
    [InlineData("azure:appservice/functionApp:FunctionApp", ",\"httpsOnly\":true", """{"minTlsVersion":"1.2"}""", "siteConfig.ftpsState is absent, which Azure treats as AllAllowed")]
    [InlineData("azure:appservice/functionAppSlot:FunctionAppSlot", ",\"httpsOnly\":false", """{"ftpsState":"Disabled"}""", "httpsOnly is false")]
    public void AzureClassicLegacySite_WhenHttpOldTlsOrPlainFtp_ShouldFail(string type, string httpsOnly, string siteConfig, string expected)
    {
        var result = Fixtures.Evaluate(policy, type, LegacySite(type, httpsOnly, siteConfig));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }
}
