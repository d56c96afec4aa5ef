using Analytics.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Analytics.Benchmarks -- --filter '*'    (results: bench/RESULTS.md)
if (args is ["interleaved-simplex"])
{
    SimplexInterleavedTiming.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
