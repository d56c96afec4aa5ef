using System.Diagnostics;
using System.Runtime.Intrinsics;
using Analytics.Pricing;
using Analytics.Pricing.American;
using Analytics.Pricing.Black;

namespace Analytics.Benchmarks;

/// <summary>
/// Issue 14 item 2: error against cost of <c>qd-fp</c> schemes (not a BenchmarkDotNet benchmark; run with
/// <c>dotnet run -c Release --project bench/Analytics.Benchmarks -- qdfp-frontier MODE</c>, MODE one of <c>reference</c>
/// (computes and caches the reference, prints its doubling check), <c>sweep</c> (CSV of all candidate schemes),
/// <c>scheme l m n p</c> (per-tenor errors and time of one scheme), <c>time l m n p ...</c>, <c>probe Put|Call S days σ r q
/// l m n p ...</c> (one cell's price under several schemes), <c>qdplusmicro</c> (the QD+ start over lanes against node by
/// node) and <c>exptime x</c> (Vector512/Vector256 Exp and Log at argument x: the slow path below about −707)).
/// Error: the largest relative price error over a grid of puts and calls (one day to 30 years, S/K 0.5–2, σ 5–200 %,
/// r and q from −3 % to 10 %, r &lt; q, r = q) against a converged reference, with an absolute floor of 1e-12 of the strike
/// for near-zero prices. The reference is (l, m, n)-p = (96, 48, 48)-256; its own error is estimated by doubling against
/// (192, 64, 64)-512 and printed. Cost: Stopwatch time per option on the 16 options of <see cref="QdFpAmericanBenchmarks"/>
/// (the fastest of several rounds), so the µs figures are comparable with the benchmark's only roughly.
/// </summary>
internal static class QdFpFrontier
{

    private const double Floor = 1e-12;
    private static readonly string Cache = Path.Combine(Path.GetTempPath(), "qdfp-frontier-reference.bin");
    private static readonly double[] TenorDays = [1, 7, 30, 91, 365, 1826, 3652, 10957];

