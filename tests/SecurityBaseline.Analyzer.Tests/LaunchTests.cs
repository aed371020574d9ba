using Google.Protobuf.WellKnownTypes;

namespace SecurityBaseline.Analyzer.Tests;

/// <summary>The launch contract: arguments, stdout discipline, signals and exit codes.</summary>
public sealed class LaunchTests
{
    private static readonly TimeSpan ExitTimeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Launch_WithoutArguments_ShouldExplainOnStderrAndExit2()
    {
        var (exitCode, stdout, stderr) = await AnalyzerProcess.RunToExitAsync();

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("engine address", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:")]
    [InlineData("localhost:http")]
    public async Task Launch_WithBadEngineAddress_ShouldExplainOnStderrAndExit2(string address)
    {
        var (exitCode, stdout, stderr) = await AnalyzerProcess.RunToExitAsync("--logtostderr", address);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("bad engine address", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_WithUnknownOption_ShouldExit2()
    {
        var (exitCode, stdout, stderr) = await AnalyzerProcess.RunToExitAsync("--bogus", Engine.Address);

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("--bogus", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policies_InTheSameExecutable_ShouldStillWork()
    {
        var (exitCode, stdout, _) = await AnalyzerProcess.RunToExitAsync("policies", "--format", "json");

        Assert.Equal(0, exitCode);
        Assert.Contains(TestResources.Kms, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_InTheSameExecutable_ShouldStillWork()
    {
        var (exitCode, _, stderr) = await AnalyzerProcess.RunToExitAsync("scan", "/nonexistent/stack.json");

        Assert.Equal(2, exitCode);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_WithAllEngineFlags_ShouldServeAndLogToStderrOnly()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync("--logtostderr", "-v=9", "--tracing", "127.0.0.1:4317", Engine.Address);

        await Engine.StartSessionAsync(analyzer.Client);
        await analyzer.Client.CancelAsync(new Empty());

        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Empty(analyzer.StdoutAfterPortLine);
        Assert.Contains("handshake from engine", analyzer.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Launch_WithoutLogToStderr_ShouldWriteNothingToStderr()
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);

        await Engine.StartSessionAsync(analyzer.Client);
        await analyzer.Client.CancelAsync(new Empty());

        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Equal(string.Empty, analyzer.Stderr);
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }

    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Signal_WhileServing_ShouldExit0(string signal)
    {
        await using var analyzer = await AnalyzerProcess.StartAsync(Engine.Address);
        await analyzer.Client.HandshakeAsync(new PolicyPack.Sdk.Hosting.Protocol.AnalyzerHandshakeRequest { EngineAddress = Engine.Address });

        await analyzer.SignalAsync(signal);

        Assert.Equal(0, await analyzer.WaitForExitAsync(ExitTimeout));
        Assert.Empty(analyzer.StdoutAfterPortLine);
    }
}
