using System.ComponentModel;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>An implied-vol-batch slot with no result.</summary>
public sealed record ImpliedVolItemError([property: Description("Why this item has no implied vol.")] BatchItemError Error) : ImpliedVolSlot;
