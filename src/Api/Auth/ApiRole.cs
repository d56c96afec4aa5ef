namespace Analytics.Api.Auth;

/// <summary>Roles in increasing order of power: a higher role may do everything a lower one may.</summary>
public enum ApiRole
{
    Reader = 1,
    Writer = 2,
    Admin = 3,
}
