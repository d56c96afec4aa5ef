namespace Analytics.Api.Contracts.Auth;

/// <summary>The body of <c>POST /auth/login</c>.</summary>
/// <param name="Key">The API key.</param>
public sealed record LoginRequest(string Key);
