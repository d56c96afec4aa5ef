using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Api.Serialization;

/// <summary>The wire names of an enum's members, as the API's JSON converter writes them.</summary>
internal static class EnumNames
{
    public static IEnumerable<string> Of(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static).Select(Name);

    /// <summary>The wire name of one member.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Name(typeof(T).GetField(value.ToString())!);

    private static string Name(FieldInfo member) =>
        member.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name
        ?? (member.DeclaringType == typeof(Analytics.Pricing.Engines.PricingEngine) ? Contracts.Pricing.EngineIdNamingPolicy.Instance : JsonNamingPolicy.KebabCaseLower)
            .ConvertName(member.Name);
}
