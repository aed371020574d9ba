using System.Diagnostics;
using System.Globalization;
using System.Text;
using Grpc.Net.Client;
using PolicyPack.Sdk.Hosting.Protocol;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>The built executable started as the Pulumi CLI starts it: from another directory, engine address last, port read from stdout.</summary>
internal sealed class AnalyzerProcess : IAsyncDisposable
{
    public const int MaxMessageSize = 400 * 1024 * 1024;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process process;
    private readonly string workingDirectory;
    private readonly MemoryStream laterStdout;
    private readonly StringBuilder stderr;
    private readonly Task stdoutPump;
    private readonly Task stderrPump;
    private GrpcChannel? channel;

    private AnalyzerProcess(Process process, string workingDirectory, string portLine, MemoryStream laterStdout, StringBuilder stderr, Task stdoutPump, Task stderrPump)
    {
        this.process = process;
        this.workingDirectory = workingDirectory;
        PortLine = portLine;
        this.laterStdout = laterStdout;
        this.stderr = stderr;
        this.stdoutPump = stdoutPump;
        this.stderrPump = stderrPump;
    }

    public string PortLine { get; }

    public int Port => int.Parse(PortLine.TrimEnd('\n'), NumberStyles.None, CultureInfo.InvariantCulture);

    public int ProcessId => process.Id;

    public PolicyPack.Sdk.Hosting.Protocol.Analyzer.AnalyzerClient Client
    {
        get
        {
            channel ??= GrpcChannel.ForAddress($"http://127.0.0.1:{Port}", new GrpcChannelOptions
            {
                MaxReceiveMessageSize = MaxMessageSize,
                MaxSendMessageSize = MaxMessageSize,
            });
            return new PolicyPack.Sdk.Hosting.Protocol.Analyzer.AnalyzerClient(channel);
        }
    }

    /// <summary>The executable the Pack project built (or the one SECURITY_BASELINE_EXE names, e.g. a NativeAOT publish).</summary>
    public static string ExecutablePath => PathOf(PackUnderTest.SecurityBaseline);

    /// <summary>The built executable of <paramref name="pack"/>, or the one its environment variable names.</summary>
    public static string PathOf(PackUnderTest pack)
    {
        ArgumentNullException.ThrowIfNull(pack);
        var overridden = Environment.GetEnvironmentVariable(pack.OverrideVariable);
        if (!string.IsNullOrEmpty(overridden))
        {
            return Path.GetFullPath(overridden);
        }

        var baseDirectory = AppContext.BaseDirectory;
        var root = new DirectoryInfo(baseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Infra.sln")))
        {
            root = root.Parent;
        }

        if (root is null)
        {
            throw new InvalidOperationException($"no Infra.sln above {baseDirectory}");
        }

        // Same configuration as this test build (bin/<Configuration>/net10.0/), so `dotnet test -c Release` runs the Release build.
        var parts = baseDirectory.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries);
        var bin = Array.LastIndexOf(parts, "bin");
        var configuration = bin >= 0 && bin + 2 < parts.Length ? parts[bin + 1] : "Debug";
        var framework = bin >= 0 && bin + 2 < parts.Length ? parts[bin + 2] : "net10.0";
        var name = OperatingSystem.IsWindows() ? $"{pack.Name}.exe" : pack.Name;
        var path = Path.Combine(root.FullName, pack.ProjectDirectory, "bin", configuration, framework, name);
        return File.Exists(path) ? path : throw new FileNotFoundException($"the executable of {pack.Name} was not built", path);
    }

    /// <summary>Starts the executable with <paramref name="arguments"/> in a fresh temporary directory and waits for its port line.</summary>
    public static Task<AnalyzerProcess> StartAsync(params string[] arguments) => StartAsync(PackUnderTest.SecurityBaseline, arguments);

    /// <summary>Starts <paramref name="pack"/>'s executable with <paramref name="arguments"/> and waits for its port line.</summary>
    public static async Task<AnalyzerProcess> StartAsync(PackUnderTest pack, params string[] arguments)
    {
        var (process, directory) = Launch(PathOf(pack), arguments);
        try
        {
            var stdout = process.StandardOutput.BaseStream;
            var line = new StringBuilder();
            var buffer = new byte[1];
            using var timeout = new CancellationTokenSource(StartTimeout);

            // Byte by byte up to the first newline, exactly as the engine reads it.
            while (true)
            {
                var read = await stdout.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    throw new InvalidOperationException($"stdout closed before a port line; got \"{line}\"; stderr: {await process.StandardError.ReadToEndAsync()}");
                }

                line.Append((char)buffer[0]);
                if (buffer[0] == (byte)'\n')
                {
                    break;
                }
            }

            var later = new MemoryStream();
            var errors = new StringBuilder();
            var stdoutPump = stdout.CopyToAsync(later);
            var stderrPump = Task.Run(async () =>
            {
                string? text;
                while ((text = await process.StandardError.ReadLineAsync()) is not null)
                {
                    lock (errors)
                    {
                        errors.AppendLine(text);
                    }
                }
            });
            return new AnalyzerProcess(process, directory, line.ToString(), later, errors, stdoutPump, stderrPump);
        }
        catch
        {
            Kill(process);
            process.Dispose();
            TryDelete(directory);
            throw;
        }
    }

    /// <summary>Runs the executable to completion (commands and launch errors), with a time bound.</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] arguments) =>
        RunToExitAsync(PackUnderTest.SecurityBaseline, arguments);

    /// <summary>Runs <paramref name="pack"/>'s executable to completion, with a time bound.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(PackUnderTest pack, params string[] arguments)
    {
        var (process, directory) = Launch(PathOf(pack), arguments);
        try
        {
            using var timeout = new CancellationTokenSource(StartTimeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Kill(process);
            process.Dispose();
            TryDelete(directory);
        }
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cancellation.Token);
        await Task.WhenAll(stdoutPump, stderrPump).WaitAsync(cancellation.Token);
        return process.ExitCode;
    }

    /// <summary>Everything the process wrote to stdout after the port line (must stay empty).</summary>
    public byte[] StdoutAfterPortLine
    {
        get
        {
            // ToArray works on a MemoryStream even while the pump writes; the tests read it after exit.
            return laterStdout.ToArray();
        }
    }

    public string Stderr
    {
        get
        {
            lock (stderr)
            {
                return stderr.ToString();
            }
        }
    }

    /// <summary>Sends a POSIX signal (TERM, INT) the way the engine interrupts plugins at shutdown.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-s", signal, process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    public async ValueTask DisposeAsync()
    {
        channel?.Dispose();
        Kill(process);
        try
        {
            await Task.WhenAll(stdoutPump, stderrPump).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or IOException or ObjectDisposedException or InvalidOperationException)
        {
            // The pumps end with the process; a pump that failed has nothing left to tell a finished test.
        }

        process.Dispose();
        laterStdout.Dispose();
        TryDelete(workingDirectory);
    }

    private static (Process Process, string Directory) Launch(string executable, string[] arguments)
    {
        // A directory of its own, like a Pulumi project directory: the executable must not depend on its working directory.
        var directory = Directory.CreateTempSubdirectory("analyzer-test-").FullName;
        var start = new ProcessStartInfo(executable, arguments)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the analyzer");
        return (process, directory);
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp directory is harmless.
        }
    }
}
