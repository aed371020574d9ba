using System.Text.Json;
using BenchmarkDotNet.Attributes;
using PolicyPack.Sdk.Engine;
using PolicyPack.Sdk.Inputs;
using PolicyPack.Sdk.Model;
using SecurityBaseline.Policies;

namespace SecurityBaseline.Bench;

/// <summary>Scanning a large export against the cost of merely parsing its JSON (the baseline): the ratio shows what policies add.</summary>
[MemoryDiagnoser]
public class ScanBenchmarks
{
    private string export = string.Empty;
    private PolicyEngine engine = null!;

    [Params(5_000, 50_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        export = SyntheticStack.Export(Resources);
        engine = new PolicyEngine(PolicyCatalog.All, PackConfiguration.Default(PolicyCatalog.All));
    }

    [Benchmark(Baseline = true, Description = "parse JSON only")]
    public int ParseOnly()
    {
        using var document = JsonDocument.Parse(export, PropertyDecoder.DocumentOptions);
        return document.RootElement.GetProperty("deployment").GetProperty("resources").GetArrayLength();
    }

    [Benchmark(Description = "read + every policy")]
    public int Scan()
    {
        var input = StackInputReader.Read(export, "bench.json");
        return engine.Analyze(input.Inputs, input.Outputs).Evaluations.Count;
    }
}
