using Analytics.Pricing.Engines;
using Analytics.Pricing.L2;
using Analytics.Pricing.Structures;

namespace Analytics.Pricing.Tests.Structures;

/// <summary>
/// Issue 14 item 4 as a property: whatever the structure (every template and random custom legs with mixed tenors, strikes,
/// rights, styles and both quantity signs) and whatever the L2 terms (frictionless, cheap or expensive gas, fees up to the
/// Leland floor Le ≥ 1, L1 or L2 settlement), the quote satisfies bid ≤ mid ≤ ask, each side's hedging cost is ≥ 0, and the
/// mid is the plain net premium. Without an <c>l2</c> block there is no quote and the premium is the same. Seeded: the
/// same draws on every run.
/// </summary>
public sealed class StructureQuoteNeverCrossesTests
{
    private const int Draws = 400;

    private static readonly StructureTemplate[] Templates = Enum.GetValues<StructureTemplate>();

    [Fact]
    public void RandomStructuresAndTerms_BidAtMostMidAtMostAsk()
    {
        var random = new Random(20261201);
        int shortGammaLongVega = 0, floorHits = 0;
        for (var draw = 0; draw < Draws; draw++)
        {
            var spot = 100 * Math.Exp(random.NextDouble() * 6 - 3);
            var structure = draw % 2 == 0 ? RandomTemplate(random, spot) : RandomLegs(random, spot);
            var rate = random.NextDouble() * 0.1 - 0.02;
            var market = new StructureMarket(spot, 0.05 + random.NextDouble() * 1.5, rate, CarrySpecification.FromRates(rate, random.NextDouble() * 0.05));
            var terms = RandomTerms(random);

            var plain = StructurePricer.Default.Price(structure, market);
            var priced = StructurePricer.Default.Price(structure, market, terms);
            var quote = priced.L2!;
            var where = $"draw {draw}: {structure.Name} × {structure.Quantity:G4}, legs {string.Join("; ", structure.Legs)}, terms {terms}";

            Assert.Null(plain.L2);
            Assert.True(quote.Bid <= quote.Mid && quote.Mid <= quote.Ask, $"{where}: bid {quote.Bid:R}, mid {quote.Mid:R}, ask {quote.Ask:R}");
            Assert.True(quote.AskHedgingCostUsd >= 0 && quote.BidHedgingCostUsd >= 0, where);
            Assert.Equal(priced.Premium, quote.Mid);
            Assert.Equal(priced.Legs.Sum(l => l.PositionValue), quote.Mid, Math.Max(1e-9, 1e-12 * Math.Abs(quote.Mid)));
            if (quote.NetGamma < 0 && priced.Greeks.Vega > 0) shortGammaLongVega++;
            if (quote.BidFloorHit) floorHits++;
        }

        // The draws reach the cases that crossed before (net gamma and net vega of opposite signs) and the Leland floor.
        Assert.True(shortGammaLongVega > 10, $"{shortGammaLongVega} short-gamma long-vega structures drawn");
        Assert.True(floorHits > 10, $"{floorHits} structures hit the bid-vol floor");
    }

    private static StructureDefinition RandomTemplate(Random random, double spot)
    {
        var template = Templates[random.Next(Templates.Length)];
        var strikes = new double[template.StrikeCount()];
        var k = spot * (0.6 + random.NextDouble() * 0.4);
        for (var i = 0; i < strikes.Length; i++, k *= 1.02 + random.NextDouble() * 0.2) strikes[i] = k;
        var tenor = 0.01 + random.NextDouble() * 2;
        var style = random.Next(4) == 0 ? OptionExerciseStyle.American : OptionExerciseStyle.European;
        return StructureBuilder.FromTemplate(template, strikes, tenor, Quantity(random), random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put,
            tenor * (1.1 + random.NextDouble() * 4), style).GetValueOrThrow();
    }

    private static StructureDefinition RandomLegs(Random random, double spot)
    {
        var legs = new List<StructureLeg?>();
        for (var i = random.Next(1, 7); i > 0; i--)
            legs.Add(new StructureLeg(
                random.Next(2) == 0 ? OptionRight.Call : OptionRight.Put,
                spot * Math.Exp(random.NextDouble() - 0.5),
                0.003 + random.NextDouble() * 3,
                (random.Next(2) == 0 ? -1 : 1) * (0.25 + random.Next(8) * 0.5),
                random.Next(3) == 0 ? null : 0.05 + random.NextDouble() * 1.5,
                random.Next(5) == 0 ? OptionExerciseStyle.American : OptionExerciseStyle.European));
        return StructureBuilder.FromLegs(legs, Quantity(random)).GetValueOrThrow();
    }

    private static double Quantity(Random random) => (random.Next(2) == 0 ? -1 : 1) * (0.1 + random.NextDouble() * 10);

    private static L2TradeTerms RandomTerms(Random random)
    {
        var gas = random.Next(4) switch { 0 => 0.0, 1 => 0.02, 2 => 3.0, _ => random.NextDouble() * 50 };
        var chain = new ChainProfile("random", "Random", RollupKind.Optimistic, random.NextDouble() * 168, 1.0, gas, 1.0, "test");
        var fee = random.Next(4) switch { 0 => 0.0, 1 => 0.0005, 2 => 0.01, _ => random.NextDouble() * 0.05 };
        return new L2TradeTerms(chain, random.Next(2) == 0 ? SettlementLayer.L1 : SettlementLayer.L2, 1.0,
            random.Next(3) switch { 0 => 0.25, 1 => 1.0, _ => 24.0 }, fee);
    }
}
