using Analytics.Benchmarks;
using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Analytics.Benchmarks -- --filter '*'    (results: bench/RESULTS.md)
// dotnet run -c Release --project bench/Analytics.Benchmarks -- qdfp-frontier [reference|sweep|scheme l m n p]
if (args.Length > 0 && args[0] == "qdfp-frontier")
{
    QdFpFrontier.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
