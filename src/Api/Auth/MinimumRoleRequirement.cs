using Microsoft.AspNetCore.Authorization;

namespace Analytics.Api.Auth;

/// <summary>Requires at least <see cref="Role"/>; reads may be anonymous when <c>Auth:AllowAnonymousReads</c> is on.</summary>
public sealed record MinimumRoleRequirement(ApiRole Role) : IAuthorizationRequirement;
