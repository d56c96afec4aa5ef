using Analytics.Data.Entities;
using Analytics.Data.Portfolios;
using Analytics.Data.Storage;
using Analytics.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Analytics.Jobs.Tests;

/// <summary>
/// The margin monitor on both databases with a fake clock: a short ETH perpetual (−10 at 3,000) on 3,000 USDC under
/// dYdX v4's rules (appsettings.json: maintenance 3 % of notional) on Ethereum, the price moved between runs. Equity is
/// the closed form C + Q·(S − entry); the model's maintenance margin 0.03·|Q|·S, plus the chain's small latency add-on.
/// </summary>
public sealed class MarginMonitorJobTests
{
    private const double Collateral = 3000, Quantity = -10, Entry = 3000, Warning = 0.5, Liquidation = 1.0;
    private static readonly DateTimeOffset Day = new(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_PriceCrossesThresholds_RaisesOneAlertPerUpwardCrossing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var time = new FakeTimeProvider(Day.AddHours(1));
        await using var services = JobServices.Build(database, time);
        long portfolioId;
        await using (var db = database.NewContext())
        {
            // Ten flat daily closes before the day: the add-on's EWMA vol comes only from the day's moves.
            for (var d = 10; d >= 1; d--) db.PriceObservations.Add(Price(Day.AddDays(-d).AddHours(23), Entry));
            await db.SaveChangesAsync(Token);
            var definition = new PortfolioDefinition("short perp",
                [PortfolioPosition.Perpetual("ETH", Quantity, "ETH-USD", Entry, "ethereum", "dydx")], [new CollateralHolding("USDC", Collateral)]);
            portfolioId = (await services.GetRequiredService<PortfolioStore>().CreateAsync(db, definition, time.GetUtcNow(), Token)).Id;
        }

        // Utilisation without the add-on: 0.30, 0.63, 0.68, 0.30, 1.21 (0.03·10·S ÷ (3,000 − 10·(S − 3,000))).
        double[] prices = [3000, 3150, 3160, 3000, 3220];
        int[] alertsAfter = [0, 1, 1, 1, 3];
        for (var i = 0; i < prices.Length; i++)
        {
            time.Advance(TimeSpan.FromHours(1));
            await using (var db = database.NewContext())
            {
                db.PriceObservations.Add(Price(time.GetUtcNow().AddMinutes(-1), prices[i]));
                await db.SaveChangesAsync(Token);
            }
            await using (var scope = services.CreateAsyncScope())
                await scope.ServiceProvider.GetRequiredService<MarginMonitorJob>()
                    .RunAsync("monitor", portfolioId, ["dydx-v4"], ["ethereum"], Warning, Liquidation, "svi", Token);
            await using var read = database.NewContext();
            Assert.Equal(alertsAfter[i], await read.MarginAlerts.CountAsync(Token));
        }

        await using var check = database.NewContext();
        var alerts = await check.MarginAlerts.OrderBy(a => a.Id).ToListAsync(Token);
        Assert.Equal([MarginAlertRule.Warning, MarginAlertRule.Warning, MarginAlertRule.Liquidation], alerts.Select(a => a.Level));
        Assert.Equal([3150.0, 3220.0, 3220.0], alerts.Select(a => prices[(int)((a.AsOfUtc - Day.UtcDateTime).TotalHours) - 2]));
        foreach (var alert in alerts)
        {
            var spot = prices[(int)((alert.AsOfUtc - Day.UtcDateTime).TotalHours) - 2];
            Assert.Equal(Collateral + Quantity * (spot - Entry), alert.EquityUsd, 1e-9);
            Assert.InRange(alert.MaintenanceMarginUsd, 0.03 * Math.Abs(Quantity) * spot - 1e-9, 0.03 * Math.Abs(Quantity) * spot * 1.2);
            Assert.Equal(alert.MaintenanceMarginUsd / alert.EquityUsd, alert.Utilisation!.Value, 1e-12);
            Assert.True(alert.Utilisation >= alert.Threshold);
            Assert.Equal(("dydx-v4", "ethereum", "monitor", portfolioId, 1), (alert.Model, alert.Chain, alert.RecurringJobId, alert.PortfolioId, alert.PortfolioVersion));
        }
        Assert.Equal(time.GetUtcNow().UtcDateTime, alerts[^1].RaisedAtUtc);
        var states = await check.MarginAlertStates.Where(s => s.PortfolioId == portfolioId).ToListAsync(Token);
        Assert.Equal(2, states.Count);
        Assert.All(states, s => Assert.True(s.Above));
    }

    [Theory, MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task RunAsync_NoPrices_RecordsTheSkipInTheSummaryAndRaisesNothing(StorageProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, Token);
        var time = new FakeTimeProvider(Day);
        await using var services = JobServices.Build(database, time);
        long portfolioId;
        await using (var db = database.NewContext())
            portfolioId = (await services.GetRequiredService<PortfolioStore>().CreateAsync(db, new PortfolioDefinition("p",
                [PortfolioPosition.Perpetual("ETH", 1, "ETH-USD", Entry, "ethereum", "dydx")], [new CollateralHolding("USDC", 100)]), Day, Token)).Id;

        await using var scope = services.CreateAsyncScope();
        var summary = await scope.ServiceProvider.GetRequiredService<MarginMonitorJob>()
            .RunAsync("monitor", portfolioId, ["dydx-v4"], ["ethereum"], Warning, Liquidation, "svi", Token);

        Assert.Contains("\"skipped\"", summary, StringComparison.Ordinal);
        await using var read = database.NewContext();
        Assert.Empty(await read.MarginAlerts.ToListAsync(Token));
    }

    private static PriceObservationEntity Price(DateTimeOffset at, double close) => new()
    {
        Underlying = "ETH", Source = "test", TimestampUtc = at.UtcDateTime, Open = close, High = close, Low = close, Close = close,
    };
}
