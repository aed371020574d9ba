using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Model;

namespace SecurityBaseline.Policies.Logging;

/// <summary>The resources that side resources (flow logs, bucket logging, diagnostic settings) attach to through one property.</summary>
/// <remarks>
/// A side resource whose pointer is unknown (a new resource in a preview) may attach to any subject, so subjects it could cover are
/// undecided rather than failed: <see cref="Unresolved"/> is then true and the unknown path is recorded on the context.
/// </remarks>
internal sealed class Attachments
{
    private readonly HashSet<string> urns = new(StringComparer.Ordinal);
    private readonly List<string> identifiers = [];

    private Attachments()
    {
    }

    /// <summary>True when some side resource's pointer was unknown.</summary>
    public bool Unresolved { get; private set; }

    /// <summary>Reads <paramref name="property"/> of every resource of <paramref name="sideTypes"/> that <paramref name="counts"/> accepts (null: undecided).</summary>
    public static Attachments Collect(StackContext context, IEnumerable<string> sideTypes, string property, Func<PulumiResource, bool?>? counts = null)
    {
        var attachments = new Attachments();
        foreach (var side in context.Stack.OfType(sideTypes))
        {
            bool? accepted = true;
            if (counts is not null)
            {
                // An unknown deciding value is recorded by Guard and leaves the side resource undecided.
                accepted = null;
                context.Guard(() => accepted = counts(side));
            }

            if (accepted == false)
            {
                continue;
            }

            if (accepted is null)
            {
                attachments.Unresolved = true;
                continue;
            }

            if (side[property] is { IsUnknown: true })
            {
                attachments.Unresolved = true;
                context.Guard(() => throw new UnknownValueException($"{NameOf(side)}.{property}"));
                continue;
            }

            foreach (var target in context.Stack.Referenced(side, property))
            {
                attachments.urns.Add(target.Urn);
            }

            if (side[property] is { Kind: ValueKind.String or ValueKind.ResourceReference, StringValue: { Length: > 0 } text })
            {
                attachments.identifiers.Add(text);
            }
        }

        return attachments;
    }

    /// <summary>True when a side resource points at <paramref name="subject"/> or, with <paramref name="beneath"/>, at a child of it (an Azure id below the subject's id).</summary>
    public bool Cover(PulumiResource subject, bool beneath = false)
    {
        if (urns.Contains(subject.Urn))
        {
            return true;
        }

        var id = subject.Id;
        return beneath && !string.IsNullOrEmpty(id) && identifiers.Any(text =>
            text.Equals(id, StringComparison.OrdinalIgnoreCase) || text.StartsWith(id + "/", StringComparison.OrdinalIgnoreCase));
    }

    public static string NameOf(PulumiResource resource) =>
        string.IsNullOrEmpty(resource.Name) ? PulumiResource.NameFromUrn(resource.Urn) : resource.Name;
}
