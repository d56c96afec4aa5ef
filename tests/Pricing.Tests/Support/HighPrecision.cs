using System.Globalization;
using System.Numerics;

namespace Analytics.Pricing.Tests.Support;

/// <summary>
/// Independent high-precision reference arithmetic for tests: fixed-point numbers with 10^-700 resolution
/// held in <see cref="BigInteger"/>. Shares no code or approximation with the library: Φ comes from its
/// everywhere-convergent Taylor series Φ(x) = ½ + φ(x)·Σ x^{2n+1}/(2n+1)!! (A&amp;S 26.2.11), exp from its
/// Taylor series with argument halving, ln by Newton iteration on exp, π by Machin's formula.
/// Doubles are converted exactly, so references are for the exact double inputs the code sees.
/// </summary>
internal static class HighPrecision
{
    private const int Digits = 700;
    private static readonly BigInteger One = BigInteger.Pow(10, Digits);
    private static readonly BigInteger Half = One / 2;
    private static readonly BigInteger Pi = ComputePi();
    private static readonly BigInteger InvSqrtTwoPi = Div(One, Sqrt(2 * Pi));

    /// <summary>Φ(x) for an exact double x, rounded to double.</summary>
    public static double NormalCdf(double x) => ToDouble(Cdf(FromDouble(x)));

    /// <summary>φ(x) for an exact double x, rounded to double.</summary>
    public static double NormalPdf(double x) => ToDouble(Pdf(FromDouble(x)));

    /// <summary>(approximation − e^x)/ulp(approximation), e^x to 700 digits: the error of an exp routine in ulps.</summary>
    public static double ExpErrorInUlps(double x, double approximation)
    {
        double ulp = Math.BitIncrement(Math.Abs(approximation)) - Math.Abs(approximation);
        return ToDouble(FromDouble(approximation) - Exp(FromDouble(x))) / ulp;
    }

    /// <summary>
    /// Undiscounted Black value F·Φ(d₁) − K·Φ(d₂) (call) or K·Φ(−d₂) − F·Φ(−d₁) (put) for exact double
    /// forward, strike and total standard deviation s = σ√T, evaluated in 700-digit arithmetic so the
    /// subtraction cancels harmlessly.
    /// </summary>
    public static double BlackPrice(double forward, double strike, double stdDev, bool isCall)
    {
        BigInteger f = FromDouble(forward), k = FromDouble(strike), s = FromDouble(stdDev);
        BigInteger d1 = Div(Ln(Div(f, k)), s) + s / 2;
        BigInteger d2 = d1 - s;
        BigInteger value = isCall
            ? Mul(f, Cdf(d1)) - Mul(k, Cdf(d2))
            : Mul(k, Cdf(-d2)) - Mul(f, Cdf(-d1));
        return ToDouble(value);
    }

    private static BigInteger Cdf(BigInteger x)
    {
        // Σ_{n≥0} x^{2n+1}/(2n+1)!!: terms grow up to n ≈ x² and then decay factorially.
        BigInteger xSquared = Mul(x, x);
        BigInteger term = x, sum = x;
        for (int n = 1; !term.IsZero; n++)
        {
            term = Mul(term, xSquared) / (2 * n + 1);
            sum += term;
        }

        return Half + Mul(Pdf(x), sum);
    }

    private static BigInteger Pdf(BigInteger x) => Mul(InvSqrtTwoPi, Exp(-Mul(x, x) / 2));

    private static BigInteger Exp(BigInteger x)
    {
        if (x.Sign < 0)
        {
            return Div(One, Exp(-x));
        }

        int halvings = 0;
        while (x > One / 1024)
        {
            x /= 2;
            halvings++;
        }

        BigInteger term = One, sum = One;
        for (int n = 1; !term.IsZero; n++)
        {
            term = Mul(term, x) / n;
            sum += term;
        }

        for (int i = 0; i < halvings; i++)
        {
            sum = Mul(sum, sum);
        }

        return sum;
    }

    private static BigInteger Ln(BigInteger y)
    {
        // Newton on e^z = y, started from the double logarithm: z ← z + 2(y − e^z)/(y + e^z) (cubic).
        BigInteger z = FromDouble(Math.Log(ToDouble(y)));
        for (int i = 0; i < 6; i++)
        {
            BigInteger e = Exp(z);
            z += Div(2 * (y - e), y + e);
        }

        return z;
    }

    private static BigInteger ComputePi() => 16 * ArcTanInverse(5) - 4 * ArcTanInverse(239);

    private static BigInteger ArcTanInverse(int m)
    {
        BigInteger power = One / m, sum = power, mSquared = m * m;
        for (int n = 1; !power.IsZero; n++)
        {
            power /= mSquared;
            BigInteger term = power / (2 * n + 1);
            sum += n % 2 == 1 ? -term : term;
        }

        return sum;
    }

    private static BigInteger Sqrt(BigInteger x)
    {
        BigInteger n = x * One; // fixed-point sqrt = integer sqrt of x·10^Digits
        BigInteger r = BigInteger.One << (int)((n.GetBitLength() + 1) / 2); // ≥ √n; Newton then decreases
        while (true)
        {
            BigInteger next = (r + n / r) / 2;
            if (next >= r)
            {
                return r;
            }

            r = next;
        }
    }

    private static BigInteger Mul(BigInteger a, BigInteger b) => a * b / One;

    private static BigInteger Div(BigInteger a, BigInteger b) => a * One / b;

    private static BigInteger FromDouble(double x)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0)
        {
            exponent = 1;
        }
        else
        {
            mantissa |= 1L << 52;
        }

        int power = exponent - 1075; // x = mantissa · 2^power
        BigInteger value = power >= 0
            ? (new BigInteger(mantissa) << power) * One
            : new BigInteger(mantissa) * One >> -power; // exact while −power ≤ Digits
        return negative ? -value : value;
    }

    private static double ToDouble(BigInteger value)
    {
        // double.Parse is correctly rounded for any number of digits (.NET Core 3.0+).
        string digits = BigInteger.Abs(value).ToString(CultureInfo.InvariantCulture);
        double magnitude = double.Parse(digits + "E-" + Digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return value.Sign < 0 ? -magnitude : magnitude;
    }
}
