namespace Analytics.Pricing.L2;

/// <summary>Argument checks the shared <see cref="Guard"/> lacks (non-negative values), same exception type.</summary>
internal static class L2Guard
{
    /// <summary>Requires a finite value ≥ 0.</summary>
    internal static double NonNegativeFinite(double value, string paramName)
    {
        if (!double.IsFinite(value) || value < 0.0)
        {
            throw new ArgumentOutOfRangeException(paramName, value, "Value must be finite and non-negative.");
        }

        return value;
    }

    /// <summary>Requires a chain profile whose gas cost and withdrawal delay are finite and ≥ 0.</summary>
    internal static ChainProfile Chain(ChainProfile chain, string paramName)
    {
        NonNegativeFinite(chain.GasCostUsd, paramName + "." + nameof(ChainProfile.GasCostUsd));
        NonNegativeFinite(chain.WithdrawalDelayHours, paramName + "." + nameof(ChainProfile.WithdrawalDelayHours));
        return chain;
    }
}
