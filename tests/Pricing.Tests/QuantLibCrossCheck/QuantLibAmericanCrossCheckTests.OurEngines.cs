namespace Analytics.Pricing.Tests.QuantLibCrossCheck;

/// <summary>
/// PLACE FOR OUR AMERICAN ENGINES vs QUANTLIB (to be filled in when src/Pricing/American lands).
/// </summary>
/// <remarks>
/// Compare, row by row of <see cref="AmericanGrid"/>:
/// our Barone-Adesi-Whaley pricer with <c>QuantLibEngine.QuantLibBaw</c> (same approximation: expect agreement
/// to the critical-price solver's tolerance, about 1e-6 relative), our binomial / finite-difference engine with
/// <see cref="QuantLibReference"/> (QuantLib's FD engine, within the discretisation error, about 2e-4 of the
/// strike), and our Bjerksund-Stensland 2002 pricer with the QuantLib reference within 1 % of the strike (check
/// whether QuantLib 1.29's <c>BjerksundStenslandApproximationEngine</c> implements the 1993 flat boundary or the
/// 2002 two-step one before comparing it with ours exactly). Name the tests <c>OurBaw_AmericanGrid_MatchesQuantLibBaw</c>,
/// <c>OurBinomial_AmericanGrid_MatchesQuantLibFd</c>, <c>OurBjerksundStensland2002_AmericanGrid_IsCloseToQuantLibFd</c>,
/// and call <c>QuantLibRequirement.Require()</c> first.
/// </remarks>
public sealed partial class QuantLibAmericanCrossCheckTests
{
}
