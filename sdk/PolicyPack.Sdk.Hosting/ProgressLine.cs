using System.Diagnostics;
using System.Globalization;

namespace PolicyPack.Sdk.Hosting;

/// <summary>A one-line, redrawn progress display on a terminal's stderr for evaluations that take more than about a second.</summary>
/// <remarks>Only made when stderr is a terminal outside CI (the caller decides), so piped output and logs never see a carriage
/// return; a scan that ends within the first second draws nothing at all.</remarks>
internal sealed class ProgressLine(TextWriter terminal, string source, int total)
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    private readonly Stopwatch watch = Stopwatch.StartNew();
    private TimeSpan lastDrawn = TimeSpan.Zero;
    private int width;

    /// <summary>Called after each resource; redraws at most five times a second once the first second has passed.</summary>
    public void Evaluated(int done)
    {
        var elapsed = watch.Elapsed;
        if (elapsed < Delay || elapsed - lastDrawn < Interval)
        {
            return;
        }

        lastDrawn = elapsed;
        var rate = done / elapsed.TotalSeconds;
        var left = rate > 0 ? TimeSpan.FromSeconds((total - done) / rate) : TimeSpan.Zero;
        var text = string.Create(CultureInfo.InvariantCulture, $"{source}: {done:N0}/{total:N0} resources evaluated, {rate:N0}/s, about {left.TotalSeconds:F0} s left");
        terminal.Write("\r" + text.PadRight(width));
        width = text.Length;
        terminal.Flush();
    }

    /// <summary>Clears the line if anything was drawn, so the report and later messages start on a clean line.</summary>
    public void Finish()
    {
        if (width > 0)
        {
            terminal.Write("\r" + new string(' ', width) + "\r");
            terminal.Flush();
        }
    }
}
