using System.Globalization;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>The command line the Pulumi CLI starts an analyzer with: `[--logtostderr] [-v=N] [--tracing X] engine-address`.</summary>
internal sealed record AnalyzerArguments(string EngineAddress, bool LogToStderr, int Verbosity, string? Tracing)
{
    /// <summary>True when <paramref name="text"/> has the shape of an engine address (`host:port`, IPv6 hosts bracketed).</summary>
    public static bool LooksLikeAddress(string text)
    {
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1 || text.StartsWith('-'))
        {
            return false;
        }

        var host = text[..colon];
        if (host.Contains(':', StringComparison.Ordinal) && !(host.StartsWith('[') && host.EndsWith(']')))
        {
            return false;
        }

        return int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535;
    }

    /// <summary>Parses the launch arguments; on failure <paramref name="error"/> says what is wrong, for stderr.</summary>
    public static bool TryParse(IReadOnlyList<string> args, out AnalyzerArguments? parsed, out string error)
    {
        parsed = null;
        var logToStderr = false;
        var verbosity = 0;
        string? tracing = null;
        var positional = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            switch (arg)
            {
                case "--logtostderr" or "-logtostderr":
                    logToStderr = true;
                    break;
                case "--logflow" or "-logflow":
                    // Pulumi forwards its own flow flag to some plugins; it has no meaning here.
                    break;
                case "--tracing" or "-tracing":
                    if (i + 1 >= args.Count)
                    {
                        error = "--tracing needs an endpoint";
                        return false;
                    }

                    tracing = args[++i];
                    break;
                case var v when v.StartsWith("-v=", StringComparison.Ordinal) || v.StartsWith("--v=", StringComparison.Ordinal):
                    if (!int.TryParse(v[(v.IndexOf('=', StringComparison.Ordinal) + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out verbosity))
                    {
                        error = $"bad verbosity \"{v}\" (expected -v=N)";
                        return false;
                    }

                    break;
                case var t when t.StartsWith("--tracing=", StringComparison.Ordinal):
                    tracing = t["--tracing=".Length..];
                    break;
                case var option when option.StartsWith('-'):
                    error = $"unknown option \"{option}\"";
                    return false;
                default:
                    positional.Add(arg);
                    break;
            }
        }

        if (positional.Count != 1)
        {
            error = positional.Count == 0 ? "no engine address given" : $"expected one engine address, got {positional.Count} arguments";
            return false;
        }

        if (!LooksLikeAddress(positional[0]))
        {
            error = $"bad engine address \"{positional[0]}\" (expected host:port, e.g. 127.0.0.1:54321)";
            return false;
        }

        parsed = new AnalyzerArguments(positional[0], logToStderr, verbosity, tracing);
        error = string.Empty;
        return true;
    }
}
