using System.Text.Json;
using Baseline;
using Infra.Settings.Tests;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Testing;
using PolicyPack.Sdk.Testing.Pulumi;
using SecurityBaseline.Policies;

namespace Infra.Tests;

public class BaselineStackTests
{
    private static readonly string[] ProdAllowlist = ["203.0.113.0/24", "198.51.100.0/24", "2001:db8:1234::/48"];

    /// <summary>`security-baseline:allowedCidrs` of Pulumi.prod.yaml: the outside ranges plus the VPC's own, as the pack reads it.</summary>
    private static readonly string[] StackAllowlist = ["10.40.0.0/16", .. ProdAllowlist];
    private static readonly string[] PublicAccessFlags = ["blockPublicAcls", "blockPublicPolicy", "ignorePublicAcls", "restrictPublicBuckets"];

    /// <summary>Pulumi.prod.yaml as the language host hands it over: every key namespaced (`baseline:vpcCidr`, `security-baseline:allowedCidrs`).</summary>
    private static Dictionary<string, string> ProdConfig(Action<Dictionary<string, string>>? change = null)
    {
        var values = StackFile.Read(Path.Combine(AppContext.BaseDirectory, "Pulumi.prod.yaml"))
            .ToDictionary(p => p.Key.Contains(':', StringComparison.Ordinal) ? p.Key : $"baseline:{p.Key}", p => p.Value, StringComparer.Ordinal);
        change?.Invoke(values);
        return values;
    }

    private static Task<MockDeployment> RunProdAsync() => RunAsync(ProdConfig());

    private static Task<MockDeployment> RunAsync(Dictionary<string, string> config) =>
        PulumiPolicyTest.DeployAsync<BaselineStack>(MockCloud.Create().Object, MockCloud.Options(StackAllowlist, config));

    /// <summary>The stack policies about services held once per account or subscription: what a stack without them is told.</summary>
    private static readonly string[] AccountWidePolicies = ["access-review-analyzer", "azure-activity-log-exported", "config-recorder-enabled", "defender-plans-enabled", "guardduty-enabled"];

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldPassEveryPolicyOfThePackIncludingAdvisories()
    {
        var result = await PulumiPolicyTest.RunAsync<BaselineStack>(PolicyCatalog.Pack, MockCloud.Create().Object, MockCloud.Options(StackAllowlist, ProdConfig()));

        // The reference stack holds the account's analyzer, detector, recorder and Defender plans and sends every Azure
        // resource's logs somewhere: not even an advisory finding remains.
        result.ShouldHaveNoFinding();
        Assert.Contains(result.Evaluations, e => e.Outcome == Outcome.Pass);
    }

