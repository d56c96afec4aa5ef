using System.Text.Json.Serialization;

namespace Analytics.Api.Contracts.Pricing;

/// <summary>One slot of an implied-vol batch: the implied vol, or an <c>error</c>.</summary>
[JsonDerivedType(typeof(ImpliedVolResponse))]
[JsonDerivedType(typeof(ImpliedVolItemError))]
public abstract record ImpliedVolSlot;
