using System.Text.Json;
using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Keys;

namespace SecurityBaseline.Tests.Policies;

/// <summary>Secrets where they really land: app settings, connection strings, container and function environment variables.</summary>
public class SecretsNotPlaintextSettingsTests
{
    private const string SecretSignature = "\"4dabf18193072939515e22adb298388d\":\"1b47061264138c4ac30d75fd1eb44270\"";
    private const string Leaky = "Zq7LEAKCHECKplaintext4411";
    private const string Plan = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-app/providers/Microsoft.Web/serverFarms/plan-app";

    private readonly SecretsNotPlaintext policy = new();

    private static string Secret(string value) => $$"""{{{SecretSignature}},"value":"{{value}}"}""";

    private static string Ecs(string environment) =>
        "{\"family\":\"app\",\"containerDefinitions\":" + JsonSerializer.Serialize("[{\"name\":\"app\",\"image\":\"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app:1.4.2\",\"essential\":true,\"environment\":" + environment + ",\"secrets\":[{\"name\":\"DB_PASSWORD\",\"valueFrom\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\"}]}]") + "}";

    private static string Lambda(string variables) =>
        "{\"role\":\"arn:aws:iam::123456789012:role/app\",\"runtime\":\"python3.12\",\"handler\":\"app.handler\",\"packageType\":\"Zip\",\"environment\":{\"variables\":" + variables + "}}";

    private static string NativeWebApp(string siteConfig) =>
        "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"serverFarmId\":\"" + Plan + "\",\"httpsOnly\":true,\"siteConfig\":" + siteConfig + "}";

    private static string ContainerGroup(string variables) =>
        "{\"resourceGroupName\":\"rg-app\",\"osType\":\"Linux\",\"containers\":[{\"name\":\"app\",\"image\":\"mcr.microsoft.com/azuredocs/aci-helloworld\",\"resources\":{\"requests\":{\"cpu\":1,\"memoryInGB\":1.5}},\"environmentVariables\":" + variables + "}]}";

    private static string Classic(string settings, string connectionStrings = "[]") =>
        "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"location\":\"westeurope\",\"servicePlanId\":\"" + Plan + "\",\"siteConfig\":{},\"appSettings\":" + settings + ",\"connectionStrings\":" + connectionStrings + "}";

    public static TheoryData<string, string, string> Plaintext { get; } = new()
    {
        { "azure-native:web:WebApp", NativeWebApp("{\"appSettings\":[{\"name\":\"WEBSITE_RUN_FROM_PACKAGE\",\"value\":\"1\"},{\"name\":\"DB_PASSWORD\",\"value\":\"" + Leaky + "\"}]}"), "siteConfig.appSettings[1] (DB_PASSWORD)" },
        { "azure-native:web:WebApp", NativeWebApp("{\"connectionStrings\":[{\"name\":\"Main\",\"type\":\"SQLAzure\",\"connectionString\":\"Server=tcp:sql-app.database.windows.net;Database=app;User ID=app;Password=" + Leaky + ";\"}]}"), "siteConfig.connectionStrings[0] (Main)" },
        { "azure-native:web:WebAppApplicationSettings", "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"properties\":{\"Stripe__ApiKey\":\"" + Leaky + "\"}}", "properties.Stripe__ApiKey" },
        { "azure-native:web:WebAppApplicationSettings", "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"properties\":{\"Storage\":\"DefaultEndpointsProtocol=https;AccountName=stapp;AccountKey=" + Leaky + ";EndpointSuffix=core.windows.net\"}}", "properties.Storage" },
        { "azure-native:web:WebAppConnectionStrings", "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"properties\":{\"Main\":{\"type\":\"PostgreSQL\",\"value\":\"Host=pg-app;Username=app;Password=" + Leaky + "\"}}}", "properties.Main" },
        { "azure:appservice/linuxWebApp:LinuxWebApp", Classic("{\"GITHUB_TOKEN\":\"" + Leaky + "\"}"), "appSettings.GITHUB_TOKEN" },
        { "azure:appservice/windowsWebApp:WindowsWebApp", Classic("{}", "[{\"name\":\"Main\",\"type\":\"SQLAzure\",\"value\":\"Server=sql-app;Pwd=" + Leaky + "\"}]"), "connectionStrings[0] (Main)" },
        { "azure:appservice/linuxFunctionApp:LinuxFunctionApp", Classic("{\"AWS_KEY\":\"AKIAIOSFODNN7EXAMPLE\"}"), "appSettings.AWS_KEY" },
        { "azure:appservice/windowsFunctionApp:WindowsFunctionApp", Classic("{\"client_secret\":\"" + Leaky + "\"}"), "appSettings.client_secret" },
        { "azure-native:containerinstance:ContainerGroup", ContainerGroup("[{\"name\":\"API_KEY\",\"value\":\"" + Leaky + "\"}]"), "containers[0].environmentVariables[0] (API_KEY)" },
        { "aws:ecs/taskDefinition:TaskDefinition", Ecs("[{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"JWT_SECRET\",\"value\":\"" + Leaky + "\"}]"), "containerDefinitions[0].environment[1] (JWT_SECRET)" },
        { "aws:ecs/taskDefinition:TaskDefinition", Ecs("[{\"name\":\"TLS_KEY\",\"value\":\"-----BEGIN RSA PRIVATE KEY-----\\nMIIE" + Leaky + "\"}]"), "containerDefinitions[0].environment[0] (TLS_KEY)" },
        { "aws:lambda/function:Function", Lambda("{\"STAGE\":\"prod\",\"DATABASE_URL\":\"postgres://app:" + Leaky + "@db.internal:5432/app\"}"), "environment.variables.DATABASE_URL" },
        { "aws:lambda/function:Function", Lambda("{\"SLACK_TOKEN\":\"" + Leaky + "\"}"), "environment.variables.SLACK_TOKEN" },
    };

