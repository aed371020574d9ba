using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(SecurityBaseline.Bench.ScanBenchmarks).Assembly).Run(args);
