using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.Transit;

public sealed partial class ServiceMinimumTlsVersion
{
    private static IEnumerable<Requirement> AwsRows =>
    [
        // The certificate's key decides how strong the handshake of every endpoint serving it is; 1024-bit RSA is breakable.
        new()
        {
            Type = "aws:acm/certificate:Certificate",
            Path = "keyAlgorithm",
            Expect = Must.NotBeOneOf("RSA_1024"),
            Absent = AbsentReading.Passes("RSA_2048 (ACM's default for a requested certificate; an imported one's key is in certificateBody, which this row does not read)"),
            Problem = "endpoints serving the certificate negotiate TLS with a 1024-bit RSA key, which is too weak.",
            Fix = "Request the certificate with `keyAlgorithm: \"RSA_2048\"` or `\"EC_prime256v1\"`.",
        },
        // TLS_1_0 is the one legacy policy below 1.2; TLS_1_2 and every enhanced `SecurityPolicy_TLS12*`/`SecurityPolicy_TLS13*` start at 1.2.
        new()
        {
            Type = "aws:apigateway/domainName:DomainName",
            Path = "securityPolicy",
            Expect = Must.NotBeOneOf("TLS_1_0"),
            Absent = AbsentReading.Fails("the API's default, which is not documented as TLS 1.2 (default endpoints use TLS_1_0)"),
            Problem = "clients may connect to the custom domain with TLS 1.0 or 1.1.",
            Fix = "Set `securityPolicy: \"TLS_1_2\"` or an enhanced policy such as `\"SecurityPolicy_TLS13_1_2_2021_06\"`.",
        },
        new()
        {
            Type = "aws:apigatewayv2/domainName:DomainName",
            Path = "domainNameConfiguration.securityPolicy",
            Expect = Must.NotBeOneOf("TLS_1_0"),
            Absent = AbsentReading.Fails("no policy stated (the provider requires the input)"),
            Problem = "clients may connect to the custom domain with TLS 1.0 or 1.1.",
            Fix = "Set `domainNameConfiguration.securityPolicy: \"TLS_1_2\"`.",
        },
        .. SearchDomainTlsPolicyRows("aws:elasticsearch/domain:Domain"),
        .. SearchDomainTlsPolicyRows("aws:opensearch/domain:Domain"),
        // An SSL negotiation policy turns protocols on one attribute at a time, or names a predefined reference policy.
        new()
        {
            Type = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy",
            Within = "policyAttributes[]",
            When = new Condition("name", Must.BeOneOf("Protocol-SSLv3", "Protocol-TLSv1", "Protocol-TLSv1.1")),
            Path = "value",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("the protocol attribute without a value"),
            Problem = "the classic load balancer accepts SSLv3, TLS 1.0 or TLS 1.1.",
            Fix = "Set the attribute's `value: \"false\"` (or drop it) and enable only `Protocol-TLSv1.2`.",
        },
        new()
        {
            Type = "aws:elb/loadBalancerPolicy:LoadBalancerPolicy",
            Within = "policyAttributes[]",
            When = new Condition("name", Must.BeOneOf("Reference-Security-Policy")),
            Path = "value",
            Expect = Must.BeOneOf("ELBSecurityPolicy-TLS-1-2-2017-01"),
            Absent = AbsentReading.Fails("a reference policy without a name"),
            Problem = "the predefined policy lets the classic load balancer accept TLS versions below 1.2.",
            Fix = "Set the `Reference-Security-Policy` attribute's `value: \"ELBSecurityPolicy-TLS-1-2-2017-01\"`.",
        },
        new()
        {
            Type = "aws:docdb/clusterParameterGroup:ClusterParameterGroup",
            Within = "parameters[]",
            When = new Condition("name", Must.BeOneOf("tls")),
            Path = "value",
            Expect = Must.BeOneOf("tls1.2+", "tls1.3+", "fips-140-3"),
            Absent = AbsentReading.Fails("no value for tls"),
            Problem = "clusters using the group accept TLS 1.0 and 1.1 (\"enabled\") or no TLS at all.",
            Fix = "Set the `parameters` entry `{ name: \"tls\", value: \"tls1.2+\" }`.",
        },
    ];

    private static IEnumerable<Requirement> SearchDomainTlsPolicyRows(string type) =>
    [
        new()
        {
            Type = type,
            Path = "domainEndpointOptions.tlsSecurityPolicy",
            Expect = Must.NotBeOneOf("Policy-Min-TLS-1-0-2019-07"),
            Absent = AbsentReading.Fails("the service's default policy, which is not documented as TLS 1.2"),
            Problem = "clients may connect to the domain endpoint with TLS 1.0 or 1.1.",
            Fix = "Set `domainEndpointOptions.tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\"` (or `\"Policy-Min-TLS-1-2-2019-07\"`).",
        },
    ];
}
