using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Analytics.Benchmarks -- --filter '*'    (results: bench/RESULTS.md)
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
