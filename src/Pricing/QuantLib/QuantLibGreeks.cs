namespace Analytics.Pricing.QuantLib;

/// <summary>
/// A set of Greeks, used by <see cref="QuantLibVanillaOptionResult.BumpedGreeks"/> to say which
/// sensitivities QuantLib's engine did not provide and were computed by central finite differences
/// (bump and reprice inside the gateway). Names follow <see cref="Pricing.Greeks"/>.
/// </summary>
[Flags]
public enum QuantLibGreeks
{
    /// <summary>No Greek.</summary>
    None = 0,

    /// <summary>∂V/∂S.</summary>
    Delta = 1 << 0,

    /// <summary>∂²V/∂S².</summary>
    Gamma = 1 << 1,

    /// <summary>∂V/∂σ.</summary>
    Vega = 1 << 2,

    /// <summary>∂V/∂t (per year of calendar time).</summary>
    Theta = 1 << 3,

    /// <summary>∂V/∂r with the dividend yield fixed.</summary>
    Rho = 1 << 4,

    /// <summary>∂V/∂b with r fixed.</summary>
    CarryRho = 1 << 5,

    /// <summary>∂²V/∂S∂σ.</summary>
    Vanna = 1 << 6,

    /// <summary>∂²V/∂σ².</summary>
    Volga = 1 << 7,

    /// <summary>∂Δ/∂t (per year of calendar time).</summary>
    Charm = 1 << 8,

    /// <summary>Every Greek of <see cref="Pricing.Greeks"/>.</summary>
    All = Delta | Gamma | Vega | Theta | Rho | CarryRho | Vanna | Volga | Charm,
}
