using System.Collections.Immutable;
using Moq;
using Pulumi.Testing;
using PolicyPack.Sdk.Testing.Pulumi;

namespace Infra.Tests;

/// <summary>A Moq mock of Pulumi's engine: echoes inputs with computed outputs (ids, ARNs, DNS names) and answers the invokes the program makes; PulumiPolicyTest records what the program registers.</summary>
internal static class MockCloud
{
    public const string AccountId = "123456789012";
    public const string Region = "ap-northeast-1";
    public const string TenantId = "72f988bf-0000-4000-8000-2d7cd011db47";

    /// <summary>A strict mock: an invoke it does not answer fails the test instead of returning nothing.</summary>
    public static Mock<IMocks> Create()
    {
        var mocks = new Mock<IMocks>(MockBehavior.Strict);
        mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns((MockResourceArgs args) => Task.FromResult(NewResource(args)));
        mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).Returns((MockCallArgs args) => Task.FromResult<object>(Call(args)));
        mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns(Task.CompletedTask);
        return mocks;
    }

    /// <summary>How the repository's tests run a program: the prod stack of the baseline project, as an update, judged with the repository's policy config and <paramref name="allowlist"/>.</summary>
    public static PulumiPolicyTestOptions Options(IReadOnlyList<string> allowlist, IReadOnlyDictionary<string, string>? config = null) => new()
    {
        StackName = "prod",
        ProjectName = "baseline",
        IsPreview = false,
        Config = config,
        PolicyConfiguration = StackPolicyConfig.For(allowlist),
    };

    private static (string? id, object state) NewResource(MockResourceArgs args)
    {
        var type = args.Type ?? throw new InvalidOperationException("a resource without a type");
        var name = args.Name ?? throw new InvalidOperationException("a resource without a name");
        var inputs = args.Inputs ?? ImmutableDictionary<string, object>.Empty;
        if (!type.Contains(':', StringComparison.Ordinal) || type.StartsWith("baseline:", StringComparison.Ordinal))
        {
            // A component: no id, its inputs as its state.
            return (null, inputs);
        }

        var (id, computed) = Computed(type, name, inputs);
        return (id, inputs.SetItems(computed));
    }

    /// <summary>The outputs a provider would compute: ids, ARNs and names the program reads back.</summary>
    private static (string Id, Dictionary<string, object> Outputs) Computed(string type, string name, ImmutableDictionary<string, object> inputs)
    {
        var outputs = new Dictionary<string, object>(StringComparer.Ordinal);
        if (type.StartsWith("azure-native:", StringComparison.Ordinal) || type.StartsWith("azure:", StringComparison.Ordinal))
        {
            var id = $"/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/{type}/{name}";
            outputs["name"] = inputs.TryGetValue("name", out var given) ? given : name;
            return (id, outputs);
        }

        switch (type)
        {
            case "aws:s3/bucket:Bucket":
                // A bucket's id is its name; the side-by-side S3 resources point at it by that name.
                outputs["bucket"] = name;
                outputs["arn"] = $"arn:aws:s3:::{name}";
                return (name, outputs);
            case "aws:kms/key:Key":
                outputs["keyId"] = $"{name}-key-id";
                outputs["arn"] = $"arn:aws:kms:{Region}:{AccountId}:key/{name}-key-id";
                return ($"{name}-key-id", outputs);
            case "aws:lb/loadBalancer:LoadBalancer":
                outputs["dnsName"] = $"{name}-1234567890.{Region}.elb.amazonaws.com";
                outputs["arn"] = $"arn:aws:elasticloadbalancing:{Region}:{AccountId}:loadbalancer/app/{name}/50dc6c495c0c9188";
                return (outputs["arn"].ToString()!, outputs);
            default:
                var module = type.Split(':', '/')[1];
                outputs["arn"] = $"arn:aws:{module}:{Region}:{AccountId}:{name}";
                return ($"{name}-id", outputs);
        }
    }

    private static ImmutableDictionary<string, object> Call(MockCallArgs args) =>
        args.Token switch
        {
            "aws:index/getCallerIdentity:getCallerIdentity" => ImmutableDictionary<string, object>.Empty
                .Add("accountId", AccountId)
                .Add("arn", $"arn:aws:iam::{AccountId}:role/deployer")
                .Add("userId", "AROAEXAMPLEID:deployer")
                .Add("id", AccountId),
            "aws:index/getAvailabilityZones:getAvailabilityZones" => ImmutableDictionary<string, object>.Empty
                .Add("names", ImmutableArray.Create<object>($"{Region}a", $"{Region}c", $"{Region}d"))
                .Add("zoneIds", ImmutableArray.Create<object>("apne1-az4", "apne1-az1", "apne1-az2"))
                .Add("groupNames", ImmutableArray.Create<object>(Region))
                .Add("region", Region)
                .Add("id", Region),
            "azure-native:authorization:getClientConfig" => ImmutableDictionary<string, object>.Empty
                .Add("clientId", "04b07795-8ddb-461a-bbee-02f9e1bf7b46")
                .Add("objectId", "00000000-0000-0000-0000-000000000001")
                .Add("subscriptionId", "00000000-0000-0000-0000-000000000000")
                .Add("tenantId", TenantId),
            _ => throw new InvalidOperationException($"the program invoked {args.Token}, which these mocks do not answer"),
        };
}
