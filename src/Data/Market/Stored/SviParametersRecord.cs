namespace Analytics.Data.Market.Stored;

/// <summary>Raw SVI parameters of one stored slice (Gatheral 2004): w(k) = a + b(ρ(k − m) + √((k − m)² + σ²)).</summary>
internal sealed record SviParametersRecord(double A, double B, double Rho, double M, double Sigma);
