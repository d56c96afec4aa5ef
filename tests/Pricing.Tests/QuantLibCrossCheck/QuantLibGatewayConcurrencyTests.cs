using Analytics.Pricing.Black;
using Analytics.Pricing.QuantLib;

namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// The gateway under a web server's load: many threads, each with its own valuation date, pricing with
/// every engine while the garbage collector finalizes undisposed proxies. QuantLib's evaluation date is
/// process-global and Debian's build is not thread-safe, so only the gateway's single lock keeps the
/// answers exact and the process alive.
/// </summary>
public sealed class QuantLibGatewayConcurrencyTests
{
    [Fact]
    public void Price_ManyThreadsWithDifferentValuationDates_GiveExactlyTheSingleThreadedAnswers()
    {
        QuantLibRequirement.Require();
        var cases = Cases();
        var expected = cases.Select(c => QuantLibRequirement.Pricer.Price(c.Inputs, c.Exercise, c.Engine, c.ValuationDate)).ToArray();

        const int threads = 8;
        const int rounds = 40;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            for (int round = 0; round < rounds; round++)
            {
                for (int i = 0; i < cases.Length; i++)
                {
                    int k = (i + t * 3 + round) % cases.Length;
                    var c = cases[k];
                    if (c.Engine is QuantLibEngine.QuantLibFd or QuantLibEngine.QuantLibBinomial && round % 20 != 0)
                    {
                        continue; // milliseconds each: a few rounds suffice
                    }

                    var actual = QuantLibRequirement.Pricer.Price(c.Inputs, c.Exercise, c.Engine, c.ValuationDate);
                    if (actual != expected[k])
                    {
                        failures.Add($"case {k} ({c.Engine}, {c.ValuationDate}): {actual.Price:R} vs {expected[k].Price:R}");
                    }
                }

                if (t == 0 && round % 10 == 0)
                {
                    // Undisposed proxies finalized while other threads price: the finalizer must hand them over.
                    QuantLibGateway.Instance.LeakProxiesForTesting(50);
                    GC.Collect();
                }
            }
        }))
        .ToList();

        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void Finalizer_UndisposedProxies_AreQueuedAndDeletedUnderTheGatewayLock()
    {
        QuantLibRequirement.Require();
        long deletedBefore = QuantLibGateway.DeferredDeleteCount;

        QuantLibGateway.Instance.LeakProxiesForTesting(200);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.True(QuantLibGateway.PendingReleaseCount > 0 || QuantLibGateway.DeferredDeleteCount > deletedBefore);

        // The next gateway call drains the queue under its lock.
        var inputs = BlackVanillaOptionInputs.WithDividendYield(OptionRight.Call, 100.0, 100.0, 1.0, 0.2, 0.0, 0.0);
        QuantLibRequirement.Pricer.Price(inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic);

        Assert.Equal(0, QuantLibGateway.PendingReleaseCount);
        Assert.True(QuantLibGateway.DeferredDeleteCount - deletedBefore >= 200, "each leaked quote, handle and date is deleted");
    }

    private static (BlackVanillaOptionInputs Inputs, QuantLibExerciseStyle Exercise, QuantLibEngine Engine, DateOnly ValuationDate)[] Cases()
    {
        var list = new List<(BlackVanillaOptionInputs, QuantLibExerciseStyle, QuantLibEngine, DateOnly)>();
        var dates = new[] { new DateOnly(2020, 1, 2), new DateOnly(2023, 6, 30), new DateOnly(2031, 2, 28), new DateOnly(2077, 11, 5) };
        for (int i = 0; i < 16; i++)
        {
            var right = i % 2 == 0 ? OptionRight.Call : OptionRight.Put;
            var inputs = BlackVanillaOptionInputs.WithDividendYield(right, 100.0, 80.0 + 5.0 * i, 0.05 + 0.11 * i, 0.15 + 0.04 * i, 0.03, 0.01);
            var date = dates[i % dates.Length];
            list.Add((inputs, QuantLibExerciseStyle.European, QuantLibEngine.QuantLibAnalytic, date));
            list.Add((inputs, QuantLibExerciseStyle.American, i % 2 == 0 ? QuantLibEngine.QuantLibBaw : QuantLibEngine.QuantLibBjerksundStensland, date));
            if (i % 8 == 0)
            {
                list.Add((inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibFd, date));
                list.Add((inputs, QuantLibExerciseStyle.American, QuantLibEngine.QuantLibBinomial, date));
            }
        }

        return [.. list];
    }
}
