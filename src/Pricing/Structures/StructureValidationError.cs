namespace Analytics.Pricing.Structures;

/// <summary>A validation failure of a structure request, for an RFC 9457 <c>errors</c> map.</summary>
/// <param name="Field">The request field at fault, camelCase as in API.md, e.g. <c>strikes</c> or <c>legs[1].quantity</c>.</param>
/// <param name="Message">Why, with the value received.</param>
public sealed record StructureValidationError(string Field, string Message);
