using System.Collections.Immutable;
using Pulumi.Testing;

namespace PolicyPack.Sdk.Testing.Pulumi;

/// <summary>The simplest mocks: every resource gets an id and its inputs back as its state; every invoke gets its arguments back.</summary>
/// <remarks>Enough for a program whose policies look only at inputs; a program that reads computed outputs (ARNs, DNS names)
/// or invokes data sources needs its own <see cref="IMocks"/> (a class, or Moq's <c>Mock&lt;IMocks&gt;</c>).</remarks>
public sealed class EchoMocks : IMocks
{
    /// <inheritdoc />
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // A read or an import keeps the id the program asked for; a new resource gets one derived from its name.
        var id = args.Id ?? $"{args.Name}-id";
        return Task.FromResult<(string? id, object state)>((id, args.Inputs ?? ImmutableDictionary<string, object>.Empty));
    }

    /// <inheritdoc />
    public Task<object> CallAsync(MockCallArgs args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return Task.FromResult<object>(args.Args ?? ImmutableDictionary<string, object>.Empty);
    }
}
