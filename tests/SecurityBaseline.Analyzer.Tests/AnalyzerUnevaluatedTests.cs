using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PolicyPack.Sdk.Hosting.Analyzer;
using PolicyPack.Sdk.Hosting.Protocol;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>AnalyzeStack names the resources no policy evaluated once per stack: advisory, or mandatory under the closed world.</summary>
/// <remarks>Made-up types, so the tests hold however many types the catalogue comes to cover.</remarks>
public sealed class AnalyzerUnevaluatedTests
{
    private const string Name = "security-baseline:unevaluated";

    private static AnalyzerResource Resource(string type, string name, string provider = "aws") => new()
    {
        Type = type,
        Name = name,
        Urn = $"urn:pulumi:dev::infra::{type}::{name}",
        Properties = new Struct(),
        Provider = new AnalyzerProviderResource { Type = $"pulumi:providers:{provider}", Name = "default", Urn = $"urn:pulumi:dev::infra::pulumi:providers:{provider}::default" },
    };

    private static AnalyzeStackRequest Stack(bool withUnevaluated = true)
    {
        var request = new AnalyzeStackRequest();
        request.Resources.Add(new AnalyzerResource { Type = "pulumi:pulumi:Stack", Name = "infra-dev", Urn = "urn:pulumi:dev::infra::pulumi:pulumi:Stack::infra-dev", Properties = new Struct() });
        request.Resources.Add(new AnalyzerResource { Type = "acme:network:Bundle", Name = "component", Urn = "urn:pulumi:dev::infra::acme:network:Bundle::component", Properties = new Struct() });
        request.Resources.Add(TestResources.RotatingKey.StackResource());
        if (withUnevaluated)
        {
            request.Resources.Add(Resource("aws:madeup/widget:Widget", "w1"));
            request.Resources.Add(Resource("aws:madeup/widget:Widget", "w2"));
            request.Resources.Add(Resource("acme:index/sprocket:Sprocket", "s1", provider: "acme"));
        }

        return request;
    }

    [Fact]
    public async Task AnalyzeStack_WhenTypesGoUnevaluated_ShouldReportThemOnceAsAnAdvisoryStackDiagnostic()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);

        var response = await analyzer.Client.AnalyzeStackAsync(Stack());

        var diagnostic = Assert.Single(response.Diagnostics, d => d.PolicyName == Name);
        Assert.Equal(EnforcementLevel.Advisory, diagnostic.EnforcementLevel);
        Assert.Equal(string.Empty, diagnostic.Urn);
        Assert.Equal(PolicyCatalog.PackName, diagnostic.PolicyPackName);
        Assert.Contains("3 resource(s) of 2 type(s) were not evaluated by any policy: acme:index/sprocket:Sprocket (1), aws:madeup/widget:Widget (2)", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("acme:network:Bundle", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("pulumi:pulumi:Stack", diagnostic.Message, StringComparison.Ordinal);

        var single = await analyzer.Client.AnalyzeAsync(new AnalyzeRequest { Type = "aws:madeup/widget:Widget", Name = "w1", Urn = "urn:pulumi:dev::infra::aws:madeup/widget:Widget::w1", Properties = new Struct() });
        Assert.DoesNotContain(single.Diagnostics, d => d.PolicyName == Name); // once per stack, not per resource
    }

    [Fact]
    public async Task AnalyzeStack_WhenEveryResourceIsCovered_ShouldNotReportUnevaluatedTypes()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);

        var response = await analyzer.Client.AnalyzeStackAsync(Stack(withUnevaluated: false));

        Assert.DoesNotContain(response.Diagnostics, d => d.PolicyName == Name);
    }

    [Fact]
    public async Task AnalyzeStack_WhenStackConfigAsksForTheClosedWorld_ShouldMakeTheDiagnosticMandatory()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:unevaluated"] = "mandatory" });

        var response = await analyzer.Client.AnalyzeStackAsync(Stack());

        var diagnostic = Assert.Single(response.Diagnostics, d => d.PolicyName == Name);
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Contains("(closed world: 2 of them block)", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeStack_WhenPolicyConfigCarriesTheKey_ShouldMakeTheDiagnosticMandatory()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        var info = await Engine.StartSessionAsync(analyzer.Client);
        var configure = Engine.Reconciled(info);
        configure.PolicyConfig[Name] = new PolicyConfig { EnforcementLevel = EnforcementLevel.Mandatory, Properties = new Struct() };
        await analyzer.Client.ConfigureAsync(configure);

        var response = await analyzer.Client.AnalyzeStackAsync(Stack());

        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(response.Diagnostics, d => d.PolicyName == Name).EnforcementLevel);
    }

    [Fact]
    public async Task AnalyzeStack_WhenOnlyAnotherPackageGoesUnevaluatedUnderTheClosedWorld_ShouldStayAdvisory()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:unevaluated"] = "mandatory" });
        var request = new AnalyzeStackRequest();
        request.Resources.Add(Resource("acme:index/sprocket:Sprocket", "s1", provider: "acme"));

        var response = await analyzer.Client.AnalyzeStackAsync(request);

        Assert.Equal(EnforcementLevel.Advisory, Assert.Single(response.Diagnostics, d => d.PolicyName == Name).EnforcementLevel);
    }

    [Fact]
    public async Task ConfigureStack_WhenTheClosedWorldValueIsNotALevel_ShouldAnswerInvalidArgument()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);

        var error = await Assert.ThrowsAsync<RpcException>(() => Engine.StartSessionAsync(analyzer.Client, stackConfig: new Dictionary<string, string> { ["security-baseline:unevaluated"] = "always" }));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("security-baseline:unevaluated", error.Status.Detail, StringComparison.Ordinal);
    }
}
