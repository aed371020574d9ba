using PolicyPack.Sdk.Engine;
using SecurityBaseline.Policies.Transit;

namespace SecurityBaseline.Tests.Policies.Transit;

public class ApplicationGatewayTlsTests
{
    private const string NativeGateway = "azure-native:network:ApplicationGateway";
    private const string ClassicGateway = "azure:network/applicationGateway:ApplicationGateway";
    private const string Gateway = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-edge/providers/Microsoft.Network/applicationGateways/agw-edge";
    private const string ModernPolicy = """{"policyType":"Predefined","policyName":"AppGwSslPolicy20220101S"}""";
    private const string HttpsRule = $$"""{"name":"https-rule","ruleType":"Basic","priority":100,"httpListener":{"id":"{{Gateway}}/httpListeners/web-https"},"backendAddressPool":{"id":"{{Gateway}}/backendAddressPools/app"},"backendHttpSettings":{"id":"{{Gateway}}/backendHttpSettingsCollection/app-https"} }""";
    private const string RedirectRule = $$"""{"name":"http-redirect","ruleType":"Basic","priority":200,"httpListener":{"id":"$self/httpListeners/web-http"},"redirectConfiguration":{"id":"{{Gateway}}/redirectConfigurations/http-to-https"} }""";
    private readonly ApplicationGatewayTls policy = new();

    private static string Native(string? sslPolicy = ModernPolicy, string redirectType = "Permanent", string target = "\"targetListener\":{\"id\":\"" + Gateway + "/httpListeners/web-https\"}", string rules = HttpsRule + "," + RedirectRule) =>
        $$"""
        {"resourceGroupName":"rg-edge","applicationGatewayName":"agw-edge","location":"westeurope","sku":{"name":"WAF_v2","tier":"WAF_v2","capacity":2},
         {{(sslPolicy is null ? string.Empty : $"\"sslPolicy\":{sslPolicy},")}}
         "frontendPorts":[{"name":"port-443","port":443},{"name":"port-80","port":80}],
         "httpListeners":[
           {"name":"web-https","protocol":"Https","frontendPort":{"id":"{{Gateway}}/frontendPorts/port-443"},"sslCertificate":{"id":"{{Gateway}}/sslCertificates/web-cert"} },
           {"name":"web-http","protocol":"Http","frontendPort":{"id":"{{Gateway}}/frontendPorts/port-80"} }],
         "redirectConfigurations":[{"name":"http-to-https","redirectType":"{{redirectType}}",{{target}},"includePath":true,"includeQueryString":true}],
         "requestRoutingRules":[{{rules}}]}
        """;

    private static string Classic(string sslPolicy = ModernPolicy, string redirectType = "Permanent", string target = "\"targetListenerName\":\"web-https\"", string httpRule = "\"redirectConfigurationName\":\"http-to-https\"") =>
        $$"""
        {"name":"agw-edge","resourceGroupName":"rg-edge","location":"westeurope","sku":{"name":"WAF_v2","tier":"WAF_v2","capacity":2},
         "sslPolicy":{{sslPolicy}},
         "frontendPorts":[{"name":"port-443","port":443},{"name":"port-80","port":80}],
         "httpListeners":[
           {"name":"web-https","protocol":"Https","frontendIpConfigurationName":"public","frontendPortName":"port-443","sslCertificateName":"web-cert"},
           {"name":"web-http","protocol":"Http","frontendIpConfigurationName":"public","frontendPortName":"port-80"}],
         "redirectConfigurations":[{"name":"http-to-https","redirectType":"{{redirectType}}",{{target}},"includePath":true}],
         "requestRoutingRules":[
           {"name":"https-rule","ruleType":"Basic","priority":100,"httpListenerName":"web-https","backendAddressPoolName":"app","backendHttpSettingsName":"app-https"},
           {"name":"http-redirect","ruleType":"Basic","priority":200,"httpListenerName":"web-http",{{httpRule}}}]}
        """;

