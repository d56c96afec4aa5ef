using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The id an enum value has in the API: its <see cref="JsonStringEnumMemberNameAttribute"/>, else its kebab-case name
/// (the service's <see cref="JsonStringEnumConverter"/> policy, <c>AnalyticsServices.ConfigureJson</c>).
/// </summary>
internal static class ApiEnumIds
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        return typeof(T).GetField(name)?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
               ?? JsonNamingPolicy.KebabCaseLower.ConvertName(name);
    }
}
