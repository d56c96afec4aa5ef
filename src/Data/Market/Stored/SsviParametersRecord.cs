namespace Analytics.Data.Market.Stored;

/// <summary>Power-law SSVI parameters of a stored SSVI surface (Gatheral and Jacquier 2014).</summary>
internal sealed record SsviParametersRecord(double Rho, double Eta, double Gamma);
