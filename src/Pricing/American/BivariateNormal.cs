using Analytics.Pricing.Distributions;

namespace Analytics.Pricing.American;

/// <summary>
/// The standard bivariate normal distribution function M(a, b; ρ) = P(X ≤ a, Y ≤ b) for standard normals
/// with correlation ρ, by A. Genz, "Numerical computation of rectangular bivariate and trivariate normal
/// and t probabilities", <i>Statistics and Computing</i> 14 (2004) 251–260 (his BVND/BVU routine, which
/// refines Drezner and Wesolowsky 1990): Gauss-Legendre quadrature of Plackett's identity in arcsin ρ for
/// |ρ| &lt; 0.925 and of an asymptotically corrected integrand near |ρ| = 1. Accurate to about 1e-15 absolute,
/// the accuracy Haug (2007, §3.3 and ch. 13) asks of it for the Bjerksund-Stensland 2002 formula.
/// Pure, allocation-free, thread-safe.
/// </summary>
internal static class BivariateNormal
{
    private const double TwoPi = 2.0 * Math.PI;

    // Half of the Gauss-Legendre rules on [−1, 1] (the negative abscissae) with 6, 12 and 20 points.
    private static readonly double[] X6 = [-0.9324695142031522, -0.6612093864662647, -0.2386191860831970];
    private static readonly double[] W6 = [0.1713244923791705, 0.3607615730481384, 0.4679139345726904];

    private static readonly double[] X12 =
    [
        -0.9815606342467191, -0.9041172563704750, -0.7699026741943050,
        -0.5873179542866171, -0.3678314989981802, -0.1252334085114692,
    ];

    private static readonly double[] W12 =
    [
        0.04717533638651177, 0.1069393259953183, 0.1600783285433464,
        0.2031674267230659, 0.2334925365383547, 0.2491470458134029,
    ];

    private static readonly double[] X20 =
    [
        -0.9931285991850949, -0.9639719272779138, -0.9122344282513259, -0.8391169718222188,
        -0.7463319064601508, -0.6360536807265150, -0.5108670019508271, -0.3737060887154196,
        -0.2277858511416451, -0.07652652113349733,
    ];

    private static readonly double[] W20 =
    [
        0.01761400713915212, 0.04060142980038694, 0.06267204833410906, 0.08327674157670475,
        0.1019301198172404, 0.1181945319615184, 0.1316886384491766, 0.1420961093183821,
        0.1491729864726037, 0.1527533871307259,
    ];

    /// <summary>M(a, b; ρ) = P(X ≤ a, Y ≤ b), corr(X, Y) = ρ ∈ [−1, 1].</summary>
    internal static double Cdf(double a, double b, double rho) => UpperTail(-a, -b, rho);

    /// <summary>P(X &gt; h, Y &gt; k) for corr(X, Y) = ρ (Genz's BVU).</summary>
    private static double UpperTail(double h, double k, double r)
    {
        double[] x, w;
        double absR = Math.Abs(r);
        if (absR < 0.3)
        {
            (x, w) = (X6, W6);
        }
        else if (absR < 0.75)
        {
            (x, w) = (X12, W12);
        }
        else
        {
            (x, w) = (X20, W20);
        }

        double hk = h * k;
        double bvn = 0.0;
        if (absR < 0.925)
        {
            double hs = 0.5 * (h * h + k * k);
            double asr = Math.Asin(r);
            for (int i = 0; i < x.Length; i++)
            {
                double sn = Math.Sin(0.5 * asr * (1.0 + x[i]));
                bvn += w[i] * Math.Exp((sn * hk - hs) / (1.0 - sn * sn));
                sn = Math.Sin(0.5 * asr * (1.0 - x[i]));
                bvn += w[i] * Math.Exp((sn * hk - hs) / (1.0 - sn * sn));
            }

            return bvn * asr / (2.0 * TwoPi) + StandardNormal.Cdf(-h) * StandardNormal.Cdf(-k);
        }

        if (r < 0.0)
        {
            k = -k;
            hk = -hk;
        }

        if (absR < 1.0)
        {
            double aSquared = (1.0 - r) * (1.0 + r);
            double a = Math.Sqrt(aSquared);
            double bs = (h - k) * (h - k);
            double c = (4.0 - hk) / 8.0;
            double d = (12.0 - hk) / 16.0;
            bvn = a * Math.Exp(-0.5 * (bs / aSquared + hk))
                  * (1.0 - c * (bs - aSquared) * (1.0 - d * bs / 5.0) / 3.0 + c * d * aSquared * aSquared / 5.0);
            if (hk > -160.0)
            {
                double bAbs = Math.Sqrt(bs);
                bvn -= Math.Exp(-0.5 * hk) * Math.Sqrt(TwoPi) * StandardNormal.Cdf(-bAbs / a) * bAbs
                       * (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0);
            }

            a *= 0.5;
            for (int i = 0; i < x.Length; i++)
            {
                for (int sign = -1; sign <= 1; sign += 2)
                {
                    double xs = a * (sign * x[i] + 1.0);
                    xs *= xs;
                    double rs = Math.Sqrt(1.0 - xs);
                    double asr = -0.5 * (bs / xs + hk);
                    if (asr > -100.0)
                    {
                        bvn += a * w[i] * Math.Exp(asr)
                               * (Math.Exp(-hk * (1.0 - rs) / (2.0 * (1.0 + rs))) / rs - (1.0 + c * xs * (1.0 + d * xs)));
                    }
                }
            }

            bvn = -bvn / TwoPi;
        }

        if (r > 0.0)
        {
            return bvn + StandardNormal.Cdf(-Math.Max(h, k));
        }

        bvn = -bvn;
        if (k > h)
        {
            bvn += h < 0.0
                ? StandardNormal.Cdf(k) - StandardNormal.Cdf(h)
                : StandardNormal.Cdf(-h) - StandardNormal.Cdf(-k);
        }

        return Math.Max(bvn, 0.0);
    }
}
