namespace Analytics.Pricing.American;

/// <summary>A price of an American option as a function of its market, for bump-and-revalue Greeks.</summary>
internal delegate double AmericanPriceFunction(in AmericanMarket market);
