using System.Globalization;

namespace SecurityBaseline.Policies.Transit;

/// <summary>Reads TLS versions written as numbers ("1.2"), with an optional "TLS"/"TLSv" prefix and "_" or "." separators.</summary>
internal static class TlsVersions
{
    /// <summary>True when <paramref name="text"/> names TLS 1.2 or newer; false for older or unreadable versions.</summary>
    public static bool IsAtLeast12(string text)
    {
        var digits = text.Trim();
        foreach (var prefix in new[] { "TLSv", "TLS" })
        {
            if (digits.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                digits = digits[prefix.Length..];
                break;
            }
        }

        digits = digits.Replace('_', '.');
        return decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var version) && version >= 1.2m;
    }
}
