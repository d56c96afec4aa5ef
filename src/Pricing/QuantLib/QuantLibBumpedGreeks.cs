#if QUANTLIB_BINDINGS
using Analytics.Pricing.Black;
using Point = Analytics.Pricing.QuantLib.QuantLibGateway.Point;

namespace Analytics.Pricing.QuantLib;

/// <summary>
/// Greeks in our conventions (<see cref="Greeks"/>) from QuantLib's own results where the engine provides
/// them and central finite differences of QuantLib prices otherwise (bump and reprice on the same object
/// graph, under the gateway lock). Vanna, volga and charm are always differences: of QuantLib's delta and
/// vega when provided, of prices otherwise.
/// </summary>
internal static class QuantLibBumpedGreeks
{
    /// <summary>Price and Greeks at the inputs' point; <paramref name="bumped"/> lists the Greeks not taken from QuantLib.</summary>
    internal static (double Price, Greeks Greeks) Compute(
        QuantLibGateway.VanillaOptionGraph graph, BlackVanillaOptionInputs inputs, QuantLibGreeks provided,
        QuantLibBumpSizes sizes, out QuantLibGreeks bumped)
    {
        var p0 = Point.Of(inputs);
        var c = graph.Evaluate(p0, provided);
        bool hasDelta = provided.HasFlag(QuantLibGreeks.Delta);
        bool hasVega = provided.HasFlag(QuantLibGreeks.Vega);
        var deltaOnly = provided & QuantLibGreeks.Delta;
        var deltaAndVega = provided & (QuantLibGreeks.Delta | QuantLibGreeks.Vega);
        bumped = QuantLibGreeks.Vanna | QuantLibGreeks.Volga | QuantLibGreeks.Charm;

        // Spot.
        double hS = p0.Spot * sizes.RelativeSpot;
        double delta = c.Delta;
        double gamma = c.Gamma;
        double priceSpotUp = double.NaN;
        double priceSpotDown = double.NaN;
        if (!hasDelta || !provided.HasFlag(QuantLibGreeks.Gamma))
        {
            priceSpotUp = graph.Evaluate(p0 with { Spot = p0.Spot + hS }, QuantLibGreeks.None).Npv;
            priceSpotDown = graph.Evaluate(p0 with { Spot = p0.Spot - hS }, QuantLibGreeks.None).Npv;
        }

        if (!hasDelta)
        {
            delta = (priceSpotUp - priceSpotDown) / (2.0 * hS);
            bumped |= QuantLibGreeks.Delta;
        }

        if (!provided.HasFlag(QuantLibGreeks.Gamma))
        {
            gamma = (priceSpotUp - 2.0 * c.Npv + priceSpotDown) / (hS * hS);
            bumped |= QuantLibGreeks.Gamma;
        }

        // Volatility: vega, volga and vanna.
        double hV = Math.Min(sizes.Volatility, 0.5 * p0.Volatility);
        var volUp = graph.Evaluate(p0 with { Volatility = p0.Volatility + hV }, deltaAndVega);
        var volDown = graph.Evaluate(p0 with { Volatility = p0.Volatility - hV }, deltaAndVega);
        double vega = c.Vega;
        if (!hasVega)
        {
            vega = (volUp.Npv - volDown.Npv) / (2.0 * hV);
            bumped |= QuantLibGreeks.Vega;
        }

        double volga = hasVega
            ? (volUp.Vega - volDown.Vega) / (2.0 * hV)
            : (volUp.Npv - 2.0 * c.Npv + volDown.Npv) / (hV * hV);
        double vanna = hasDelta
            ? (volUp.Delta - volDown.Delta) / (2.0 * hV)
            : CrossDifference(graph, p0, hS, hV, static (p, h) => p with { Spot = p.Spot + h }, static (p, h) => p with { Volatility = p.Volatility + h });

        // Tenor: theta = ∂V/∂t = −∂V/∂T and charm = ∂Δ/∂t.
        double hT = p0.TenorYears * sizes.RelativeTenor;
        var tenorUp = graph.Evaluate(p0 with { TenorYears = p0.TenorYears + hT }, deltaOnly);
        var tenorDown = graph.Evaluate(p0 with { TenorYears = p0.TenorYears - hT }, deltaOnly);
        double theta = c.Theta;
        if (!provided.HasFlag(QuantLibGreeks.Theta))
        {
            theta = -(tenorUp.Npv - tenorDown.Npv) / (2.0 * hT);
            bumped |= QuantLibGreeks.Theta;
        }

        double charm = hasDelta
            ? -(tenorUp.Delta - tenorDown.Delta) / (2.0 * hT)
            : -CrossDifference(graph, p0, hS, hT, static (p, h) => p with { Spot = p.Spot + h }, static (p, h) => p with { TenorYears = p.TenorYears + h });

        // Rates. QuantLib's rho() is ∂V/∂r with q fixed and dividendRho() is ∂V/∂q with r fixed, so
        // ∂V/∂b|r = −dividendRho and ∂V/∂r|b = rho + dividendRho.
        bool movesCarry = inputs.CarryConvention == CarryConvention.RateMinusDividendYield;
        double carryRho;
        if (provided.HasFlag(QuantLibGreeks.CarryRho))
        {
            carryRho = -c.DividendRho;
        }
        else
        {
            carryRho = Central(graph, p0, sizes.Rate, static (p, h) => p with { Carry = p.Carry + h });
            bumped |= QuantLibGreeks.CarryRho;
        }

        double rho;
        if (provided.HasFlag(QuantLibGreeks.Rho) && (movesCarry || provided.HasFlag(QuantLibGreeks.CarryRho)))
        {
            rho = movesCarry ? c.Rho : c.Rho + c.DividendRho;
        }
        else
        {
            rho = movesCarry
                ? Central(graph, p0, sizes.Rate, static (p, h) => p with { Rate = p.Rate + h, Carry = p.Carry + h })
                : Central(graph, p0, sizes.Rate, static (p, h) => p with { Rate = p.Rate + h });
            bumped |= QuantLibGreeks.Rho;
        }

        return (c.Npv, new Greeks(delta, gamma, vega, theta, rho, carryRho, vanna, volga, charm));
    }

    private static double Central(QuantLibGateway.VanillaOptionGraph graph, Point p0, double h, Func<Point, double, Point> bump) =>
        (graph.Evaluate(bump(p0, h), QuantLibGreeks.None).Npv - graph.Evaluate(bump(p0, -h), QuantLibGreeks.None).Npv) / (2.0 * h);

    /// <summary>∂²V/∂x∂y by the four-point central cross difference.</summary>
    private static double CrossDifference(
        QuantLibGateway.VanillaOptionGraph graph, Point p0, double hx, double hy,
        Func<Point, double, Point> bumpX, Func<Point, double, Point> bumpY)
    {
        double V(double sx, double sy) => graph.Evaluate(bumpY(bumpX(p0, sx * hx), sy * hy), QuantLibGreeks.None).Npv;
        return (V(1, 1) - V(1, -1) - V(-1, 1) + V(-1, -1)) / (4.0 * hx * hy);
    }
}
#endif
