using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Errors;

/// <summary>The wire names of an enum's members, as the API's JSON converter writes them.</summary>
internal static class EnumNames
{
    public static IEnumerable<string> Of(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f =>
            f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(f.Name));
}
