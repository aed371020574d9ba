using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Tests.Policies;

public partial class ServiceMinimumTlsVersionTests
{
    public static RowCases AwsCases { get; } = new RowCases()
        .Pass("aws:acm/certificate:Certificate", """{"domainName":"api.example.com","validationMethod":"DNS"}""")
        .Pass("aws:acm/certificate:Certificate", """{"domainName":"api.example.com","validationMethod":"DNS","keyAlgorithm":"EC_prime256v1"}""")
        .Fail("aws:acm/certificate:Certificate", "keyAlgorithm is \"RSA_1024\"", """{"domainName":"legacy.example.com","validationMethod":"DNS","keyAlgorithm":"RSA_1024"}""")
        .Pass("aws:apigateway/domainName:DomainName", """{"domainName":"api.example.com","regionalCertificateArn":"arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555","endpointConfiguration":{"types":"REGIONAL"},"securityPolicy":"TLS_1_2"}""")
        .Pass("aws:apigateway/domainName:DomainName", """{"domainName":"api.example.com","regionalCertificateArn":"arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555","endpointConfiguration":{"types":"REGIONAL"},"securityPolicy":"SecurityPolicy_TLS13_1_3_2025_09","endpointAccessMode":"STRICT"}""")
        .Fail("aws:apigateway/domainName:DomainName", "securityPolicy is \"TLS_1_0\"", """{"domainName":"api.example.com","certificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555","securityPolicy":"TLS_1_0"}""")
        .Fail("aws:apigateway/domainName:DomainName", "securityPolicy is absent", """{"domainName":"api.example.com","certificateArn":"arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555"}""")
        .Pass("aws:apigatewayv2/domainName:DomainName", """{"domainName":"ws.example.com","domainNameConfiguration":{"certificateArn":"arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555","endpointType":"REGIONAL","securityPolicy":"TLS_1_2"}}""")
        .Fail("aws:apigatewayv2/domainName:DomainName", "domainNameConfiguration.securityPolicy is \"TLS_1_0\"", """{"domainName":"ws.example.com","domainNameConfiguration":{"certificateArn":"arn:aws:acm:ap-northeast-1:123456789012:certificate/11111111-2222-3333-4444-555555555555","endpointType":"REGIONAL","securityPolicy":"TLS_1_0"}}""")
        .Pass("aws:elasticsearch/domain:Domain", """{"domainName":"logs","elasticsearchVersion":"7.10","domainEndpointOptions":{"enforceHttps":true,"tlsSecurityPolicy":"Policy-Min-TLS-1-2-2019-07"}}""")
        .Fail("aws:elasticsearch/domain:Domain", "tlsSecurityPolicy is \"Policy-Min-TLS-1-0-2019-07\"", """{"domainName":"logs","elasticsearchVersion":"7.10","domainEndpointOptions":{"enforceHttps":true,"tlsSecurityPolicy":"Policy-Min-TLS-1-0-2019-07"}}""")
        .Pass("aws:opensearch/domain:Domain", """{"domainName":"search","engineVersion":"OpenSearch_2.13","domainEndpointOptions":{"tlsSecurityPolicy":"Policy-Min-TLS-1-2-PFS-2023-10"}}""")
        .Fail("aws:opensearch/domain:Domain", "domainEndpointOptions.tlsSecurityPolicy is absent", """{"domainName":"search","engineVersion":"OpenSearch_2.13"}""")
        .Pass("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", """{"loadBalancerName":"legacy","policyName":"legacy-ssl","policyTypeName":"SSLNegotiationPolicyType","policyAttributes":[{"name":"Reference-Security-Policy","value":"ELBSecurityPolicy-TLS-1-2-2017-01"}]}""")
        .Pass("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", """{"loadBalancerName":"legacy","policyName":"legacy-ssl","policyTypeName":"SSLNegotiationPolicyType","policyAttributes":[{"name":"Protocol-TLSv1.2","value":"true"},{"name":"Protocol-TLSv1","value":"false"},{"name":"ECDHE-ECDSA-AES128-GCM-SHA256","value":"true"}]}""")
        .Fail("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "policyAttributes[1].value is \"true\"", """{"loadBalancerName":"legacy","policyName":"legacy-ssl","policyTypeName":"SSLNegotiationPolicyType","policyAttributes":[{"name":"Protocol-TLSv1.2","value":"true"},{"name":"Protocol-TLSv1.1","value":"true"}]}""")
        .Fail("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "policyAttributes[0].value is \"ELBSecurityPolicy-TLS-1-1-2017-01\"", """{"loadBalancerName":"legacy","policyName":"legacy-ssl","policyTypeName":"SSLNegotiationPolicyType","policyAttributes":[{"name":"Reference-Security-Policy","value":"ELBSecurityPolicy-TLS-1-1-2017-01"}]}""")
        .NotApplicable("aws:elb/loadBalancerPolicy:LoadBalancerPolicy", "Reference-Security-Policy", """{"loadBalancerName":"legacy","policyName":"legacy-ca-pubkey","policyTypeName":"PublicKeyPolicyType","policyAttributes":[{"name":"PublicKey","value":"MIIBIjANBgkq"}]}""")
        .Pass("aws:docdb/clusterParameterGroup:ClusterParameterGroup", """{"name":"documents","family":"docdb5.0","parameters":[{"name":"tls","value":"tls1.2+"}]}""")
        .Fail("aws:docdb/clusterParameterGroup:ClusterParameterGroup", "parameters[0].value is \"enabled\"", """{"name":"documents","family":"docdb5.0","parameters":[{"name":"tls","value":"enabled"}]}""");

    [Theory]
    [MemberData(nameof(AwsCases))]
    public void AwsRow_WhenEvaluated_ShouldGiveTheExpectedOutcome(string type, Outcome expected, string fragment, string inputs) =>
        RowCases.Verify(policy, type, expected, fragment, inputs);
}
