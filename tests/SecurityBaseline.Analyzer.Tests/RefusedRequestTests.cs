using System.Text;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Grpc.Net.Client;
using PolicyPack.Sdk.Model;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>Requests Google.Protobuf cannot parse, or whose secrets cannot be read: INVALID_ARGUMENT or fail closed, naming paths, never values.</summary>
public sealed class RefusedRequestTests
{
    private const string Canary = "CANARY-77d0";

    [Fact]
    public async Task Analyze_PropertiesDeeperThanTheParserReads_ShouldAnswerInvalidArgumentNamingTheProperty()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        request.Properties.Fields["tags"] = Nested(700);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.AnalyzeAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("tags.child", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("nested deeper", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains(TestResources.RotatingKey.Urn, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnalyzeStack_SecretDeeperThanTheParserReads_ShouldAnswerInvalidArgumentStoppingAtTheSecret()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var resource = TestResources.RotatingKey.StackResource();
        resource.Properties.Fields["tags"] = Secret(Nested(700, Canary));
        var request = new AnalyzeStackRequest { Resources = { resource } };

        var error = await Assert.ThrowsAsync<RpcException>(async () => await analyzer.Client.AnalyzeStackAsync(request));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("tags.[secret]", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_SecretThatIsNotUtf8_ShouldAnswerInvalidArgumentWithoutTheBytes()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        const string placeholder = "PLACEHOLDER-" + Canary;
        request.Properties.Fields["description"] = Secret(Value.ForString(placeholder));

        // An unpaired surrogate as UTF-8 would write it (ED A0 80): no valid UTF-8 holds it, so the parser refuses the message.
        var bytes = Patch(request.ToByteArray(), placeholder, [0xED, 0xA0, 0x80, .. Encoding.ASCII.GetBytes(placeholder[3..])]);
        var error = await Assert.ThrowsAsync<RpcException>(async () => await SendRaw(analyzer, "Analyze", bytes));

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("description", error.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("UTF-8", error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_SecretPlaintextWithAnUnpairedSurrogate_ShouldFailClosedNamingTheProperty()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        request.Properties.Fields["description"] = SecretPlaintext($"\"\\ud800{Canary}\"");

        var response = await analyzer.Client.AnalyzeAsync(request);

        var diagnostic = Assert.Single(response.KmsDiagnostics());
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Contains("description", diagnostic.Message, StringComparison.Ordinal);
        Assert.Contains("fail closed", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_BadSignatureUnderSecretMapKeys_ShouldFailClosedWithoutTheKeys()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var request = TestResources.RotatingKey.Request();
        var inner = new Struct();
        inner.Fields[PulumiSignatures.Key] = Value.ForString("sig-" + Canary);
        var map = new Struct();
        map.Fields["key-" + Canary] = Value.ForStruct(inner);
        request.Properties.Fields["tags"] = Secret(Value.ForStruct(map));

        var response = await analyzer.Client.AnalyzeAsync(request);

        var diagnostic = Assert.Single(response.KmsDiagnostics());
        Assert.Equal(EnforcementLevel.Mandatory, diagnostic.EnforcementLevel);
        Assert.Contains("tags.[secret]", diagnostic.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Canary, diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Analyze_SecretRuleType_ShouldGiveANotApplicableReasonWithoutIt()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await Engine.StartSessionAsync(analyzer.Client);
        var rule = new TestResource("aws:ec2/securityGroupRule:SecurityGroupRule", "secret-type", """
            {"protocol": "tcp", "fromPort": 22, "toPort": 22, "cidrBlocks": ["0.0.0.0/0"], "securityGroupId": "sg-1"}
            """);
        var request = rule.Request();
        request.Properties.Fields["type"] = Secret(Value.ForString("egress-" + Canary));

        var response = await analyzer.Client.AnalyzeAsync(request);

        Assert.Contains(response.NotApplicable, n => n.Reason.Contains("[secret]", StringComparison.Ordinal));
        Assert.DoesNotContain(response.NotApplicable, n => n.Reason.Contains(Canary, StringComparison.Ordinal));
        Assert.DoesNotContain(response.Diagnostics, d => d.Message.Contains(Canary, StringComparison.Ordinal));
    }

    private static Value Secret(Value value)
    {
        var secret = new Struct();
        secret.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret);
        secret.Fields["value"] = value;
        return Value.ForStruct(secret);
    }

    private static Value SecretPlaintext(string json)
    {
        var secret = new Struct();
        secret.Fields[PulumiSignatures.Key] = Value.ForString(PulumiSignatures.Secret);
        secret.Fields["plaintext"] = Value.ForString(json);
        return Value.ForStruct(secret);
    }

    private static Value Nested(int levels, string leaf = "leaf")
    {
        var value = Value.ForString(leaf);
        for (var i = 0; i < levels; i++)
        {
            var level = new Struct();
            level.Fields["child"] = value;
            value = Value.ForStruct(level);
        }

        return value;
    }

    /// <summary>The message bytes with the ASCII <paramref name="placeholder"/> swapped for as many raw bytes, so no length prefix changes.</summary>
    private static byte[] Patch(byte[] message, string placeholder, byte[] replacement)
    {
        var needle = Encoding.ASCII.GetBytes(placeholder);
        Assert.Equal(needle.Length, replacement.Length);
        var at = message.AsSpan().IndexOf(needle);
        Assert.True(at >= 0);
        replacement.CopyTo(message, at);
        return message;
    }

    private static async Task<AnalyzeResponse> SendRaw(AnalyzerProcess analyzer, string method, byte[] request)
    {
        using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{analyzer.Port}");
        var raw = new Method<byte[], AnalyzeResponse>(
            MethodType.Unary,
            "pulumirpc.Analyzer",
            method,
            Marshallers.Create(b => b, b => b),
            Marshallers.Create((AnalyzeResponse r) => r.ToByteArray(), AnalyzeResponse.Parser.ParseFrom));
        return await channel.CreateCallInvoker().AsyncUnaryCall(raw, null, new CallOptions(), request);
    }
}