    [Fact]
    public void AzureNativeGateway_WhenHttpRedirectsPermanentlyToHttpsAndPolicyIsModern_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native());
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeGateway_WhenSslPolicyAbsent_ShouldPassOnTheApiDefault()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(sslPolicy: null));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Theory]
    [InlineData("Temporary")]
    [InlineData("Found")]
    [InlineData("SeeOther")]
    public void AzureNativeGateway_WhenRedirectToHttpsIsNotPermanent_ShouldPassAsEveryRedirectTypeLeavesPlainHttp(string redirectType)
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(redirectType: redirectType));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    private static string NativePathBased(string pathRuleAction) =>
        Native(rules: HttpsRule + "," + $$"""{"name":"http-paths","ruleType":"PathBasedRouting","priority":200,"httpListener":{"id":"{{Gateway}}/httpListeners/web-http"},"urlPathMap":{"id":"{{Gateway}}/urlPathMaps/http-paths"} }""")
            .Replace("\"requestRoutingRules\":", $$"""
                "urlPathMaps":[{"name":"http-paths","defaultRedirectConfiguration":{"id":"{{Gateway}}/redirectConfigurations/http-to-https"},
                  "pathRules":[{"name":"api","paths":["/api/*"],{{pathRuleAction}} }]}],
                "requestRoutingRules":
                """, StringComparison.Ordinal);

    [Fact]
    public void AzureNativeGateway_WhenPathBasedRuleRedirectsEveryPathToHttps_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, NativePathBased($$"""
            "redirectConfiguration":{"id":"{{Gateway}}/redirectConfigurations/http-to-https"}
            """));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeGateway_WhenOnePathOfAPathBasedRuleForwardsPlainHttp_ShouldFailNamingThePathRule()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, NativePathBased($$"""
            "backendAddressPool":{"id":"{{Gateway}}/backendAddressPools/app"},"backendHttpSettings":{"id":"{{Gateway}}/backendHttpSettingsCollection/app-http"}
            """));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("urlPathMaps[0].pathRules[0], which forwards to a backend", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenRedirectTargetsAnHttpListener_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(target: $"\"targetListener\":{{\"id\":\"{Gateway}/httpListeners/web-http\"}}"));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("not an Https listener", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://portal.example.com", Outcome.Pass)]
    [InlineData("http://portal.example.com", Outcome.Fail)]
    public void AzureNativeGateway_WhenRedirectingToAUrl_ShouldRequireHttps(string url, Outcome expected)
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(target: $"\"targetUrl\":\"{url}\""));
        Assert.Equal(expected, result.Outcome);
    }

    [Fact]
    public void AzureNativeGateway_WhenHttpListenerForwardsToBackend_ShouldFail()
    {
        var forward = $$"""{"name":"http-rule","ruleType":"Basic","priority":200,"httpListener":{"id":"{{Gateway}}/httpListeners/web-http"},"backendAddressPool":{"id":"{{Gateway}}/backendAddressPools/app"} }""";
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(rules: HttpsRule + "," + forward));
        Assert.Equal(Outcome.Fail, result.Outcome);
        var message = Assert.Single(result.Messages);
        Assert.Contains("requestRoutingRules[1] forwards it to a backend", message, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenNoRuleServesTheHttpListener_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(rules: HttpsRule));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("no request routing rule", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"policyType":"Predefined","policyName":"AppGwSslPolicy20150501"}""", "sslPolicy.policyName is \"AppGwSslPolicy20150501\"")]
    [InlineData("""{"policyType":"Custom","minProtocolVersion":"TLSv1_1","cipherSuites":["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]}""", "sslPolicy.minProtocolVersion is \"TLSv1_1\"")]
    [InlineData("""{"policyType":"CustomV2","cipherSuites":["TLS_AES_256_GCM_SHA384"]}""", "sets no minProtocolVersion")]
    [InlineData("""{"disabledSslProtocols":["TLSv1_0"]}""", "does not disable TLSv1_0 and TLSv1_1")]
    public void AzureNativeGateway_WhenSslPolicyAllowsOldTls_ShouldFail(string sslPolicy, string expected)
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(sslPolicy));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains(expected, Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"policyType":"CustomV2","minProtocolVersion":"TLSv1_3"}""")]
    [InlineData("""{"policyType":"Custom","minProtocolVersion":"TLSv1_2","cipherSuites":["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]}""")]
    [InlineData("""{"policyName":"AppGwSslPolicy20170401S"}""")]
    [InlineData("""{"disabledSslProtocols":["TLSv1_0","TLSv1_1"]}""")]
    public void AzureNativeGateway_WhenSslPolicyRequiresTls12_ShouldPass(string sslPolicy)
    {
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(sslPolicy));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeGateway_WhenSslProfileAllowsOldTls_ShouldFail()
    {
        // A listener's SSL profile replaces the gateway's policy for that listener.
        var inputs = Native().Replace(
            "\"frontendPorts\":",
            "\"sslProfiles\":[{\"name\":\"legacy-clients\",\"sslPolicy\":{\"policyType\":\"Predefined\",\"policyName\":\"AppGwSslPolicy20150501\"}}],\"frontendPorts\":",
            StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, NativeGateway, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("sslProfiles[0].sslPolicy.policyName is \"AppGwSslPolicy20150501\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenSslProfileRequiresTls12_ShouldPass()
    {
        var inputs = Native().Replace(
            "\"frontendPorts\":",
            "\"sslProfiles\":[{\"name\":\"partners\",\"sslPolicy\":{\"policyType\":\"CustomV2\",\"minProtocolVersion\":\"TLSv1_2\"}},{\"name\":\"inherits\"}],\"frontendPorts\":",
            StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, NativeGateway, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureNativeGateway_WhenRuleListenerIdUnknown_ShouldBeNotApplicableWithReason()
    {
        var unknown = """{"name":"http-redirect","ruleType":"Basic","priority":200,"httpListener":{"id":"04da6b54-80e4-46f7-96ec-b56ff0331ba9"},"redirectConfiguration":{"id":"$self/redirectConfigurations/http-to-https"} }""";
        var result = Fixtures.Evaluate(policy, NativeGateway, Native(rules: HttpsRule + "," + unknown));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("requestRoutingRules[1].httpListener.id", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenSslPolicyUnknownButHttpForwards_ShouldStillFail()
    {
        var forward = $$"""{"name":"http-rule","ruleType":"Basic","priority":200,"httpListener":{"id":"{{Gateway}}/httpListeners/web-http"},"backendAddressPool":{"id":"{{Gateway}}/backendAddressPools/app"} }""";
        var result = Fixtures.Evaluate(policy, NativeGateway, Native("\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\"", rules: HttpsRule + "," + forward));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("sslPolicy", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicGateway_WhenHttpRedirectsPermanentlyToHttps_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic());
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicGateway_WhenHttpListenerForwardsToBackend_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic(httpRule: "\"backendAddressPoolName\":\"app\",\"backendHttpSettingsName\":\"app-http\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("httpListeners[1] (\"web-http\")", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicGateway_WhenPathBasedRuleRedirectsTemporarilyEverywhere_ShouldPass()
    {
        var inputs = Classic(redirectType: "Temporary", httpRule: "\"urlPathMapName\":\"http-paths\"")
            .Replace("\"requestRoutingRules\":", """
                "urlPathMaps":[{"name":"http-paths","defaultRedirectConfigurationName":"http-to-https",
                  "pathRules":[{"name":"api","paths":["/api/*"],"redirectConfigurationName":"http-to-https"}]}],
                "requestRoutingRules":
                """, StringComparison.Ordinal)
            .Replace("\"ruleType\":\"Basic\",\"priority\":200", "\"ruleType\":\"PathBasedRouting\",\"priority\":200", StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, ClassicGateway, inputs);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicGateway_WhenPathBasedRuleDefaultForwards_ShouldFail()
    {
        var inputs = Classic(httpRule: "\"urlPathMapName\":\"http-paths\"")
            .Replace("\"requestRoutingRules\":", """
                "urlPathMaps":[{"name":"http-paths","defaultBackendAddressPoolName":"app","defaultBackendHttpSettingsName":"app-http",
                  "pathRules":[{"name":"api","paths":["/api/*"],"redirectConfigurationName":"http-to-https"}]}],
                "requestRoutingRules":
                """, StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, ClassicGateway, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("whose default forwards to a backend", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicGateway_WhenRedirectNamesAMissingConfiguration_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic(httpRule: "\"redirectConfigurationName\":\"to-somewhere\""));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("\"to-somewhere\", which is not in redirectConfigurations", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"policyType":"Custom","minProtocolVersion":"TLSv1_0"}""")]
    [InlineData("""{"disabledProtocols":["TLSv1_0"]}""")]
    [InlineData("""{"policyType":"Predefined","policyName":"AppGwSslPolicy20170401"}""")]
    public void AzureClassicGateway_WhenSslPolicyAllowsOldTls_ShouldFail(string sslPolicy)
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic(sslPolicy));
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("sslPolicy", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicGateway_WhenSslProfileAllowsOldTls_ShouldFail()
    {
        var inputs = Classic().Replace(
            "\"frontendPorts\":",
            "\"sslProfiles\":[{\"name\":\"legacy-clients\",\"sslPolicy\":{\"policyType\":\"Custom\",\"minProtocolVersion\":\"TLSv1_0\",\"cipherSuites\":[\"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\"]}}],\"frontendPorts\":",
            StringComparison.Ordinal);
        var result = Fixtures.Evaluate(policy, ClassicGateway, inputs);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("sslProfiles[0].sslPolicy.minProtocolVersion is \"TLSv1_0\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureClassicGateway_WhenDisabledProtocolsCoverTls10And11_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic("""{"disabledProtocols":["TLSv1_0","TLSv1_1"]}"""));
        Assert.Equal(Outcome.Pass, result.Outcome);
    }

    [Fact]
    public void AzureClassicGateway_WhenRedirectTargetUnknown_ShouldBeNotApplicableWithReason()
    {
        var result = Fixtures.Evaluate(policy, ClassicGateway, Classic(target: "\"targetListenerName\":\"04da6b54-80e4-46f7-96ec-b56ff0331ba9\""));
        Assert.Equal(Outcome.NotApplicable, result.Outcome);
        Assert.Contains("redirectConfigurations[0].targetListenerName", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenALayer4ListenerUsesTcp_ShouldFail()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:network:ApplicationGateway", """
            {"applicationGatewayName":"agw-prod","resourceGroupName":"rg-edge","location":"japaneast",
             "listeners":[{"name":"sql-proxy","protocol":"Tcp","frontendPort":{"id":"$self/frontendPorts/p1433"}},{"name":"tls-proxy","protocol":"Tls","frontendPort":{"id":"$self/frontendPorts/p8443"}}]}
            """);
        Assert.Equal(Outcome.Fail, result.Outcome);
        Assert.Contains("listeners[0] (\"sql-proxy\") has protocol \"Tcp\"", Assert.Single(result.Messages), StringComparison.Ordinal);
    }

    [Fact]
    public void AzureNativeGateway_WhenLayer4ListenersUseTls_ShouldPass()
    {
        var result = Fixtures.Evaluate(policy, "azure-native:network:ApplicationGateway", """
            {"applicationGatewayName":"agw-prod","resourceGroupName":"rg-edge","location":"japaneast",
             "listeners":[{"name":"tls-proxy","protocol":"Tls","frontendPort":{"id":"$self/frontendPorts/p8443"}}]}
            """);
        Assert.Equal(Outcome.Pass, result.Outcome);
    }
}
