using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using PolicyPack.Sdk.Hosting.Analyzer;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>What the engine (or a broken engine) can throw at the analyzer: bad data, huge and deep messages, bad config, load.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task Analyze_UnknownSignatureOnCoveredType_ShouldFailClosedWithMandatoryDiagnostic()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var garbage = new TestResource("aws:kms/key:Key", "garbage", """
            {"enableKeyRotation": true, "policy": {"4dabf18193072939515e22adb298388d": "ffffffffffffffffffffffffffffffff", "x": 1}}
            """);

        var response = await analyzer.Client.AnalyzeAsync(garbage.Request());

        var diagnostic = Assert.Single(response.KmsDiagnostics());
        Assert.Equal(TestResources.Kms, diagnostic.PolicyName);
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Contains("policy", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("fail closed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_UnknownSignatureOnUncoveredType_ShouldReportOnlyNotApplicable()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var garbage = new TestResource("azure-native:storage:StorageAccount", "garbage", """
            {"accountName": {"4dabf18193072939515e22adb298388d": 42}}
            """);

        var response = await analyzer.Client.AnalyzeAsync(garbage.Request());

        Assert.Empty(response.KmsDiagnostics());
        Assert.Contains(response.NotApplicable, n => n.PolicyName == TestResources.Kms);
    }

    [Fact]
    public async Task Analyze_ValueWithNoKind_ShouldFailClosed()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        request.Properties.Fields["enableKeyRotation"] = new Value();

        var response = await analyzer.Client.AnalyzeAsync(request);

        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single(response.KmsDiagnostics()).EnforcementLevel);
    }

    [Fact]
    public async Task Analyze_100MiBRequest_ShouldSucceed()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        request.Properties.Fields["description"] = Value.ForString(new string('k', 100 * 1024 * 1024));
        Assert.True(request.CalculateSize() > 100 * 1024 * 1024);

        var passing = await analyzer.Client.AnalyzeAsync(request, deadline: DateTime.UtcNow.AddMinutes(2));
        request.Properties.Fields["enableKeyRotation"] = Value.ForBool(false);
        var failing = await analyzer.Client.AnalyzeAsync(request, deadline: DateTime.UtcNow.AddMinutes(2));

        Assert.Empty(passing.KmsDiagnostics());
        Assert.Equal(TestResources.Kms, Assert.Single(failing.KmsDiagnostics()).PolicyName);
    }

    [Fact]
    public async Task Analyze_32ConcurrentCalls_ShouldEachGetTheirOwnVerdict()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var client = analyzer.Client;
        var verdicts = Enumerable.Range(0, 32).Select(i => TestResources.Verdicts[i % TestResources.Verdicts.Length]).ToArray();

        var responses = await Task.WhenAll(verdicts.Select(v => client.AnalyzeAsync(v.Resource.Request(), deadline: DateTime.UtcNow.AddSeconds(60)).ResponseAsync));

        for (var i = 0; i < verdicts.Length; i++)
        {
            Assert.Equal(verdicts[i].Fails.Order(), responses[i].Diagnostics.Select(d => d.PolicyName).Distinct().Order());
            Assert.All(responses[i].Diagnostics, d => Assert.Equal(verdicts[i].Resource.Urn, d.Urn));
        }
    }

    [Fact]
    public async Task Analyze_Properties200LevelsDeep_ShouldBeAccepted()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.StaticKey.Request();
        request.Properties.Fields["tags"] = Nested(200);

        // Stock Google.Protobuf parsing refuses this message: the analyzer must not.
        Assert.Throws<InvalidProtocolBufferException>(() => AnalyzeRequest.Parser.ParseFrom(request.ToByteArray()));
        var response = await analyzer.Client.AnalyzeAsync(request);

        Assert.Equal(TestResources.Kms, Assert.Single(response.KmsDiagnostics()).PolicyName);
    }

    [Fact]
    public async Task Analyze_PropertiesNearTheNestingLimit_ShouldNotCrashTheProcess()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var deep = TestResources.RotatingKey.Request();
        deep.Properties.Fields["tags"] = Nested((AnalyzerMethods.RecursionLimit / 3) - 5);
        var tooDeep = TestResources.RotatingKey.Request();
        tooDeep.Properties.Fields["tags"] = Nested(AnalyzerMethods.RecursionLimit);

        var accepted = await analyzer.Client.AnalyzeAsync(deep);
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.AnalyzeAsync(tooDeep));
        var after = await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request());

        Assert.Empty(accepted.KmsDiagnostics());
        Assert.NotEqual(StatusCode.OK, refused.StatusCode);
        Assert.Single(after.KmsDiagnostics());
    }

    [Fact]
    public async Task Configure_UnknownProperty_ShouldAnswerInvalidArgumentNamingThePolicy()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        var info = await Engine.StartSessionAsync(analyzer.Client);
        var bad = Engine.Reconciled(info);
        bad.PolicyConfig[TestResources.Kms].Properties.Fields["rotationDays"] = Value.ForNumber(90);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.ConfigureAsync(bad));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(TestResources.Kms, error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("rotationDays", error.Status.Detail, StringComparison.Ordinal);

        // The previous configuration stays in force.
        Assert.Equal(EnforcementLevel.Mandatory, Assert.Single((await analyzer.Client.AnalyzeAsync(TestResources.StaticKey.Request())).KmsDiagnostics()).EnforcementLevel);
    }

    [Fact]
    public async Task Configure_UndefinedEnforcementLevel_ShouldAnswerInvalidArgumentNamingThePolicy()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        var info = await Engine.StartSessionAsync(analyzer.Client);
        var bad = Engine.Reconciled(info);
        bad.PolicyConfig[TestResources.Kms].EnforcementLevel = (EnforcementLevel)7;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.ConfigureAsync(bad));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(TestResources.Kms, error.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"cidr\": \"10.0.0.0/8\"}")]
    public async Task ConfigureStack_BadAllowedCidrs_ShouldAnswerInvalidArgumentNamingTheKey(string value)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        var request = new AnalyzerStackConfigureRequest { Stack = "dev", Project = "infra" };
        request.Config["security-baseline:allowedCidrs"] = value;

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.ConfigureStackAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("security-baseline:allowedCidrs", error.Status.Detail, StringComparison.Ordinal);
    }

    /// <summary>An object <paramref name="levels"/> JSON levels deep, built without recursion limits of any JSON parser.</summary>
    private static Value Nested(int levels)
    {
        var value = Value.ForString("leaf");
        for (var i = 0; i < levels; i++)
        {
            var level = new Struct();
            level.Fields["child"] = value;
            value = Value.ForStruct(level);
        }

        return value;
    }
}
