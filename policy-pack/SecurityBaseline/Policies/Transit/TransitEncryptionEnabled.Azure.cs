using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class TransitEncryptionEnabled
{
    private const string AzureFrontDoorForwarding = "#Microsoft.Azure.FrontDoor.Models.FrontdoorForwardingConfiguration";
    private const string AzureFrontDoorRedirect = "#Microsoft.Azure.FrontDoor.Models.FrontdoorRedirectConfiguration";

    private static IEnumerable<Requirement> AzureRows =>
    [
        .. AzureBackendCertificateRows("azure:apimanagement/backend:Backend",
            // A tls block the classic provider sends carries unset flags as false, so only an explicit true is trusted.
            AbsentReading.Fails("no validation documented by the provider (read strictly)")),
        .. AzureBackendCertificateRows("azure-native:apimanagement:Backend", AbsentReading.Passes("true (the SDK's and the API's default)")),
        new()
        {
            Type = "azure:cdn/endpoint:Endpoint",
            Path = "isHttpAllowed",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the provider's default)"),
            Problem = "the CDN endpoint serves content over plain HTTP.",
            Fix = "Set `isHttpAllowed: false` (keep `isHttpsAllowed` true).",
        },
        new()
        {
            Type = "azure-native:cdn:Endpoint",
            Path = "isHttpAllowed",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the SDK's default)"),
            Problem = "the CDN endpoint serves content over plain HTTP.",
            Fix = "Set `isHttpAllowed: false` (keep `isHttpsAllowed` true).",
        },
        new()
        {
            Type = "azure:frontdoor/frontdoor:Frontdoor",
            Within = "routingRules[]",
            Path = "acceptedProtocols",
            Expect = Must.NotContain("Http"),
            Absent = AbsentReading.Fails("no protocol list (the input is required)"),
            Problem = "a forwarding rule serves requests that arrive over plain HTTP.",
            Fix = "Set `acceptedProtocols: [\"Https\"]` on forwarding rules and answer HTTP with a rule whose `redirectConfiguration.redirectProtocol` is `\"HttpsOnly\"`.",
            When = new Condition("forwardingConfiguration", Must.BeSet()),
        },
        new()
        {
            Type = "azure:frontdoor/frontdoor:Frontdoor",
            Within = "routingRules[].forwardingConfiguration",
            Path = "forwardingProtocol",
            Expect = Must.BeOneOf("HttpsOnly"),
            Absent = AbsentReading.Passes("\"HttpsOnly\" (the provider's default)"),
            Problem = "Front Door forwards requests to the backends over plain HTTP.",
            Fix = "Set `forwardingConfiguration.forwardingProtocol: \"HttpsOnly\"`.",
        },
        new()
        {
            Type = "azure:frontdoor/frontdoor:Frontdoor",
            Within = "routingRules[].redirectConfiguration",
            Path = "redirectProtocol",
            Expect = Must.BeOneOf("HttpsOnly"),
            Absent = AbsentReading.Fails("no protocol (the input is required)"),
            Problem = "a redirect rule may send clients to a plain HTTP address.",
            Fix = "Set `redirectConfiguration.redirectProtocol: \"HttpsOnly\"`.",
        },
        new()
        {
            Type = "azure-native:frontdoor:FrontDoor",
            Within = "routingRules[]",
            Path = "acceptedProtocols",
            Expect = Must.NotContain("Http"),
            Absent = AbsentReading.Fails("the API's default protocols, which the SDK does not document (read strictly)"),
            Problem = "a forwarding rule serves requests that arrive over plain HTTP.",
            Fix = "Set `acceptedProtocols: [\"Https\"]` on forwarding rules and answer HTTP with a redirect rule whose `routeConfiguration.redirectProtocol` is `\"HttpsOnly\"`.",
            When = new Condition("routeConfiguration.odataType", Must.BeOneOf(AzureFrontDoorForwarding)),
        },
        new()
        {
            Type = "azure-native:frontdoor:FrontDoor",
            Within = "routingRules[].routeConfiguration",
            Path = "forwardingProtocol",
            Expect = Must.BeOneOf("HttpsOnly"),
            Absent = AbsentReading.Fails("the API's default protocol, which the SDK does not document (read strictly)"),
            Problem = "Front Door forwards requests to the backends over plain HTTP.",
            Fix = "Set `routeConfiguration.forwardingProtocol: \"HttpsOnly\"`.",
            When = new Condition("odataType", Must.BeOneOf(AzureFrontDoorForwarding)),
        },
        new()
        {
            Type = "azure-native:frontdoor:FrontDoor",
            Within = "routingRules[].routeConfiguration",
            Path = "redirectProtocol",
            Expect = Must.BeOneOf("HttpsOnly"),
            Absent = AbsentReading.Fails("the API's default protocol, which the SDK does not document (read strictly)"),
            Problem = "a redirect rule may send clients to a plain HTTP address.",
            Fix = "Set `routeConfiguration.redirectProtocol: \"HttpsOnly\"`.",
            When = new Condition("odataType", Must.BeOneOf(AzureFrontDoorRedirect)),
        },
        new()
        {
            Type = "azure:servicefabric/cluster:Cluster",
            Within = "fabricSettings[]",
            Path = "parameters.ClusterProtectionLevel",
            Expect = Must.BeOneOf("EncryptAndSign"),
            Absent = AbsentReading.Fails("\"None\" (Service Fabric's default for the setting)"),
            Problem = "the cluster's nodes talk to each other without encryption.",
            Fix = "Set `parameters.ClusterProtectionLevel: \"EncryptAndSign\"` in the `fabricSettings` entry named `\"Security\"`.",
            When = new Condition("name", Must.BeOneOf("Security")),
        },
    ];

    private static IEnumerable<Requirement> AzureBackendCertificateRows(string type, AbsentReading absent) =>
    [
        new()
        {
            Type = type,
            Path = "tls.validateCertificateChain",
            Expect = Must.Be(true),
            Absent = absent,
            Problem = "API Management accepts any certificate chain from the backend, so its TLS connection can be intercepted.",
            Fix = "Set `tls.validateCertificateChain: true`.",
        },
        new()
        {
            Type = type,
            Path = "tls.validateCertificateName",
            Expect = Must.Be(true),
            Absent = absent,
            Problem = "API Management accepts a backend certificate issued for another name, so its TLS connection can be intercepted.",
            Fix = "Set `tls.validateCertificateName: true`.",
        },
    ];
}
