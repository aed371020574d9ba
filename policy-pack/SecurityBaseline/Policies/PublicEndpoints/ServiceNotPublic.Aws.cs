using PolicyPack.Sdk.Engine;

namespace SecurityBaseline.Policies.PublicEndpoints;

public sealed partial class ServiceNotPublic
{
    private static IEnumerable<Requirement> AwsRows =>
    [
        // §1 asks that every data request be authenticated; an API key identifies a caller, so such a method is left to the key.
        new()
        {
            Type = "aws:apigateway/method:Method",
            Path = "authorization",
            Expect = Must.NotBeOneOf("NONE"),
            Absent = AbsentReading.Fails("no authorization stated (the provider requires the input)"),
            When = new Condition("apiKeyRequired", Must.Be(false), WhenAbsent: true),
            Problem = "anyone on the internet can call the method without credentials.",
            Fix = "Set `authorization` to `\"AWS_IAM\"`, `\"COGNITO_USER_POOLS\"` or `\"CUSTOM\"` with an authorizer, or `apiKeyRequired: true`.",
        },
        new()
        {
            Type = "aws:ec2/vpcEndpointService:VpcEndpointService",
            Path = "acceptanceRequired",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("no acceptance step stated (the provider requires the input)"),
            Problem = "any principal allowed to discover the service connects to it without the owner's approval.",
            Fix = "Set `acceptanceRequired: true` and accept each consumer's endpoint connection.",
        },
        .. SearchDomainPlacementRows("aws:elasticsearch/domain:Domain"),
        .. SearchDomainPlacementRows("aws:opensearch/domain:Domain"),
        new()
        {
            Type = "aws:emr/blockPublicAccessConfiguration:BlockPublicAccessConfiguration",
            Path = "blockPublicSecurityGroupRules",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("no block stated (the provider requires the input)"),
            Problem = "EMR clusters in the region may start with security groups open to the whole internet.",
            Fix = "Set `blockPublicSecurityGroupRules: true` and list only the needed ports in `permittedPublicSecurityGroupRuleRanges`.",
        },
        new()
        {
            Type = "aws:mq/broker:Broker",
            Path = "publiclyAccessible",
            Expect = Must.Be(false),
            Absent = AbsentReading.Passes("false (the provider's default): the broker answers only inside its VPC"),
            Problem = "the broker gets a public endpoint reachable from outside its VPC.",
            Fix = "Set `publiclyAccessible: false` and reach the broker from the VPC.",
        },
        new()
        {
            Type = "aws:msk/cluster:Cluster",
            Path = "brokerNodeGroupInfo.connectivityInfo.publicAccess.type",
            Expect = Must.NotBeOneOf("SERVICE_PROVIDED_EIPS"),
            Absent = AbsentReading.Passes("\"DISABLED\" (the service's default): brokers have no public addresses"),
            Problem = "the Kafka brokers get public IP addresses reachable from the internet.",
            Fix = "Set `brokerNodeGroupInfo.connectivityInfo.publicAccess.type: \"DISABLED\"` and reach the brokers from the VPC.",
        },
        .. AccessPointBlockRows(),
        new()
        {
            Type = "aws:transfer/server:Server",
            Path = "endpointType",
            Expect = Must.NotBeOneOf("PUBLIC"),
            Absent = AbsentReading.Fails("\"PUBLIC\" (the provider's default): an endpoint no security group filters"),
            Problem = "the server's public endpoint accepts connections from any IP address, with no security group in front of it.",
            Fix = "Set `endpointType: \"VPC\"` with `endpointDetails` (subnets, security groups, and elastic IPs only where partners must reach it).",
        },
        new()
        {
            Type = "aws:dms/replicationInstance:ReplicationInstance",
            Path = "publiclyAccessible",
            Expect = Must.Be(false),
            Absent = AbsentReading.Fails("true (the DMS API's default): the instance gets a public IP address"),
            Problem = "the replication instance, which holds credentials for the source and target databases, gets a public IP address.",
            Fix = "Set `publiclyAccessible: false` and give it a `replicationSubnetGroupId` of private subnets.",
        },
        // ECS services and task sets that assign public IPs are judged by compute-no-public-ip, with the other public addresses.
        .. ApplicationEdgeRows("aws:lb/loadBalancer:LoadBalancer"),
        .. ApplicationEdgeRows("aws:alb/loadBalancer:LoadBalancer"),
    ];

    /// <summary>A search domain is in a VPC exactly when it is given subnets; without them AWS gives it a public endpoint.</summary>
    private static IEnumerable<Requirement> SearchDomainPlacementRows(string type) =>
    [
        new()
        {
            Type = type,
            Path = "vpcOptions.subnetIds",
            Expect = Must.BeSet(),
            Absent = AbsentReading.Fails("no VPC options: the domain gets a public endpoint"),
            Problem = "the domain's endpoint is on the public internet, guarded only by its access policy.",
            Fix = "Set `vpcOptions: { subnetIds: [...], securityGroupIds: [...] }` with private subnets.",
        },
    ];

    private static IEnumerable<Requirement> AccessPointBlockRows() =>
    [
        AccessPointBlockRow("blockPublicAcls"),
        AccessPointBlockRow("blockPublicPolicy"),
        AccessPointBlockRow("ignorePublicAcls"),
        AccessPointBlockRow("restrictPublicBuckets"),
    ];

    private static Requirement AccessPointBlockRow(string flag) =>
        new()
        {
            Type = "aws:s3/accessPoint:AccessPoint",
            Path = $"publicAccessBlockConfiguration.{flag}",
            Expect = Must.Be(true),
            Absent = AbsentReading.Passes("true (the S3 default for an access point)"),
            Problem = "the access point lets a public policy or ACL open the bucket's data to anyone.",
            Fix = $"Set `publicAccessBlockConfiguration.{flag}: true` (or leave it out, which means true).",
        };

    // The reference ALB is internet-facing on purpose behind TLS listeners; what §1 asks of such an edge is that it does not
    // pass malformed requests through to the private targets (HTTP desync / request smuggling). Gateway and network LBs have no HTTP layer.
    private static IEnumerable<Requirement> ApplicationEdgeRows(string type) =>
    [
        new()
        {
            Type = type,
            Path = "dropInvalidHeaderFields",
            Expect = Must.Be(true),
            Absent = AbsentReading.Fails("false (the provider's default): invalid header fields reach the targets"),
            When = new Condition("loadBalancerType", Must.BeOneOf("application"), WhenAbsent: true),
            Problem = "the load balancer forwards requests with invalid header fields to the targets, which lets a client smuggle requests past it.",
            Fix = "Set `dropInvalidHeaderFields: true`.",
        },
        new()
        {
            Type = type,
            Path = "desyncMitigationMode",
            Expect = Must.NotBeOneOf("monitor"),
            Absent = AbsentReading.Passes("\"defensive\" (the provider's default)"),
            When = new Condition("loadBalancerType", Must.BeOneOf("application"), WhenAbsent: true),
            Problem = "the load balancer forwards ambiguous requests that can desynchronise it from the targets.",
            Fix = "Set `desyncMitigationMode: \"defensive\"` or `\"strictest\"`.",
        },
    ];
}
