namespace Analytics.Pricing.Limits;

/// <summary>
/// A degenerate but well-defined vanilla option whose value is known in closed form, priced by
/// <see cref="VanillaOptionLimits"/> instead of an engine (issue 14 item 1). The API reports it as <c>limit</c>; no limit is <see langword="null"/>.
/// </summary>
public enum VanillaOptionLimit
{
    /// <summary>T = 0, the option on its expiry instant: worth its intrinsic value max(ω(S − K), 0).</summary>
    Expiry = 1,

    /// <summary>S = 0: the underlying stays at 0, a call is worthless, a European put is worth K·e^{−rT}, an American
    /// put K·max(1, e^{−rT}).</summary>
    ZeroSpot = 2,

    /// <summary>K = 0: a European call is the discounted forward S·e^{(b−r)T}, an American call S·max(1, e^{(b−r)T});
    /// a put is worthless.</summary>
    ZeroStrike = 3,

    /// <summary>σ = 0: the underlying follows its forward S·e^{bt}; European: the discounted intrinsic value of the
    /// forward, American: the best exercise time on that path.</summary>
    ZeroVolatility = 4,

    /// <summary>The engine could not price inputs this extreme (it threw or gave a non-finite or out-of-bounds
    /// value) and the option is priced by its no-arbitrage closed form instead: European by Black-Scholes-Merton,
    /// American by the European value where early exercise is never optimal, else by the <c>qd-fp</c> engine where its value
    /// is sound, else by the σ → ∞ or deterministic bound that
    /// the inputs reach (see <see cref="VanillaOptionLimits.Extreme"/>).</summary>
    ExtremeInputs = 5,
}
