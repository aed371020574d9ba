// Pulumi API used in this project, checked against pulumi/pulumi-dotnet at tag v3.112.1 (commit
// 7e107de60364cc2de8065afa2f5946c3a43a25e6), the version infra/Baseline pins:
// - sdk/Pulumi/Testing/IMocks.cs: IMocks.NewResourceAsync(MockResourceArgs) -> Task<(string? id, object state)>,
//   CallAsync(MockCallArgs) -> Task<object>, RegisterResourceOutputs(MockRegisterResourceOutputsRequest) -> Task (default
//   member); MockResourceArgs { Type, Name, Inputs: ImmutableDictionary<string, object>, Provider, Id }.
// - sdk/Pulumi/Testing/TestOptions.cs: TestOptions { ProjectName, RootDirectory, StackName, IsPreview (bool?), OrganizationName }.
// - sdk/Pulumi/Deployment/Deployment_Run.cs: Deployment.TestAsync<TStack>(IMocks, TestOptions?) where TStack : Stack, new();
//   TestAsync(IMocks, TestOptions, Action) and TestAsync(IMocks, TestOptions, Func<Task>), each -> Task<ImmutableArray<Resource>>.
// - sdk/Pulumi/Deployment/Deployment_Config.cs: stack config is read from the PULUMI_CONFIG environment variable (a JSON
//   object of "project:key" -> value) when a Deployment is constructed, which TestAsync does.
// - sdk/Pulumi/Testing/MockMonitor.cs + sdk/Pulumi/Serialization/Deserializer.cs: MockResourceArgs.Inputs holds only inputs
//   that are known and not null, secrets unwrapped (the secret flag is dropped), lists as ImmutableArray<object?>, maps as
//   ImmutableDictionary<string, object?>, assets/archives as Pulumi.Asset/Archive, resource references as Pulumi.Resource.
// - sdk/Pulumi/Core/Asset.cs, Archive.cs, AssetOrArchive.cs (content internal), sdk/Pulumi/Resources/Resource.cs
//   (GetResourceType(), GetResourceName()), sdk/Pulumi/Stack.cs (public class Stack : ComponentResource).
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using PolicyPack.Sdk.Engine;
using Deployment = global::Pulumi.Deployment;
using IMocks = global::Pulumi.Testing.IMocks;
using PulumiStack = global::Pulumi.Stack;
using Resource = global::Pulumi.Resource;
using TestOptions = global::Pulumi.Testing.TestOptions;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>Runs a Pulumi C# program under Pulumi's test harness and hands every resource it registers to a policy pack.</summary>
/// <remarks>
/// <para><c>var result = await PulumiPolicyTest.RunAsync&lt;MyStack&gt;(pack); result.ShouldNotBlock();</c></para>
/// <para>Pulumi keeps the deployment in process-wide state and these runs set the PULUMI_CONFIG environment variable: tests
/// that use them must run one at a time (xunit: <c>[assembly: CollectionBehavior(DisableTestParallelization = true)]</c>).</para>
/// </remarks>
public static class PulumiPolicyTest
{
    private const string ConfigVariable = "PULUMI_CONFIG";

    /// <summary>Runs the stack <typeparamref name="TStack"/> under <paramref name="mocks"/> (default <see cref="EchoMocks"/>) and judges its resources with <paramref name="pack"/>.</summary>
    public static async Task<AnalysisResult> RunAsync<TStack>(PackDefinition pack, IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
        where TStack : PulumiStack, new()
    {
        ArgumentNullException.ThrowIfNull(pack);
        var deployment = await DeployAsync<TStack>(mocks, options).ConfigureAwait(false);
        return deployment.Analyze(pack, options?.PolicyConfiguration);
    }

    /// <summary>Runs a program written as a callback under <paramref name="mocks"/> and judges its resources with <paramref name="pack"/>.</summary>
    public static async Task<AnalysisResult> RunAsync(PackDefinition pack, Action program, IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var deployment = await DeployAsync(program, mocks, options).ConfigureAwait(false);
        return deployment.Analyze(pack, options?.PolicyConfiguration);
    }

    /// <summary>Runs an asynchronous program callback under <paramref name="mocks"/> and judges its resources with <paramref name="pack"/>.</summary>
    public static async Task<AnalysisResult> RunAsync(PackDefinition pack, Func<Task> program, IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var deployment = await DeployAsync(program, mocks, options).ConfigureAwait(false);
        return deployment.Analyze(pack, options?.PolicyConfiguration);
    }

    /// <summary>Runs the stack <typeparamref name="TStack"/> under <paramref name="mocks"/> and returns what it registered, for assertions on resources as well as verdicts.</summary>
    public static Task<MockDeployment> DeployAsync<TStack>(IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
        where TStack : PulumiStack, new() =>
        DeployCoreAsync(mocks, options, (recording, testOptions) => Deployment.TestAsync<TStack>(recording, testOptions));

    /// <summary>Runs a program written as a callback under <paramref name="mocks"/> and returns what it registered.</summary>
    public static Task<MockDeployment> DeployAsync(Action program, IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return DeployCoreAsync(mocks, options, (recording, testOptions) => Deployment.TestAsync(recording, testOptions, program));
    }

    /// <summary>Runs an asynchronous program callback under <paramref name="mocks"/> and returns what it registered.</summary>
    public static Task<MockDeployment> DeployAsync(Func<Task> program, IMocks? mocks = null, PulumiPolicyTestOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(program);
        return DeployCoreAsync(mocks, options, (recording, testOptions) => Deployment.TestAsync(recording, testOptions, program));
    }

    private static async Task<MockDeployment> DeployCoreAsync(
        IMocks? mocks,
        PulumiPolicyTestOptions? options,
        Func<IMocks, TestOptions, Task<ImmutableArray<Resource>>> run)
    {
        options ??= new PulumiPolicyTestOptions();
        var recording = new RecordingMocks(mocks ?? new EchoMocks());
        var testOptions = new TestOptions
        {
            StackName = options.StackName,
            ProjectName = options.ProjectName,
            IsPreview = options.IsPreview,
            OrganizationName = options.OrganizationName,
        };

        // Pulumi reads the stack's config from this variable when TestAsync constructs its Deployment; the previous value is
        // put back so one test's config never leaks into the next.
        var previous = Environment.GetEnvironmentVariable(ConfigVariable);
        Environment.SetEnvironmentVariable(ConfigVariable, ConfigJson(options.Config));
        try
        {
            var resources = await run(recording, testOptions).ConfigureAwait(false);
            return new MockDeployment(resources, recording.Registrations, options.StackName, options.ProjectName);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ConfigVariable, previous);
        }
    }

    /// <summary>The config as the language host sets PULUMI_CONFIG: one JSON object of string values.</summary>
    private static string ConfigJson(IReadOnlyDictionary<string, string>? config)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in config ?? new Dictionary<string, string>())
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
