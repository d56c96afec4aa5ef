using System.Collections.Immutable;

namespace Analytics.Pricing.Risk.Stress;

/// <summary>
/// The named historical shocks of API.md (<c>covid-2020-03-12</c>, <c>luna-2022-05</c>, <c>ftx-2022-11</c>,
/// <c>yen-carry-2024-08-05</c>). Reference spot moves are Binance spot daily closes (BTCUSDT, ETHUSDT; the files of
/// PROVENANCE.md §3, repo min-seo-kimm/crypto-vol-modeling): close to close over each window.
/// </summary>
/// <remarks>
/// Vol shifts are assumptions of this catalogue, not measurements: the shared data has no implied-vol history for these
/// days (Deribit's DVOL index starts in 2021). They are set to the order of the at-the-money implied-vol jumps commonly
/// reported for each episode and are stated in every stress response; pass user-defined scenarios to use others.
/// </remarks>
public static class HistoricalStressScenarios
{
    private const string Binance = "Binance spot daily closes (BTCUSDT, ETHUSDT), close to close over the window";
    private const string VolAssumption = "assumption of this catalogue (no implied-vol history for the day in the shared data); order of the reported at-the-money implied-vol jump";

    /// <summary>Every named scenario, by name.</summary>
    public static ImmutableSortedDictionary<string, HistoricalStressScenario> All { get; } = new[]
    {
        Scenario("covid-2020-03-12", "COVID crash: crypto halves in a day as every market sells off (12 March 2020).",
            new(2020, 3, 11), new(2020, 3, 12), btc: (4800.00, 7934.52), eth: (107.82, 194.61), volShift: 0.60),
        Scenario("luna-2022-05", "Terra/LUNA collapse: UST de-pegs and LUNA goes to zero (9–13 May 2022).",
            new(2022, 5, 8), new(2022, 5, 13), btc: (29287.05, 34038.40), eth: (2009.69, 2519.71), volShift: 0.25),
        Scenario("ftx-2022-11", "FTX insolvency: withdrawals halted, Binance walks away from the rescue (8–9 November 2022).",
            new(2022, 11, 7), new(2022, 11, 9), btc: (15922.81, 20591.13), eth: (1102.73, 1568.10), volShift: 0.30),
        Scenario("yen-carry-2024-08-05", "Yen carry-trade unwind: a global deleveraging weekend ending in the 5 August 2024 sell-off.",
            new(2024, 8, 1), new(2024, 8, 5), btc: (54018.81, 65354.02), eth: (2419.59, 3203.40), volShift: 0.30),
    }.ToImmutableSortedDictionary(s => s.Name, s => s, StringComparer.Ordinal);

    private static HistoricalStressScenario Scenario(
        string name, string description, DateOnly from, DateOnly to, (double To, double From) btc, (double To, double From) eth, double volShift) =>
        new(name, description, from, to,
            new Dictionary<string, double> { ["BTC"] = btc.To / btc.From - 1, ["ETH"] = eth.To / eth.From - 1 }.ToImmutableSortedDictionary(StringComparer.Ordinal),
            Binance, ImmutableSortedDictionary<string, double>.Empty.WithComparers(StringComparer.Ordinal), volShift, VolAssumption);
}
