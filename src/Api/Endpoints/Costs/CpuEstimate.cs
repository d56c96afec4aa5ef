namespace Analytics.Api.Endpoints.Costs;

/// <summary>
/// A request's CPU, estimated before its work starts (issue 17 item 2): milliseconds, and the figures it was computed
/// from in words (e.g. "monte-carlo: 200,000 paths × 1,000 positions"), which a refusal quotes so the caller knows what to
/// make smaller.
/// </summary>
public readonly record struct CpuEstimate(double Milliseconds, string Basis)
{
    /// <summary>An estimate from microseconds.</summary>
    public static CpuEstimate FromMicroseconds(double microseconds, string basis) => new(microseconds / 1000.0, basis);
}