    internal static void Run(string[] args)
    {
        var grid = Grid();
        Console.WriteLine($"grid: {grid.Length} cells; {Environment.ProcessorCount} CPUs; Vector512 accelerated {Vector512.IsHardwareAccelerated}");
        string mode = args.Length > 1 ? args[1] : "sweep";
        if (mode == "reference")
        {
            var coarse = Prices(new QdFpScheme(48, 48, 96, 256), grid);
            var fine = Prices(new QdFpScheme(64, 64, 192, 512), grid);
            PrintErrors("(96, 48, 48)-256 vs (192, 64, 64)-512", grid, coarse, fine);
            File.WriteAllBytes(Cache, fine.SelectMany(BitConverter.GetBytes).ToArray());
            return;
        }

        if (mode == "probe")
        {
            // probe right S T(days) vol r q, then l m n p for each scheme
            var cell = BlackVanillaOptionInputs.WithDividendYield(Enum.Parse<OptionRight>(args[2]), double.Parse(args[3]), 100.0,
                double.Parse(args[4]) / 365.0, double.Parse(args[5]), double.Parse(args[6]), double.Parse(args[7]));
            for (int i = 8; i + 3 < args.Length; i += 4)
            {
                var s = new QdFpScheme(int.Parse(args[i + 2]), int.Parse(args[i + 1]), int.Parse(args[i]), int.Parse(args[i + 3]));
                Console.WriteLine($"{s}: {new QdFpAmericanPricer(s).PresentValue(cell):R}");
            }

            return;
        }

        if (mode == "exptime")
        {
            // Latency of Vector512/Vector256 Exp and Log chains starting at args[2] (e.g. -707 against -708.3 and -800).
            double start = double.Parse(args[2]);
            var sw = Stopwatch.StartNew();
            var v = Vector512.Create(start);
            var acc = Vector512<double>.Zero;
            for (int i = 0; i < 1_000_000; i++)
            {
                acc += Vector512.Exp(v);
                v += Vector512.Create(1e-9);
            }

            Console.WriteLine($"Vector512.Exp {sw.Elapsed.TotalNanoseconds / 1e6:F2} ns {acc[0]}");
            sw.Restart();
            for (int i = 0; i < 1_000_000; i++)
            {
                acc += Vector512.Log(v);
                v += Vector512.Create(1e-9);
            }

            Console.WriteLine($"Vector512.Log {sw.Elapsed.TotalNanoseconds / 1e6:F2} ns {acc[0]}");
            var w = Vector256.Create(start);
            var acc256 = Vector256<double>.Zero;
            sw.Restart();
            for (int i = 0; i < 1_000_000; i++)
            {
                acc256 += Vector256.Exp(w);
                w += Vector256.Create(1e-9);
            }

            Console.WriteLine($"Vector256.Exp {sw.Elapsed.TotalNanoseconds / 1e6:F2} ns {acc256[0]}");
            return;
        }

        if (mode == "qdplusmicro")
        {
            int n = 16;
            var taus = Enumerable.Range(1, n).Select(j => { double z = 0.5 * (1 - Math.Cos(j * Math.PI / n)); return 1.0 * z * z; }).ToArray();
            var lanes = new double[n];
            var sw = new Stopwatch();
            for (int round = 0; round < 5; round++)
            {
                sw.Restart();
                for (int rep = 0; rep < 20000; rep++)
                    QdPlusLanes.Boundaries(100, 0.05, 0.02, 0.3, taus, 1e-7, lanes);
                double a = sw.Elapsed.TotalNanoseconds / 20000;
                sw.Restart();
                for (int rep = 0; rep < 20000; rep++)
                {
                    double prev = double.NaN;
                    for (int j = 0; j < n; j++)
                        lanes[j] = prev = QdPlusBoundary.At(100, 0.05, 0.02, 0.3, taus[j], 1e-7, prev);
                }

                Console.WriteLine($"lanes {a:F0} ns, scalar {sw.Elapsed.TotalNanoseconds / 20000:F0} ns per 16 nodes");
            }

            return;
        }

        if (mode == "time")
        {
            for (int i = 2; i + 3 < args.Length; i += 4)
            {
                var s = new QdFpScheme(int.Parse(args[i + 2]), int.Parse(args[i + 1]), int.Parse(args[i]), int.Parse(args[i + 3]));
                Console.WriteLine($"{s}: {Time(s):F2} µs per option");
            }

            return;
        }

        var reference = Reference(grid);
        if (mode == "scheme")
        {
            var scheme = new QdFpScheme(int.Parse(args[4]), int.Parse(args[3]), int.Parse(args[2]), int.Parse(args[5]));
            PrintErrors(scheme.ToString(), grid, Prices(scheme, grid), reference);
            Console.WriteLine($"{Time(scheme):F2} µs per option");
            return;
        }

        Console.WriteLine("l,m,n,p,us_per_option,max_rel_error,worst_cell,max_rel_error_floor_1e-6K");
        foreach (var scheme in Candidates())
        {
            var prices = Prices(scheme, grid);
            var (error, worst) = MaxError(grid, prices, reference, _ => true);
            double coarse = 0.0;
            for (int i = 0; i < grid.Length; i++)
                coarse = Math.Max(coarse, Math.Abs(prices[i] - reference[i]) / Math.Max(Math.Abs(reference[i]), 1e-6 * grid[i].Strike));
            Console.WriteLine($"{scheme.QuadratureOrder},{scheme.FixedPointSteps},{scheme.ChebyshevNodes},{scheme.PriceQuadratureOrder}," +
                              $"{Time(scheme):F2},{error:E2},{Describe(grid[worst])},{coarse:E2}");
        }
    }

    private static IEnumerable<QdFpScheme> Candidates()
    {
        yield return QdFpScheme.Default;
        foreach (int n in new[] { 6, 8, 10, 12, 14, 16, 18, 20, 24 })
        foreach (int l in new[] { 6, 8, 10, 12, 16, 20, 24 })
        foreach (int m in new[] { 2, 3, 4, 5, 6, 7, 8, 10 })
        foreach (int p in new[] { 16, 24, 32, 48, 64 })
        {
            if (l >= n / 2 && p >= 2 * l && p <= 4 * l + 16)
                yield return new QdFpScheme(n, m, l, p);
        }
    }