    public static TheoryData<string, string> Compliant { get; } = new()
    {
        { "azure-native:web:WebApp", NativeWebApp("{\"appSettings\":[{\"name\":\"DB_PASSWORD\",\"value\":\"@Microsoft.KeyVault(SecretUri=https://kv-app.vault.azure.net/secrets/db-password/)\"},{\"name\":\"API_KEY\",\"value\":" + Secret(Leaky) + "},{\"name\":\"TOKEN_URL\",\"value\":\"https://login.example.com/token\"},{\"name\":\"SECRET_NAME\",\"value\":\"db-password\"}]}") },
        { "azure-native:web:WebApp", NativeWebApp("{\"connectionStrings\":[{\"name\":\"Main\",\"type\":\"SQLAzure\",\"connectionString\":\"Server=tcp:sql-app.database.windows.net;Database=app;Authentication=Active Directory Managed Identity\"}]}") },
        { "azure-native:web:WebApp", NativeWebApp("{\"appSettings\":" + Secret("[]") + "}") },
        { "azure-native:web:WebAppApplicationSettings", "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"properties\":{\"DB_PASSWORD\":\"\",\"FEATURE_FLAGS\":\"beta\"}}" },
        { "azure-native:web:WebAppConnectionStrings", "{\"name\":\"app-web\",\"resourceGroupName\":\"rg-app\",\"properties\":{\"Main\":{\"type\":\"SQLAzure\",\"value\":" + Secret("Server=sql-app;Password=" + Leaky) + "}}}" },
        { "azure:appservice/linuxWebApp:LinuxWebApp", Classic("{\"DB_PASSWORD\":\"@Microsoft.KeyVault(VaultName=kv-app;SecretName=db-password)\",\"STAGE\":\"prod\"}") },
        { "azure:appservice/linuxFunctionApp:LinuxFunctionApp", Classic("{\"AzureWebJobsStorage__accountName\":\"stapp\"}", "[{\"name\":\"Main\",\"type\":\"SQLAzure\",\"value\":" + Secret("Server=sql-app;Password=" + Leaky) + "}]") },
        { "azure-native:containerinstance:ContainerGroup", ContainerGroup("[{\"name\":\"API_KEY\",\"secureValue\":" + Secret(Leaky) + "},{\"name\":\"DB_PASSWORD\",\"secureValue\":\"" + Leaky + "\"},{\"name\":\"STAGE\",\"value\":\"prod\"}]") },
        { "aws:ecs/taskDefinition:TaskDefinition", Ecs("[{\"name\":\"LOG_LEVEL\",\"value\":\"info\"},{\"name\":\"DB_PASSWORD_ARN\",\"value\":\"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf\"},{\"name\":\"API_TOKEN\",\"value\":\"arn:aws:ssm:eu-west-1:123456789012:parameter/app/api-token\"}]") },
        { "aws:lambda/function:Function", Lambda("{\"STAGE\":\"prod\",\"API_TOKEN\":" + Secret(Leaky) + "}") },
        { "aws:lambda/function:Function", Lambda(Secret("{}")) },
    };

    [Theory]
    [MemberData(nameof(Plaintext))]
    public void Settings_WhenASecretLandsInPlaintext_ShouldFailNamingTheSettingNotTheValue(string type, string inputs, string setting)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains(setting, message, StringComparison.Ordinal);
        Assert.DoesNotContain("LEAKCHECK", message, StringComparison.Ordinal);
        Assert.DoesNotContain("AKIA", message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Compliant))]
    public void Settings_WhenSecretsAreSecretsOrReferences_ShouldPass(string type, string inputs)
    {
        var result = Fixtures.Evaluate(policy, type, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void LambdaFunction_WhenASecretNamedVariableIsUnknown_ShouldBeNotApplicable()
    {
        var result = Fixtures.Evaluate(policy, "aws:lambda/function:Function", Lambda("{\"API_TOKEN\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"}"));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
    }

    [Fact]
    public void EcsTaskDefinition_WhenContainerDefinitionsIsNotJson_ShouldErrorNamingThePathOnly()
    {
        var result = Fixtures.Evaluate(policy, "aws:ecs/taskDefinition:TaskDefinition", "{\"family\":\"app\",\"containerDefinitions\":\"[{\\\"name\\\":\\\"LEAKCHECK\\\",\"}");
        Assert.NotEqual(Outcome.Pass, result.Outcome);
        Assert.DoesNotContain("LEAKCHECK", string.Join(" ", result.Messages) + result.Reason, StringComparison.Ordinal);
    }
}
