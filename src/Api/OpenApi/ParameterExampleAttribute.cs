namespace Analytics.Api.OpenApi;

/// <summary>
/// An example value of a route or query parameter, shown in Swagger UI and sent by "Try it out" (<see cref="ParameterExampleFilter"/>).
/// The text is what goes into the URL; a numeric parameter's example is written as a JSON number.
/// </summary>
/// <param name="value">The example as it appears in the URL.</param>
[AttributeUsage(AttributeTargets.Parameter)]
internal sealed class ParameterExampleAttribute(string value) : Attribute
{
    /// <summary>The example as it appears in the URL.</summary>
    public string Value { get; } = value;
}
