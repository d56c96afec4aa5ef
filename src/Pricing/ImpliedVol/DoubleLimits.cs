namespace Analytics.Pricing.ImpliedVol;

/// <summary>IEEE 754 binary64 constants named as in C's &lt;float.h&gt; (DBL_EPSILON, DBL_MIN).</summary>
internal static class DoubleLimits
{
    /// <summary>DBL_EPSILON = 2⁻⁵², the gap between 1 and the next double (.NET's double.Epsilon is the smallest subnormal instead).</summary>
    internal const double Epsilon = 2.220446049250313e-16;

    /// <summary>DBL_MIN = 2⁻¹⁰²², the smallest positive normal double; below it relative accuracy is lost.</summary>
    internal const double MinNormal = 2.2250738585072014e-308;

    /// <summary>√DBL_MIN ≈ 1.49e-154.</summary>
    internal const double SqrtMinNormal = 1.4916681462400413e-154;

    /// <summary>√DBL_MAX ≈ 1.34e154.</summary>
    internal const double SqrtMaxValue = 1.3407807929942596e154;
}
