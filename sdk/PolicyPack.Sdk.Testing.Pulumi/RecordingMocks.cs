using System.Collections.Concurrent;
using System.Collections.Immutable;
using Pulumi.Testing;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>Wraps the author's mocks and records every resource the program registers, with the state the mocks answered.</summary>
internal sealed class RecordingMocks(IMocks inner) : IMocks
{
    private readonly ConcurrentQueue<MockRegistration> registrations = new();

    public IReadOnlyList<MockRegistration> Registrations => registrations.ToArray();

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var (id, state) = await inner.NewResourceAsync(args).ConfigureAwait(false);
        registrations.Enqueue(new MockRegistration(
            args.Type ?? throw new InvalidOperationException("Pulumi registered a resource without a type"),
            args.Name ?? throw new InvalidOperationException($"Pulumi registered a {args.Type} without a name"),
            args.Inputs ?? ImmutableDictionary<string, object>.Empty,
            StateOf(state),
            id));
        return (id, state);
    }

    public Task<object> CallAsync(MockCallArgs args) => inner.CallAsync(args);

    public Task RegisterResourceOutputs(MockRegisterResourceOutputsRequest args) => inner.RegisterResourceOutputs(args);

    /// <summary>IMocks may answer a dictionary bag or a POCO; Pulumi serializes a POCO with its internal serializer, which a test cannot reuse, so only a bag becomes state.</summary>
    private static ImmutableDictionary<string, object> StateOf(object? state) =>
        state switch
        {
            ImmutableDictionary<string, object> bag => bag,
            IReadOnlyDictionary<string, object> bag => bag.ToImmutableDictionary(StringComparer.Ordinal),
            IDictionary<string, object> bag => bag.ToImmutableDictionary(StringComparer.Ordinal),
            _ => ImmutableDictionary<string, object>.Empty,
        };
}
