namespace Analytics.Api.Contracts.Auth;

/// <summary>Who signed in.</summary>
/// <param name="Name">The key's configured name.</param>
/// <param name="Role">reader, writer or admin.</param>
public sealed record LoginResponse(string Name, string Role);
