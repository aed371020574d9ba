using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Moq;
using Pulumi;
using Pulumi.Testing;
using PolicyPack.Sdk.Inputs;

namespace Infra.Tests;

/// <summary>One resource as the mocks saw it: what the program asked for and what the mock answered.</summary>
internal sealed record Registration(string Type, string Name, ImmutableDictionary<string, object> Inputs, ImmutableDictionary<string, object> State, string? Id);

/// <summary>A Moq mock of Pulumi's engine: echoes inputs with computed outputs (ids, ARNs, DNS names), answers the invokes the program makes, and records every resource.</summary>
internal sealed class MockCloud
{
    public const string AccountId = "123456789012";
    public const string Region = "ap-northeast-1";
    public const string TenantId = "72f988bf-0000-4000-8000-2d7cd011db47";

    private readonly ConcurrentQueue<Registration> registrations = new();

    public MockCloud()
    {
        Mocks.Setup(m => m.NewResourceAsync(It.IsAny<MockResourceArgs>())).Returns((MockResourceArgs args) => Task.FromResult(NewResource(args)));
        Mocks.Setup(m => m.CallAsync(It.IsAny<MockCallArgs>())).Returns((MockCallArgs args) => Task.FromResult<object>(Call(args)));
        Mocks.Setup(m => m.RegisterResourceOutputs(It.IsAny<MockRegisterResourceOutputsRequest>())).Returns(Task.CompletedTask);
    }

    public Mock<IMocks> Mocks { get; } = new(MockBehavior.Strict);

    public IReadOnlyList<Registration> Registrations => registrations.ToArray();

    /// <summary>Every registered resource in the pack's model, ready for the policy engine.</summary>
    public IReadOnlyList<MockResource> Resources(string stack, string project) =>
        Registrations.Select(r => MockResourceAdapter.Convert(r.Type, r.Name, r.Inputs, r.State, r.Id, stack, project)).ToArray();

    /// <summary>Runs a stack class under these mocks with <paramref name="config"/> as its stack config (keys like `baseline:allowlist`).</summary>
    public static async Task<(MockCloud Cloud, ImmutableArray<Resource> Resources)> RunAsync<TStack>(IReadOnlyDictionary<string, string> config, string stack = "prod")
        where TStack : Stack, new()
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", JsonSerializer.Serialize(config));
        var cloud = new MockCloud();
        var resources = await Deployment.TestAsync<TStack>(cloud.Mocks.Object, Options(stack));
        return (cloud, resources);
    }

    /// <summary>Runs a program written as a callback (the small non-compliant programs) under these mocks.</summary>
    public static async Task<MockCloud> RunAsync(Action program)
    {
        Environment.SetEnvironmentVariable("PULUMI_CONFIG", "{}");
        var cloud = new MockCloud();
        await Deployment.TestAsync(cloud.Mocks.Object, Options("prod"), program);
        return cloud;
    }

    public static TestOptions Options(string stack) => new() { IsPreview = false, StackName = stack, ProjectName = "baseline" };

    private (string? id, object state) NewResource(MockResourceArgs args)
    {
        var type = args.Type ?? throw new InvalidOperationException("a resource without a type");
        var name = args.Name ?? throw new InvalidOperationException("a resource without a name");
        var inputs = args.Inputs ?? ImmutableDictionary<string, object>.Empty;
        if (!type.Contains(':', StringComparison.Ordinal) || type.StartsWith("baseline:", StringComparison.Ordinal))
        {
            registrations.Enqueue(new Registration(type, name, inputs, ImmutableDictionary<string, object>.Empty, null));
            return (null, inputs);
        }

        var (id, computed) = Computed(type, name, inputs);
        var state = inputs.SetItems(computed);
        registrations.Enqueue(new Registration(type, name, inputs, state, id));
        return (id, state);
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
