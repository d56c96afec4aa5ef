using System.Text.Json;
using Analytics.Api.Contracts.Pricing;
using Analytics.Api.Errors;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>
/// The last line of defence of a batch slot (issue 14 item 3): an item that fails in a way no validator or engine
/// anticipated, or whose result has a non-finite number, gets a 500 problem in its own slot; the other slots and the
/// JSON of the response are unaffected.
/// </summary>
internal static class BatchSlots
{
    public const string UnexpectedTitle = "The item could not be priced";
    public const string NonFiniteTitle = "The engine produced a non-finite value";
    public const string UnwritableTitle = "The item's result could not be written";

    /// <summary>A 500 slot error for an unexpected exception (logged with the exception).</summary>
    public static BatchItemError Unexpected(Exception exception, ILogger log)
    {
        log.LogError(exception, "A batch item failed unexpectedly.");
        return new BatchItemError(500, UnexpectedTitle,
            new Dictionary<string, string[]> { ["body"] = ["an unexpected error occurred while pricing this item; the other items are unaffected."] });
    }

    /// <summary>The slot, or a 500 slot error when a number of the result is not finite.</summary>
    public static OptionPriceSlot Checked(OptionPriceSlot slot, ILogger log)
    {
        if (slot is not OptionPriceResponse r) return slot;
        var g = r.Greeks;
        double[] numbers = [r.Price, r.Forward, r.DiscountFactor, r.TenorYears, r.CarryRate, g.Delta, g.Gamma, g.Vega, g.Theta, g.Rho,
            g.CarryRho, g.Vanna, g.Volga, g.Charm, r.EuropeanPrice ?? 0, r.Vol ?? 0,
            r.L2?.Bid ?? 0, r.L2?.Ask ?? 0, r.L2?.Spread ?? 0];
        return AllFinite(numbers) ? slot : new OptionPriceItemError(NonFinite(log));
    }

    /// <summary>The slot, or a 500 slot error when the implied vol is not finite.</summary>
    public static ImpliedVolSlot Checked(ImpliedVolSlot slot, ILogger log) =>
        slot is ImpliedVolResponse r && !(double.IsFinite(r.ImpliedVol) && double.IsFinite(r.TenorYears))
            ? new ImpliedVolItemError(NonFinite(log))
            : slot;

    /// <summary>Writes <c>{"error":{…500…}}</c> for a slot whose result could not be written.</summary>
    public static void WriteUnwritable(Utf8JsonWriter writer, Exception exception)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("error");
        writer.WriteString("type", Problems.TypeFor(StatusCodes.Status500InternalServerError));
        writer.WriteNumber("status", 500);
        writer.WriteString("title", UnwritableTitle);
        writer.WriteStartObject("errors");
        writer.WriteStartArray("body");
        writer.WriteStringValue("the result could not be formatted as JSON; the other items are unaffected.");
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static bool AllFinite(ReadOnlySpan<double> numbers)
    {
        foreach (var x in numbers)
            if (!double.IsFinite(x)) return false;
        return true;
    }

    private static BatchItemError NonFinite(ILogger log)
    {
        log.LogError("A batch item's result has a non-finite number.");
        return new BatchItemError(500, NonFiniteTitle,
            new Dictionary<string, string[]> { ["body"] = ["the engine's result has a non-finite number (NaN or infinity); the other items are unaffected."] });
    }
}
