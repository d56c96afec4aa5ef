namespace Analytics.Api.Endpoints.L2;

/// <summary>Profile figures the request overrides (null: the chain's own).</summary>
internal readonly record struct ProfileOverrides(double? GasCostUsd, double? WithdrawalDelayHours, double? LiquidationLatencySeconds);
