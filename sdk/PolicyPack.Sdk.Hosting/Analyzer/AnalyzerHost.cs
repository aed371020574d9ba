using PolicyPack.Sdk.Engine;
using System.Globalization;
using System.Net;
using Grpc.AspNetCore.Server.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace PolicyPack.Sdk.Hosting.Analyzer;

/// <summary>Serves the analyzer the way the Pulumi CLI expects a policy-pack executable to: port on stdout's first line, gRPC over h2c on loopback.</summary>
internal static class AnalyzerHost
{
    /// <summary>The engine allows 400 MiB messages; so do we, both ways.</summary>
    public const int MaxMessageSize = 400 * 1024 * 1024;

    public static int Run(PackDefinition pack, AnalyzerArguments arguments, Stream stdout, TextWriter stderr)
    {
        WebApplication app;
        try
        {
            app = Build(pack, arguments);
            app.StartAsync().GetAwaiter().GetResult();
        }
        catch (IOException e)
        {
            stderr.WriteLine($"{pack.Name}: cannot listen on 127.0.0.1: {e.Message}");
            return 1;
        }
        catch (PolicyPack.Sdk.Engine.PolicyConfigException e)
        {
            stderr.WriteLine($"{pack.Name}: {e.Message}");
            return ExitCodes.BadInput;
        }

        try
        {
            var port = Port(app);

            // The engine reads stdout up to the first newline and takes it as the port; that line is all stdout ever gets.
            stdout.Write(System.Text.Encoding.ASCII.GetBytes(port.ToString(CultureInfo.InvariantCulture) + "\n"));
            stdout.Flush();
            Console.SetOut(TextWriter.Null);

            // Cancel, SIGINT and SIGTERM all end here: the host's console lifetime turns the signals into a graceful stop.
            app.WaitForShutdownAsync().GetAwaiter().GetResult();
            return ExitCodes.Compliant;
        }
        finally
        {
            app.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static WebApplication Build(PackDefinition pack, AnalyzerArguments arguments)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],

            // The CLI starts us in the Pulumi project's directory; nothing may depend on it.
            ContentRootPath = AppContext.BaseDirectory,
        });

        builder.Logging.ClearProviders();
        if (arguments.LogToStderr)
        {
            builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
            builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(arguments.Verbosity switch { >= 9 => LogLevel.Trace, >= 1 => LogLevel.Debug, _ => LogLevel.Information });
        }

        builder.Host.UseConsoleLifetime(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = MaxMessageSize + 1024L;

            // Large property bags arrive quickly over loopback with bigger HTTP/2 windows than Kestrel's defaults.
            kestrel.Limits.Http2.InitialConnectionWindowSize = 16 * 1024 * 1024;
            kestrel.Limits.Http2.InitialStreamWindowSize = 8 * 1024 * 1024;
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2);
        });

        builder.Services.AddGrpc(o =>
        {
            o.MaxReceiveMessageSize = MaxMessageSize;
            o.MaxSendMessageSize = MaxMessageSize;
            o.EnableDetailedErrors = false;
        });
        builder.Services.AddSingleton<IServiceMethodProvider<AnalyzerService>, AnalyzerMethods>();
        var configuration = new AnalyzerConfiguration(pack);
        if (Environment.GetEnvironmentVariable(configuration.WaiversVariable) is { Length: > 0 } waiverPath)
        {
            // Validated before the port is printed, so a bad file fails the load with its file and line rather than mid-run.
            configuration.LoadWaivers(waiverPath);
        }

        builder.Services.AddSingleton(configuration);
        builder.Services.AddSingleton<AnalyzerService>();

        var app = builder.Build();
        app.MapGrpcService<AnalyzerService>();
        return app;
    }

    private static int Port(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            if (Uri.TryCreate(address, UriKind.Absolute, out var uri) && uri.Port > 0)
            {
                return uri.Port;
            }
        }

        throw new InvalidOperationException("Kestrel reported no bound port");
    }
}
