using Hangfire.Dashboard;

namespace Analytics.Api.Auth;

/// <summary>
/// The dashboard's own check (Hangfire's default allows local requests only, and through a test server nothing):
/// admin role required. The endpoint's <c>admin</c> policy has already answered 401/403 before this runs.
/// </summary>
public sealed class AdminDashboardAuthorizationFilter : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) =>
        context.GetHttpContext().User.FindFirst(AuthNames.RoleClaim)?.Value == nameof(ApiRole.Admin);
}