    private static BlackVanillaOptionInputs[] Grid()
    {
        var cells = new List<BlackVanillaOptionInputs>();
        foreach (double days in TenorDays)
        foreach (var right in new[] { OptionRight.Put, OptionRight.Call })
        foreach (double moneyness in new[] { 0.5, 0.8, 1.0, 1.25, 2.0 })
        foreach (double vol in new[] { 0.05, 0.2, 0.6, 2.0 })
        foreach (var (r, q) in new[] { (0.05, 0.0), (0.03, 0.08), (0.1, 0.1), (0.02, -0.03), (-0.02, 0.01), (0.0, -0.02) })
        {
            cells.Add(BlackVanillaOptionInputs.WithDividendYield(right, 100.0 * moneyness, 100.0, days / 365.0, vol, r, q));
        }

        return cells.ToArray();
    }

    private static double[] Reference(BlackVanillaOptionInputs[] grid)
    {
        if (!File.Exists(Cache))
            throw new InvalidOperationException("run 'qdfp-frontier reference' first");
        var bytes = File.ReadAllBytes(Cache);
        return Enumerable.Range(0, grid.Length).Select(i => BitConverter.ToDouble(bytes, 8 * i)).ToArray();
    }

    private static double[] Prices(QdFpScheme scheme, BlackVanillaOptionInputs[] grid)
    {
        var pricer = new QdFpAmericanPricer(scheme);
        return grid.Select(pricer.PresentValue).ToArray();
    }

    internal static double RelativeError(BlackVanillaOptionInputs cell, double price, double reference) =>
        Math.Abs(price - reference) / Math.Max(Math.Abs(reference), Floor * cell.Strike);

    private static (double Error, int Worst) MaxError(BlackVanillaOptionInputs[] grid, double[] prices, double[] reference, Func<BlackVanillaOptionInputs, bool> filter)
    {
        double error = 0.0;
        int worst = 0;
        for (int i = 0; i < grid.Length; i++)
        {
            double e = RelativeError(grid[i], prices[i], reference[i]);
            if (filter(grid[i]) && !(e <= error))
            {
                error = e;
                worst = i;
            }
        }

        return (error, worst);
    }

    private static void PrintErrors(string label, BlackVanillaOptionInputs[] grid, double[] prices, double[] reference)
    {
        Console.WriteLine(label);
        foreach (double days in TenorDays)
        {
            var (error, worst) = MaxError(grid, prices, reference, c => Math.Abs(c.TenorYears - days / 365.0) < 1e-12);
            Console.WriteLine($"  {days,6} d: max rel {error:E2} at {Describe(grid[worst])} ({prices[worst]:R} vs {reference[worst]:R})");
        }
    }

    private static string Describe(BlackVanillaOptionInputs c) =>
        $"{c.Right} S={c.Spot} T={c.TenorYears * 365.0:F0}d vol={c.Volatility} r={c.Rate} q={c.Rate - c.CostOfCarry:0.###}";

    /// <summary>Fastest of several rounds, µs per option, over the benchmark's 16 options.</summary>
    internal static double Time(QdFpScheme scheme)
    {
        var pricer = new QdFpAmericanPricer(scheme);
        var options = BenchmarkOptions();
        double sink = 0.0;
        foreach (var o in options)
            sink += pricer.PresentValue(o);
        var watch = new Stopwatch();
        int repeats = Math.Max(1, (int)(20000 / (scheme.ChebyshevNodes * scheme.QuadratureOrder * scheme.FixedPointSteps + 50)));
        double best = double.MaxValue;
        for (int round = 0; round < 7; round++)
        {
            watch.Restart();
            for (int k = 0; k < repeats; k++)
            foreach (var o in options)
                sink += pricer.PresentValue(o);
            best = Math.Min(best, watch.Elapsed.TotalMicroseconds / (repeats * options.Length));
        }

        return sink == 0.0 ? double.NaN : best;
    }

    /// <summary>The 16 options of <see cref="QdFpAmericanBenchmarks"/>.</summary>
    internal static BlackVanillaOptionInputs[] BenchmarkOptions()
    {
        var random = new Random(7);
        double[] tenors = [0.1, 0.5, 1.0, 3.0, 10.0];
        var inputs = new BlackVanillaOptionInputs[16];
        for (int i = 0; i < inputs.Length; i++)
        {
            var right = i % 2 == 0 ? OptionRight.Put : OptionRight.Call;
            inputs[i] = BlackVanillaOptionInputs.WithDividendYield(
                right, 100.0 * (0.8 + 0.4 * random.NextDouble()), 100.0, tenors[i % tenors.Length], 0.2 + 0.6 * random.NextDouble(),
                0.01 + 0.07 * random.NextDouble(), 0.06 * random.NextDouble());
        }

        return inputs;
    }
}
