using System.Globalization;
using System.Text;
using System.Text.Json;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Waivers;

namespace PolicyPack.Sdk.Reporting;

/// <summary>Wording and escaping that several formats share, so every format says the same thing the same way.</summary>
internal static class ReportText
{
    /// <summary>Indented JSON that people can read too: backticks, quotes and non-ASCII stay as written (the output is never embedded in HTML).</summary>
    public static JsonWriterOptions JsonOptions { get; } = new() { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Hands what <paramref name="writer"/> holds to its stream once it passes 64 KiB: without it a writer keeps the whole report in a buffer that doubles as it grows.</summary>
    public static void FlushWhenFull(System.Text.Json.Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (writer.BytesPending > 1 << 16)
        {
            writer.Flush();
        }
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string ExpiredWaiver(Waiver waiver) =>
        $"Waiver for {waiver.Describe()} (owner {waiver.Owner}) expired on {Date(waiver.Expires)}; it no longer counts: renew it with a new date or fix the resource.";

    /// <summary>What a stale waiver (one that matches no scanned resource) means and what to do about it.</summary>
    public static string StaleWaiver(Waiver waiver) =>
        $"Waiver for {waiver.Describe()} (owner {waiver.Owner}) matches no resource in the scanned input, so it waives nothing here: correct its selector (docs/waivers.md says what matches) or remove it.";

    public static string WaiverNote(Waiver waiver) =>
        $"waived until {Date(waiver.Expires)} by {waiver.Owner}: {waiver.Reason}{(waiver.Ticket is { } t ? $" ({t})" : string.Empty)}";

    /// <summary>"kms-key-rotation-enabled" as "KmsKeyRotationEnabled".</summary>
    public static string PascalCase(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    public static string RuleHelpMarkdown(PolicyDescriptor policy, ControlFramework controls)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(controls);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"**{policy.Title}** ({policy.Control} {controls.Title(policy.Control)}, severity {policy.Severity.Name()})\n\n");
        text.Append(policy.Description).Append("\n\n");
        text.Append("**Fix:** ").Append(policy.Help).Append('\n');
        if (policy.AbsentMeans.Length > 0)
        {
            text.Append("\n**When the property is absent:** ").Append(policy.AbsentMeans).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The one-line verdict every format opens or closes with.</summary>
    public static string Verdict(ScanReport report)
    {
        var parts = new List<string>
        {
            Count(report.Mandatory, "mandatory violation"),
            Count(report.Advisory, "advisory violation"),
        };
        if (report.HasBaseline)
        {
            parts.Add($"{report.NewMandatory} new mandatory");
            parts.Add($"{report.Fixed.Count} fixed");
        }

        if (report.WaivedCount > 0)
        {
            parts.Add($"{report.WaivedCount} waived");
        }

        if (report.ExpiredWaivers.Count > 0)
        {
            parts.Add(Count(report.ExpiredWaivers.Count, "expired waiver"));
        }

        if (report.StaleWaivers.Count > 0)
        {
            parts.Add(Count(report.StaleWaivers.Count, "stale waiver"));
        }

        if (report.ExternalFindings.Count > 0)
        {
            parts.Add(Count(report.ExternalFindings.Count, "finding") + " from other policy packs");
        }

        var rule = (report.Review.FailOn, report.Review.FailOnSeverity) switch
        {
            (FailOn.New, Severity.Low) => " (failing on new violations only)",
            (FailOn.New, var s) => $" (failing on new violations of severity {s.Name()} or above only)",
            (_, Severity.Low) => string.Empty,
            (_, var s) => $" (failing on violations of severity {s.Name()} or above only)",
        };
        var unevaluated = report.UnevaluatedCount == 0 ? string.Empty : $"; {Unevaluated(report)}{ClosedWorld(report)}";
        return $"{(report.Blocked ? "Blocked" : "Passed")}: {string.Join(", ", parts)} in {Count(report.ResourceCount, "resource")}{rule}{unevaluated}.";
    }

    /// <summary>"12 resources of 5 types were not evaluated by any policy", or empty when every resource was.</summary>
    public static string Unevaluated(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var count = report.UnevaluatedCount;
        return count == 0
            ? string.Empty
            : $"{Count(count, "resource")} of {Count(report.Unevaluated.Count, "type")} {(count == 1 ? "was" : "were")} not evaluated by any policy";
    }

    /// <summary>"aws:foo/bar:Baz (3), azure:x/y:Z (1)": every unevaluated type with its count, by type.</summary>
    public static string UnevaluatedTypes(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return string.Join(", ", report.Unevaluated.Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Type} ({u.Count})")));
    }

    /// <summary>" (closed world: 3 of them block)" when unevaluated resources block, else empty.</summary>
    public static string ClosedWorld(ScanReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.BlockingUnevaluated == 0 ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (closed world: {report.BlockingUnevaluated} of them block)");
    }

    /// <summary>What one unevaluated type means, for formats that list each type on its own.</summary>
    public static string UnevaluatedType(UnevaluatedType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var blocks = type.Blocks ? "; it blocks under the closed world" : string.Empty;
        return $"{Count(type.Count, "resource")} of type {type.Type} {(type.Count == 1 ? "was" : "were")} not evaluated by any policy of the pack{blocks}.";
    }

    public static string Count(int n, string noun) => string.Create(CultureInfo.InvariantCulture, $"{n} {(n == 1 ? noun : Plural(noun))}");

    private static string Plural(string noun) => noun.EndsWith('y') ? noun[..^1] + "ies" : noun + "s";

    /// <summary>Text safe inside a Markdown table cell: HTML and Markdown specials neutralised, pipes escaped, one line.</summary>
    public static string Cell(string text)
    {
        var encoded = Neutral(text)
            .Replace("|", "&#124;", StringComparison.Ordinal)
            .Replace("\r\n", "<br>", StringComparison.Ordinal)
            .Replace("\n", "<br>", StringComparison.Ordinal)
            .Replace("\r", "<br>", StringComparison.Ordinal);
        return encoded.Length == 0 ? " " : encoded;
    }

    /// <summary>Like <see cref="Cell"/> but keeps `code spans` of policy help readable while escaping everything else.</summary>
    public static string CellWithCode(string text)
    {
        var pieces = text.Split('`');
        var result = new StringBuilder();
        for (var i = 0; i < pieces.Length; i++)
        {
            var piece = Cell(pieces[i]);
            result.Append(i % 2 == 1 && i < pieces.Length - 1 ? $"<code>{piece}</code>" : piece);
        }

        return result.ToString();
    }

    /// <summary>&amp;, &lt; and &gt; encoded, and the characters that start Markdown emphasis, links or code turned into entities.</summary>
    private static string Neutral(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("*", "&#42;", StringComparison.Ordinal)
            .Replace("_", "&#95;", StringComparison.Ordinal)
            .Replace("[", "&#91;", StringComparison.Ordinal)
            .Replace("]", "&#93;", StringComparison.Ordinal)
            .Replace("`", "&#96;", StringComparison.Ordinal)
            .Replace("~", "&#126;", StringComparison.Ordinal);

    /// <summary>A value as inline code in a table cell, safe whatever characters it holds.</summary>
    public static string Code(string text) => $"<code>{Cell(text)}</code>";

    /// <summary>Markdown outside tables: escape what could start markup or HTML.</summary>
    public static string Inline(string text) => Neutral(text).Replace("\r", " ", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
