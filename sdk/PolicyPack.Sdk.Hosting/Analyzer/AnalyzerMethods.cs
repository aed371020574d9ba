using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using PolicyPack.Sdk.Hosting.Protocol;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>Binds <see cref="AnalyzerService"/> to `/pulumirpc.Analyzer/*` with marshallers that accept deeply nested Structs.</summary>
/// <remarks>
/// Google.Protobuf refuses messages nested past 100 levels, and every JSON level of a Struct costs it three (Struct, map entry,
/// Value), so stock parsing rejects property bags only ~33 levels deep. The generated server binding cannot change that
/// limit, so the service is bound here with the proto's own message types and a parser whose limit is raised.
/// </remarks>
internal sealed class AnalyzerMethods : IServiceMethodProvider<AnalyzerService>
{
    /// <summary>The gRPC service name from analyzer.proto (`package pulumirpc; service Analyzer`).</summary>
    public const string ServiceName = "pulumirpc.Analyzer";

    /// <summary>Protobuf nesting limit: ~680 JSON levels, far past any real resource yet bounded so parsing cannot exhaust the stack.</summary>
    public const int RecursionLimit = 2048;

    public void OnServiceMethodDiscovery(ServiceMethodProviderContext<AnalyzerService> context)
    {
        var empty = For(Empty.Parser);
        var analyzeRequest = For(AnalyzeRequest.Parser);
        var analyzeResponse = For(AnalyzeResponse.Parser);

        context.AddUnaryMethod(Unary("Analyze", analyzeRequest, analyzeResponse), [], (s, r, c) => s.Analyze(r, c));
        context.AddUnaryMethod(Unary("AnalyzeStack", For(AnalyzeStackRequest.Parser), analyzeResponse), [], (s, r, c) => s.AnalyzeStack(r, c));
        context.AddUnaryMethod(Unary("Remediate", analyzeRequest, For(RemediateResponse.Parser)), [], (s, r, c) => s.Remediate(r, c));
        context.AddUnaryMethod(Unary("GetAnalyzerInfo", empty, For(AnalyzerInfo.Parser)), [], (s, r, c) => s.GetAnalyzerInfo(r, c));
        context.AddUnaryMethod(Unary("GetPluginInfo", empty, For(PluginInfo.Parser)), [], (s, r, c) => s.GetPluginInfo(r, c));
        context.AddUnaryMethod(Unary("Configure", For(ConfigureAnalyzerRequest.Parser), empty), [], (s, r, c) => s.Configure(r, c));
        context.AddUnaryMethod(Unary("Handshake", For(AnalyzerHandshakeRequest.Parser), For(AnalyzerHandshakeResponse.Parser)), [], (s, r, c) => s.Handshake(r, c));
        context.AddUnaryMethod(Unary("ConfigureStack", For(AnalyzerStackConfigureRequest.Parser), For(AnalyzerStackConfigureResponse.Parser)), [], (s, r, c) => s.ConfigureStack(r, c));
        context.AddUnaryMethod(Unary("Cancel", empty, empty), [], (s, r, c) => s.Cancel(r, c));
    }

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string name, Marshaller<TRequest> request, Marshaller<TResponse> response)
        where TRequest : class
        where TResponse : class =>
        new(MethodType.Unary, ServiceName, name, request, response);

    /// <summary>A marshaller for <typeparamref name="T"/> whose parser allows <see cref="RecursionLimit"/> levels of nesting.</summary>
    public static Marshaller<T> For<T>(MessageParser<T> parser)
        where T : IMessage<T> =>
        new(
            (message, context) =>
            {
                // Straight into the response buffer: no intermediate array per message.
                context.SetPayloadLength(message.CalculateSize());
                message.WriteTo(context.GetBufferWriter());
                context.Complete();
            },
            context =>
            {
                var payload = context.PayloadAsNewBuffer();
                try
                {
                    using var stream = new MemoryStream(payload, writable: false);
                    using var input = CodedInputStream.CreateWithLimits(stream, int.MaxValue, RecursionLimit);
                    return parser.ParseFrom(input);
                }
#pragma warning disable CA1031 // Whatever the parser throws (too deep, not UTF-8, malformed), the caller sent a bad argument.
                catch (Exception e) when (e is not RpcException)
#pragma warning restore CA1031
                {
                    // The parser's own message can quote the bytes it choked on, which may be a secret's: the path alone is said.
                    throw new RpcException(new Status(StatusCode.InvalidArgument, RefusedRequest.Explain<T>(payload)));
                }
            });
}
