using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>The results of an implied-vol batch, in request order.</summary>
public sealed record ImpliedVolBatchResponse([property: Description("One slot per requested option, in order.")] IReadOnlyList<ImpliedVolSlot> Results);
