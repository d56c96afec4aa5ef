using Analytics.Pricing.Batch;
using Analytics.Pricing.Black;

namespace Analytics.Pricing.Tests.Batch;

/// <summary>A reproducible random grid of options, mostly near the money, a third deep in or out of the money.</summary>
internal static class Grid
{
    public static BlackScholesBatchInputColumns Create(int length, int seed, CarryConvention convention)
    {
        var random = new Random(seed);
        double[] spot = new double[length], strike = new double[length], tenor = new double[length], vol = new double[length];
        double[] rate = new double[length], carry = new double[length];
        bool[] isCall = new bool[length];
        for (int i = 0; i < length; i++)
        {
            spot[i] = 100.0 * Math.Exp(random.NextDouble() - 0.5);
            tenor[i] = Math.Exp(Math.Log(1.0 / 365.0) + random.NextDouble() * Math.Log(30.0 * 365.0));
            vol[i] = Math.Exp(Math.Log(0.01) + random.NextDouble() * Math.Log(300.0));
            double logMoneyness = random.NextDouble() < 0.67
                ? 0.5 * (2.0 * random.NextDouble() - 1.0)
                : (0.5 + 5.5 * random.NextDouble()) * (random.NextDouble() < 0.5 ? -1.0 : 1.0);
            strike[i] = spot[i] * Math.Exp(logMoneyness);
            rate[i] = -0.02 + 0.12 * random.NextDouble();
            carry[i] = rate[i] - (-0.05 + 0.15 * random.NextDouble());
            isCall[i] = random.NextDouble() < 0.5;
        }

        return new BlackScholesBatchInputColumns(spot, strike, tenor, vol, rate, carry, isCall, convention);
    }

    public static BlackVanillaOptionInputs Inputs(this BlackScholesBatchInputColumns c, int i) => new(
        c.IsCall.Span[i] ? OptionRight.Call : OptionRight.Put,
        c.Spot.Span[i],
        c.Strike.Span[i],
        c.TenorYears.Span[i],
        c.Volatility.Span[i],
        c.Rate.Span[i],
        c.CostOfCarry.Span[i],
        c.CarryConvention);
}

/// <summary>
/// Batch-versus-scalar comparison. The two differ only in exp/log (vector routines within 2–3 ulp of
/// Math.Exp/Math.Log), so an output G may differ by a few ulp of the forward, discount factor and ln(F/K)
/// propagated through G's own conditioning: φ(d₁) and the tails move by a·δx/s relatively for an absolute error δx in
/// x = ln(F/K), so κ = 1 + (a + 1)(1 + |x|)/s bounds the relative sensitivity (a = |x|/s + s/2, s = σ√T). Outputs
/// that can cross zero (theta, rho, vanna, volga, charm) are compared relative to the size of the terms they are
/// made of (<see cref="Terms"/>), since a cancelled sum keeps the absolute, not the relative, error of its terms.
/// </summary>
internal sealed class Worst
{
    private const double Epsilon = 2.220446049250313e-16;
    private readonly double[] _worst = new double[10];
    private readonly double[] _worstOverKappa = new double[10];
    private int _exactRows;
    private int _rows;

    private static readonly string[] Names = ["Price", "Delta", "Gamma", "Vega", "Theta", "Rho", "CarryRho", "Vanna", "Volga", "Charm"];

    public void Check(BlackScholesBatchInputColumns grid, int i, BlackVanillaOptionResult scalar, BlackScholesBatchResultColumns batch)
    {
        double s = grid.Volatility.Span[i] * Math.Sqrt(grid.TenorYears.Span[i]);
        double x = Math.Log(scalar.Forward / grid.Strike.Span[i]);
        double a = Math.Abs(x) / s + 0.5 * s;
        double kappa = 1.0 + (a + 1.0) * (1.0 + Math.Abs(x)) / s;
        double t = grid.TenorYears.Span[i];
        var g = scalar.Greeks;
        double[] expected = [scalar.Price, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho, g.CarryRho, g.Vanna, g.Volga, g.Charm];
        double[] actual =
        [
            batch.Price.Span[i], batch.Delta.Span[i], batch.Gamma.Span[i], batch.Vega.Span[i], batch.Theta.Span[i],
            batch.Rho.Span[i], batch.CarryRho.Span[i], batch.Vanna.Span[i], batch.Volga.Span[i], batch.Charm.Span[i],
        ];
        bool exact = true;
        for (int k = 0; k < 10; k++)
        {
            double difference = Math.Abs(actual[k] - expected[k]);
            exact &= difference == 0.0;
            double magnitude = Math.Max(Math.Abs(expected[k]), Terms(k, grid, i, scalar, s));
            double relative = difference == 0.0 ? 0.0 : difference / magnitude;
            _worst[k] = Math.Max(_worst[k], relative);
            _worstOverKappa[k] = Math.Max(_worstOverKappa[k], relative / kappa);
            double tolerance = Math.Max(1e-14, 64.0 * Epsilon * kappa);
            Assert.True(relative <= tolerance,
                $"option {i} {Names[k]}: batch {actual[k]:R}, scalar {expected[k]:R}, relative {relative:E2} > {tolerance:E2} (κ = {kappa:E2})");
        }

        _rows++;
        _exactRows += exact ? 1 : 0;
    }

    /// <summary>Size of the terms an output is built from (it may cancel to near zero; its error does not).</summary>
    private static double Terms(int k, BlackScholesBatchInputColumns grid, int i, BlackVanillaOptionResult r, double s)
    {
        double t = grid.TenorYears.Span[i], sigma = grid.Volatility.Span[i], spot = grid.Spot.Span[i];
        double rate = grid.Rate.Span[i], carry = grid.CostOfCarry.Span[i];
        var g = r.Greeks;
        double d1 = Math.Abs(Math.Log(r.Forward / grid.Strike.Span[i]) / s) + 0.5 * s + 1.0;
        double densityFactor = Math.Abs(g.Vega) / (spot * Math.Sqrt(t)); // A·φ(d₁)
        return k switch
        {
            4 => Math.Abs(g.Vega) * sigma / (2.0 * t) + (Math.Abs(carry - rate) + Math.Abs(rate)) * (Math.Abs(g.CarryRho) / t + Math.Abs(r.Price)),
            5 => t * Math.Abs(r.Price) + Math.Abs(g.CarryRho),
            7 => densityFactor * d1 / sigma,
            8 => Math.Abs(g.Vega) * d1 * d1 / sigma,
            9 => densityFactor * (Math.Abs(carry) / s + d1 / (2.0 * t)) + Math.Abs(carry - rate) * Math.Abs(g.Delta),
            _ => 0.0,
        };
    }

    public override string ToString() =>
        $"{_exactRows}/{_rows} rows bit-identical; worst relative " +
        string.Join(", ", Names.Select((n, k) => $"{n} {_worst[k]:E1} (/κ {_worstOverKappa[k]:E1})"));
}
