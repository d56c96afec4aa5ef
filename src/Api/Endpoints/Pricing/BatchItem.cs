using Analytics.Api.Contracts.Pricing;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// One item of a batch body: the parsed item, or why it could not be read (<paramref name="Errors"/>, a 400), or why it
/// cannot be priced although it was read (<paramref name="Failure"/>, e.g. a 422 when its surface is missing).
/// </summary>
internal readonly record struct BatchItem<T>(T? Value, Dictionary<string, string[]>? Errors, BatchItemError? Failure = null) where T : class;
