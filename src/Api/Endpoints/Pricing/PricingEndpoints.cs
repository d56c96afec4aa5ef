using Analytics.Api.Auth;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>Option pricing: <c>/api/v1/options</c>.</summary>
public static class PricingEndpoints
{
    public static RouteGroupBuilder MapPricingEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/options").WithTags("Pricing").RequireAuthorization(AuthNames.ReadPolicy);
        group.MapPost("/price", Price)
            .WithName("PriceOption")
            .WithSummary("Price one vanilla option, with Greeks")
            .WithDescription("Generalised Black-Scholes-Merton with cost of carry b (b = rate − dividendYield, or `carryRate`), " +
                             "or Black-76 when `forward` replaces `spot`. Give the tenor as `tenorYears` or as `expiry` " +
                             "(with an optional `valuationTime`, default now). Greeks are plain partial derivatives of the price: " +
                             "vega per 1.00 of vol, theta per year of calendar time, rho per 1.00 of rate. " +
                             "Invalid input gets 400 with every offending field in `errors`.");
        return group;
    }

    private static Results<Ok<OptionPriceResponse>, ValidationProblem> Price(OptionPriceRequest request, TimeProvider timeProvider)
    {
        var errors = new FieldErrors();
        var option = OptionRequestValidator.Validate(request, timeProvider.GetUtcNow(), errors);
        if (option is null)
            return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The option cannot be priced as given");
        return TypedResults.Ok(OptionPricing.Price(option));
    }
}
