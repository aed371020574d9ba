using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class ServiceMinimumTlsVersion
{
    private const string AzureWeakTlsProblem = "clients may connect with TLS 1.0 or 1.1, whose ciphers are broken.";

    private static IEnumerable<Requirement> AzureRows =>
    [
        .. AzureApiManagementProtocolRows,
        AzureMinimumVersionRow("azure:eventhub/eventHubNamespace:EventHubNamespace", "minimumTlsVersion", AzureClassicDefault12),
        AzureMinimumVersionRow("azure:eventhub/namespace:Namespace", "minimumTlsVersion", AzureClassicDefault12),
        AzureMinimumVersionRow("azure:servicebus/namespace:Namespace", "minimumTlsVersion", AzureClassicDefault12),
        AzureMinimumVersionRow("azure:mssql/server:Server", "minimumTlsVersion", AzureClassicDefault12),
        AzureMinimumVersionRow("azure:mssql/managedInstance:ManagedInstance", "minimumTlsVersion", AzureClassicDefault12),
        AzureMinimumVersionRow("azure-native:eventhub:Namespace", "minimumTlsVersion", AbsentReading.Fails("the API's default, which the SDK does not document for API 2024-01-01 (read strictly)")),
        AzureMinimumVersionRow("azure-native:servicebus:Namespace", "minimumTlsVersion", AbsentReading.Fails("the API's default, which the SDK does not document (read strictly)")),
        AzureMinimumVersionRow("azure-native:sql:Server", "minimalTlsVersion", AbsentReading.Fails("the API's default, which the SDK does not document (read strictly)")),
        AzureMinimumVersionRow("azure-native:sql:ManagedInstance", "minimalTlsVersion", AbsentReading.Fails("the API's default, which the SDK does not document (read strictly)")),
        new()
        {
            Type = "azure:cosmosdb/account:Account",
            Path = "minimalTlsVersion",
            Expect = Must.BeOneOf("Tls12"),
            Absent = AbsentReading.Passes("\"Tls12\" (the provider's default)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `minimalTlsVersion: \"Tls12\"`.",
        },
        new()
        {
            Type = "azure-native:cosmosdb:DatabaseAccount",
            Path = "minimalTlsVersion",
            Expect = Must.BeOneOf("Tls12"),
            Absent = AbsentReading.Passes("TLS 1.2 (the API's documented default)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `minimalTlsVersion: \"Tls12\"`.",
        },
        new()
        {
            Type = "azure:cdn/endpointCustomDomain:EndpointCustomDomain",
            Within = "cdnManagedHttps",
            Path = "tlsVersion",
            Expect = Must.BeOneOf("TLS12"),
            Absent = AbsentReading.Passes("\"TLS12\" (the provider's default)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `cdnManagedHttps.tlsVersion: \"TLS12\"`.",
        },
        new()
        {
            Type = "azure:cdn/endpointCustomDomain:EndpointCustomDomain",
            Within = "userManagedHttps",
            Path = "tlsVersion",
            Expect = Must.BeOneOf("TLS12"),
            Absent = AbsentReading.Passes("\"TLS12\" (the provider's default)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `userManagedHttps.tlsVersion: \"TLS12\"`.",
        },
        new()
        {
            Type = "azure-native:cdn:AFDCustomDomain",
            Path = "tlsSettings.minimumTlsVersion",
            Expect = Must.BeOneOf("TLS12", "TLS13"),
            Absent = AbsentReading.Fails("the API's default, which the SDK does not document (read strictly)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `tlsSettings.minimumTlsVersion: \"TLS12\"` (or choose `tlsSettings.cipherSuiteSetType: \"TLS12_2023\"`).",

            // The minimum version is read only with a customized cipher suite set; a predefined set carries its own.
            When = new Condition("tlsSettings.cipherSuiteSetType", Must.BeOneOf("Customized"), WhenAbsent: true),
        },
        new()
        {
            Type = "azure-native:cdn:AFDCustomDomain",
            Path = "tlsSettings.cipherSuiteSetType",
            Expect = Must.NotBeOneOf("TLS10_2019"),
            Absent = AbsentReading.Passes("no predefined set: `tlsSettings.minimumTlsVersion` decides (the row above)"),
            Problem = AzureWeakTlsProblem,
            Fix = "Set `tlsSettings.cipherSuiteSetType: \"TLS12_2023\"` (or `\"TLS12_2022\"`).",
        },
    ];

    private static AbsentReading AzureClassicDefault12 => AbsentReading.Passes("\"1.2\" (the provider's default)");

    private static Requirement AzureMinimumVersionRow(string type, string path, AbsentReading absent) => new()
    {
        Type = type,
        Path = path,
        Expect = Must.BeOneOf("1.2", "1.3"),
        Absent = absent,
        Problem = AzureWeakTlsProblem,
        Fix = $"Set `{path}: \"1.2\"`.",
    };

    /// <summary>The classic API Management flags that switch old protocols on, each off by the provider's default; the deprecated names still reach the API.</summary>
    private static IEnumerable<Requirement> AzureApiManagementProtocolRows
    {
        get
        {
            (string Flag, string Protocol, string Peers)[] flags =
            [
                ("frontendSsl30Enabled", "SSL 3.0", "clients"),
                ("frontendTls10Enabled", "TLS 1.0", "clients"),
                ("frontendTls11Enabled", "TLS 1.1", "clients"),
                ("backendSsl30Enabled", "SSL 3.0", "backends"),
                ("backendTls10Enabled", "TLS 1.0", "backends"),
                ("backendTls11Enabled", "TLS 1.1", "backends"),
                ("enableFrontendSsl30", "SSL 3.0", "clients"),
                ("enableFrontendTls10", "TLS 1.0", "clients"),
                ("enableFrontendTls11", "TLS 1.1", "clients"),
                ("enableBackendSsl30", "SSL 3.0", "backends"),
                ("enableBackendTls10", "TLS 1.0", "backends"),
                ("enableBackendTls11", "TLS 1.1", "backends"),
            ];
            return flags.Select(f => new Requirement
            {
                Type = "azure:apimanagement/service:Service",
                Path = $"security.{f.Flag}",
                Expect = Must.Be(false),
                Absent = AbsentReading.Passes("false (the provider's default)"),
                Problem = $"the API gateway speaks {f.Protocol} with {f.Peers}, whose ciphers are broken.",
                Fix = $"Set `security.{f.Flag}: false` (or leave it out).",
            });
        }
    }
}
