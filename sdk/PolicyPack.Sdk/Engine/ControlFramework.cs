namespace PolicyPack.Sdk.Engine;

/// <summary>One control of a framework (a section of a company policy, a benchmark recommendation).</summary>
/// <param name="Id">How reports print it, e.g. "§7" or "CIS 2.1.1"; policies name it in <see cref="PolicyDescriptor.Control"/>.</param>
/// <param name="Title">Its title.</param>
/// <param name="WhyNoPolicy">Why no code-checkable policy enforces it, for the audit report; null for the generic sentence.</param>
public sealed record ControlDefinition(string Id, string Title, string? WhyNoPolicy = null);

/// <summary>The controls a pack's policies enforce, in the order reports list them.</summary>
public sealed class ControlFramework
{
    private readonly Dictionary<string, (int Order, ControlDefinition Control)> byId;

    /// <param name="name">The framework's name, as the audit report heads it.</param>
    /// <param name="version">Its version or date.</param>
    /// <param name="controls">Every control, in report order; those no policy enforces appear in the audit report with their reason.</param>
    /// <param name="heading">The column heading reports give the control id (e.g. "§" for a company policy's sections).</param>
    public ControlFramework(string name, string version, IEnumerable<ControlDefinition> controls, string heading = "control")
    {
        ArgumentNullException.ThrowIfNull(controls);
        Name = name;
        Version = version;
        Heading = heading;
        Controls = controls.ToArray();
        byId = new Dictionary<string, (int, ControlDefinition)>(StringComparer.Ordinal);
        foreach (var (control, order) in Controls.Select((c, i) => (c, i)))
        {
            if (!byId.TryAdd(control.Id, (order, control)))
            {
                throw new ArgumentException($"control {control.Id} is listed twice", nameof(controls));
            }
        }
    }

    /// <summary>A pack whose policies name no framework: each policy's control is shown as given, untitled.</summary>
    public static ControlFramework None { get; } = new("controls", "unversioned", []);

    public string Name { get; }
    public string Version { get; }
    public string Heading { get; }
    public IReadOnlyList<ControlDefinition> Controls { get; }

    /// <summary>The title of <paramref name="control"/>, or the id itself for a control the framework does not list.</summary>
    public string Title(string control) => byId.TryGetValue(control, out var entry) ? entry.Control.Title : control;

    /// <summary>The position reports sort by; controls the framework does not list come last, by id.</summary>
    public int Order(string control) => byId.TryGetValue(control, out var entry) ? entry.Order : int.MaxValue;

    /// <summary>Whether the framework lists <paramref name="control"/>.</summary>
    public bool Contains(string control) => byId.ContainsKey(control);

    /// <summary>Why <paramref name="control"/> has no code-checkable policy, or a generic sentence.</summary>
    public string WhyNoPolicy(string control) =>
        byId.TryGetValue(control, out var entry) && entry.Control.WhyNoPolicy is { } reason
            ? reason
            : "No resource property expresses this control's requirement, so its evidence is kept outside this report.";
}
