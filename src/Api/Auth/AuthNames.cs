namespace Analytics.Api.Auth;

/// <summary>Names of the authorization policies and schemes.</summary>
public static class AuthNames
{
    public const string ReadPolicy = "read";
    public const string WritePolicy = "write";
    public const string AdminPolicy = "admin";

    public const string ApiKeyScheme = "ApiKey";
    public const string CookieScheme = "Cookie";
    public const string SelectorScheme = "ApiKeyOrCookie";
    public const string ApiKeyHeader = "X-Api-Key";
    public const string RoleClaim = "analytics_role";
}
