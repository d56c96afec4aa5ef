using Analytics.Api.Contracts.Pricing;
using Analytics.Pricing.Engines;
using Analytics.Pricing.QuantLib;

namespace Analytics.Api.Endpoints.Pricing;

/// <summary>How a pricing engine's own failure reaches the client: QuantLib missing is 503, QuantLib refusing the inputs 422.</summary>
internal static class EngineFailure
{
    public const string QuantLibUnavailableTitle = "The QuantLib engines are unavailable on this server";
    public const string QuantLibRejectedTitle = "QuantLib could not price these inputs";

    /// <summary>The engines that do not need QuantLib, in the registry's order.</summary>
    private static readonly string OwnEngines =
        string.Join(", ", EngineRegistry.All.Where(e => !e.Has(EngineCapabilities.RequiresQuantLib)).Select(e => e.Id));

    /// <summary>The error for an engine failure, or null when the exception is not one (a bug: let it surface).</summary>
    public static BatchItemError? Describe(Exception exception) => exception switch
    {
        QuantLibUnavailableException unavailable => new BatchItemError(503, QuantLibUnavailableTitle,
            new Dictionary<string, string[]> { ["engine"] = [$"{unavailable.Message} The service's own engines ({OwnEngines}) still work."] }),
        QuantLibException rejected => new BatchItemError(422, QuantLibRejectedTitle,
            new Dictionary<string, string[]> { ["engine"] = [rejected.Message] }),
        _ => null,
    };
}
