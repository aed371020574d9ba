using System.Buffers;
using System.Runtime.CompilerServices;
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
        var analyzeResponse = new Marshaller<AnalyzeResponse>(WriteAnalyzeResponse, For(AnalyzeResponse.Parser).ContextualDeserializer);

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

    /// <summary>The wire encoding (tag, length, message) of not-applicable entries that responses share, made once per message.</summary>
    private static readonly ConditionalWeakTable<PolicyNotApplicable, byte[]> EncodedNotApplicable = new();

    private const uint DiagnosticsTag = (AnalyzeResponse.DiagnosticsFieldNumber << 3) | (uint)WireFormat.WireType.LengthDelimited;
    private const uint NotApplicableTag = (AnalyzeResponse.NotApplicableFieldNumber << 3) | (uint)WireFormat.WireType.LengthDelimited;

    /// <summary>Encodes <paramref name="message"/> once for every response that will carry it; it must not change afterwards.</summary>
    public static void Share(PolicyNotApplicable message)
    {
        var size = message.CalculateSize();
        var entry = new byte[VarintSize(NotApplicableTag) + VarintSize((uint)size) + size];
        var at = WriteVarint(entry, NotApplicableTag);
        at += WriteVarint(entry.AsSpan(at), (uint)size);
        message.WriteTo(entry.AsSpan(at));
        EncodedNotApplicable.AddOrUpdate(message, entry);
    }

    /// <summary>The bytes <c>response.WriteTo</c> produces (diagnostics, then not-applicable entries, in order), with shared
    /// entries copied from <see cref="Share"/> instead of measured and encoded again on every call.</summary>
    /// <remarks>Most of a typical response is the list of policies that do not cover the type, identical for every resource of it.</remarks>
    internal static void WriteAnalyzeResponse(AnalyzeResponse response, SerializationContext context)
    {
        var size = 0;
        foreach (var diagnostic in response.Diagnostics)
        {
            size += VarintSize(DiagnosticsTag) + CodedOutputStream.ComputeMessageSize(diagnostic);
        }

        foreach (var entry in response.NotApplicable)
        {
            size += EncodedNotApplicable.TryGetValue(entry, out var encoded) ? encoded.Length : VarintSize(NotApplicableTag) + CodedOutputStream.ComputeMessageSize(entry);
        }

        context.SetPayloadLength(size);
        var writer = context.GetBufferWriter();
        foreach (var diagnostic in response.Diagnostics)
        {
            WriteEntry(writer, DiagnosticsTag, diagnostic);
        }

        foreach (var entry in response.NotApplicable)
        {
            if (EncodedNotApplicable.TryGetValue(entry, out var encoded))
            {
                writer.Write(encoded);
            }
            else
            {
                WriteEntry(writer, NotApplicableTag, entry);
            }
        }

        context.Complete();
    }

    private static void WriteEntry(IBufferWriter<byte> writer, uint tag, IMessage message)
    {
        var size = message.CalculateSize();
        var head = writer.GetSpan(10);
        var at = WriteVarint(head, tag);
        at += WriteVarint(head[at..], (uint)size);
        writer.Advance(at);
        message.WriteTo(writer);
    }

    private static int VarintSize(uint value) => CodedOutputStream.ComputeUInt32Size(value);

    private static int WriteVarint(Span<byte> destination, uint value)
    {
        var at = 0;
        while (value >= 0x80)
        {
            destination[at++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[at++] = (byte)value;
        return at;
    }
}