    [Fact]
    public async Task Program_WhenAccountSecurityServicesAreOff_ShouldLeaveOnlyTheAccountWideAdvisories()
    {
        var cloud = await RunAsync(ProdConfig(c => c["baseline:accountSecurityServices"] = "false"));

        var result = cloud.Analyze(PolicyCatalog.Pack, StackPolicyConfig.For(StackAllowlist));

        // A second stack in the account (or one whose landing zone holds the services) is reminded of them, never blocked.
        result.ShouldNotBlock();
        Assert.Equal(AccountWidePolicies, result.Findings.Select(f => f.Policy.Id).Order(StringComparer.Ordinal));
        Assert.Empty(cloud.Registrations.Where(r => r.Type is "aws:guardduty/detector:Detector" or "aws:cfg/recorder:Recorder" or "azure-native:security:Pricing" or "azure-native:monitor:SubscriptionDiagnosticSetting"));
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldHoldTheAccountSecurityServices()
    {
        var cloud = await RunProdAsync();

        var analyzer = Assert.Single(cloud.Registrations, r => r.Type == "aws:accessanalyzer/analyzer:Analyzer").Inputs;
        Assert.Equal("ACCOUNT_UNUSED_ACCESS", analyzer["type"]);
        var unused = (IReadOnlyDictionary<string, object?>)((IReadOnlyDictionary<string, object?>)analyzer["configuration"])["unusedAccess"]!;
        Assert.Equal(90.0, unused["unusedAccessAge"]);
        Assert.True((bool)Assert.Single(cloud.Registrations, r => r.Type == "aws:guardduty/detector:Detector").Inputs["enable"]);
        var recorder = Assert.Single(cloud.Registrations, r => r.Type == "aws:cfg/recorder:Recorder").Inputs;
        Assert.Equal("baseline-prod-recorder", recorder["name"]);
        var channel = Assert.Single(cloud.Registrations, r => r.Type == "aws:cfg/deliveryChannel:DeliveryChannel").Inputs;
        Assert.Equal("config", channel["s3KeyPrefix"]);
        var status = Assert.Single(cloud.Registrations, r => r.Type == "aws:cfg/recorderStatus:RecorderStatus").Inputs;
        Assert.True((bool)status["isEnabled"]);
        Assert.Equal("baseline-prod-recorder", status["name"]);

        var plans = cloud.Registrations.Where(r => r.Type == "azure-native:security:Pricing").ToArray();
        Assert.Equal(["Arm", "KeyVaults", "StorageAccounts"], plans.Select(p => (string)p.Inputs["pricingName"]).Order(StringComparer.Ordinal));
        Assert.All(plans, p => Assert.Equal("Standard", p.Inputs["pricingTier"]));
        Assert.All(plans, p => Assert.Equal("subscriptions/00000000-0000-0000-0000-000000000000", p.Inputs["scopeId"]));

        var workspace = Assert.Single(cloud.Registrations, r => r.Type == "azure-native:operationalinsights:Workspace");
        var settings = cloud.Registrations.Where(r => r.Type == "azure-native:monitor:DiagnosticSetting").ToArray();
        Assert.All(settings, s => Assert.Equal(workspace.Id, s.Inputs["workspaceId"]));
        var targets = settings.Select(s => (string)s.Inputs["resourceUri"]).ToArray();
        foreach (var subject in cloud.Registrations.Where(r => r.Type is "azure-native:keyvault:Vault" or "azure-native:network:NetworkSecurityGroup"))
        {
            Assert.Contains(subject.Id, targets);
        }

        var account = Assert.Single(cloud.Registrations, r => r.Type == "azure-native:storage:StorageAccount");
        Assert.Contains($"{account.Id}/blobServices/default", targets);

        var activity = Assert.Single(cloud.Registrations, r => r.Type == "azure-native:monitor:SubscriptionDiagnosticSetting").Inputs;
        Assert.Equal(workspace.Id, activity["workspaceId"]);
        var categories = ((IEnumerable<object?>)activity["logs"]!).Cast<IReadOnlyDictionary<string, object?>>().Select(l => (string)l["category"]!);
        Assert.Contains("Administrative", categories);
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldSpreadSubnetsOverThreeZones()
    {
        var cloud = await RunProdAsync();

        var subnets = cloud.Registrations.Where(r => r.Type == "aws:ec2/subnet:Subnet").ToArray();
        Assert.Equal(6, subnets.Length);
        Assert.Equal(3, subnets.Select(s => (string)s.Inputs["availabilityZone"]).Distinct().Count());
        Assert.All(subnets, s => Assert.False((bool)s.Inputs["mapPublicIpOnLaunch"]));
        Assert.Equal(3, cloud.Registrations.Count(r => r.Type == "aws:ec2/natGateway:NatGateway"));
        Assert.Contains(subnets, s => (string)s.Inputs["cidrBlock"] == "10.40.96.0/19");
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldServeHttpsAndOnlyRedirectHttp()
    {
        var cloud = await RunProdAsync();

        var listeners = cloud.Registrations.Where(r => r.Type == "aws:lb/listener:Listener").ToDictionary(r => (string)r.Inputs["protocol"]);
        var https = listeners["HTTPS"].Inputs;
        Assert.Equal("ELBSecurityPolicy-TLS13-1-2-2021-06", https["sslPolicy"]);
        Assert.StartsWith("arn:aws:acm:ap-northeast-1:123456789012:certificate/", (string)https["certificateArn"], StringComparison.Ordinal);
        var httpAction = Assert.Single(Items(listeners["HTTP"].Inputs["defaultActions"]));
        Assert.Equal("redirect", httpAction["type"]);
        var redirect = (IDictionary<string, object?>)httpAction["redirect"]!;
        Assert.Equal("HTTPS", redirect["protocol"]);
        Assert.Equal("443", redirect["port"]);

        var alb = Assert.Single(cloud.Registrations, r => r.Type == "aws:lb/loadBalancer:LoadBalancer").Inputs;
        Assert.True((bool)alb["dropInvalidHeaderFields"]);
        Assert.True((bool)alb["enableDeletionProtection"]);
        Assert.True((bool)((IDictionary<string, object?>)alb["accessLogs"])["enabled"]!);
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldAdmitOnlyTheAllowlist()
    {
        var cloud = await RunProdAsync();

        var groups = cloud.Registrations.Where(r => r.Type == "aws:ec2/securityGroup:SecurityGroup").ToArray();
        var sources = groups
            .SelectMany(g => Items(g.Inputs.GetValueOrDefault("ingress")))
            .SelectMany(rule => Strings(rule.GetValueOrDefault("cidrBlocks")).Concat(Strings(rule.GetValueOrDefault("ipv6CidrBlocks"))))
            .ToHashSet();
        Assert.Equal(ProdAllowlist.ToHashSet(), sources);
        var defaultGroup = Assert.Single(cloud.Registrations, r => r.Type == "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
        Assert.Empty(Items(defaultGroup.Inputs.GetValueOrDefault("ingress")));
        Assert.Empty(Items(defaultGroup.Inputs.GetValueOrDefault("egress")));

        var nsgRules = cloud.Registrations.Where(r => r.Type == "azure-native:network:NetworkSecurityGroup")
            .SelectMany(n => Items(n.Inputs["securityRules"]))
            .Where(rule => (string)rule["access"]! == "Allow")
            .ToArray();
        Assert.NotEmpty(nsgRules);
        Assert.All(nsgRules, rule => Assert.All(Strings(rule["sourceAddressPrefixes"]), p => Assert.Contains(p, ProdAllowlist)));
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldEncryptAndLockDownStorage()
    {
        var cloud = await RunProdAsync();

        var encryption = cloud.Registrations.Where(r => r.Type == "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration")
            .Select(r => Items(r.Inputs["rules"]).Single())
            .Select(rule => (Algorithm: (string)((IDictionary<string, object?>)rule["applyServerSideEncryptionByDefault"]!)["sseAlgorithm"]!, BucketKey: (bool)rule["bucketKeyEnabled"]!))
            .ToArray();
        Assert.Contains(("aws:kms", true), encryption);
        Assert.Contains(("AES256", false), encryption);
        Assert.All(cloud.Registrations.Where(r => r.Type == "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock"), r =>
            Assert.All(PublicAccessFlags, flag => Assert.True((bool)r.Inputs[flag])));
        Assert.All(cloud.Registrations.Where(r => r.Type == "aws:s3/bucketPolicy:BucketPolicy"), r =>
            Assert.Contains("\"aws:SecureTransport\":\"false\"", (string)r.Inputs["policy"], StringComparison.Ordinal));

        var key = Assert.Single(cloud.Registrations, r => r.Type == "aws:kms/key:Key").Inputs;
        Assert.True((bool)key["enableKeyRotation"]);
        using var keyPolicy = JsonDocument.Parse((string)key["policy"]);
        Assert.DoesNotContain("\"*\"", keyPolicy.RootElement.GetProperty("Statement").EnumerateArray().Select(s => s.GetProperty("Principal").GetRawText()));

        var trail = Assert.Single(cloud.Registrations, r => r.Type == "aws:cloudtrail/trail:Trail").Inputs;
        Assert.True((bool)trail["isMultiRegionTrail"] && (bool)trail["enableLogFileValidation"]);
        Assert.StartsWith("arn:aws:kms:", (string)trail["kmsKeyId"], StringComparison.Ordinal);
        Assert.All(cloud.Registrations.Where(r => r.Type == "aws:cloudwatch/logGroup:LogGroup"), r => Assert.Equal(365.0, r.Inputs["retentionInDays"]));

        var account = Assert.Single(cloud.Registrations, r => r.Type == "azure-native:storage:StorageAccount").Inputs;
        Assert.True((bool)account["enableHttpsTrafficOnly"]);
        Assert.Equal("TLS1_2", account["minimumTlsVersion"]);
        Assert.False((bool)account["allowBlobPublicAccess"]);
        Assert.Equal("Deny", ((IDictionary<string, object?>)account["networkRuleSet"])["defaultAction"]);
        Assert.True((bool)((IDictionary<string, object?>)account["encryption"])["requireInfrastructureEncryption"]!);

        var vault = (IDictionary<string, object?>)Assert.Single(cloud.Registrations, r => r.Type == "azure-native:keyvault:Vault").Inputs["properties"];
        Assert.True((bool)vault["enableRbacAuthorization"]! && (bool)vault["enablePurgeProtection"]! && (bool)vault["enableSoftDelete"]!);
        Assert.Equal(MockCloud.TenantId, vault["tenantId"]);
        Assert.Single(cloud.Registrations, r => r.Type == "azure-native:keyvault:Key" && ((IDictionary<string, object?>)r.Inputs["properties"]).ContainsKey("rotationPolicy"));
    }

    [Fact]
    public async Task Program_WhenRunWithProdConfig_ShouldExportTheStackOutputs()
    {
        var cloud = await RunProdAsync();

        var stack = cloud.Resources.OfType<BaselineStack>().Single();
        Assert.Equal("aws-network-vpc-id", await Value(stack.VpcId));
        Assert.Equal(3, (await Value(stack.PublicSubnetIds)).Length);
        Assert.EndsWith(".elb.amazonaws.com", await Value(stack.LoadBalancerDnsName), StringComparison.Ordinal);
        Assert.StartsWith("arn:aws:kms:", await Value(stack.KeyArn), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(await Value(stack.StorageAccountName)));
    }

    [Fact]
    public async Task Program_WhenAllowlistAdmitsTheInternet_ShouldStopBeforeDeclaringAnything()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => RunAsync(ProdConfig(c => c["security-baseline:allowedCidrs"] = "[\"0.0.0.0/0\"]")));

        Assert.Contains("security-baseline:allowedCidrs[0] admits the whole internet", error.ToString(), StringComparison.Ordinal);
    }

    // The SDK's deserializer hands nested maps over as ImmutableDictionary, which is read-only: read them as such.
    internal static IEnumerable<IReadOnlyDictionary<string, object?>> Items(object? list) =>
        list is System.Collections.IEnumerable items and not string ? items.Cast<IReadOnlyDictionary<string, object?>>() : [];

    private static IEnumerable<string> Strings(object? list) =>
        list is System.Collections.IEnumerable items and not string ? items.Cast<string>() : [];

    private static Task<T> Value<T>(Pulumi.Output<T> output)
    {
        var source = new TaskCompletionSource<T>();
        _ = output.Apply(v =>
        {
            source.SetResult(v);
            return v;
        });
        return source.Task;
    }
}
