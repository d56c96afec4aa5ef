using System.ComponentModel;

namespace Analytics.Api.Contracts.Risk;

/// <summary>A margin-adequacy backtest's results.</summary>
public sealed record MarginBacktestResponse(
    [property: Description("The instant the book and its margin are valued at, UTC.")] DateTimeOffset AsOf,
    [property: Description("Window length, days of daily closes.")] int WindowDays,
    [property: Description("How windows are built and scored.")] string Method,
    [property: Description("First window's end date.")] DateOnly? FirstWindowEnd,
    [property: Description("Last window's end date.")] DateOnly? LastWindowEnd,
    [property: Description("Per underlying: the price source of the closes.")] IReadOnlyDictionary<string, string> HistorySources,
    [property: Description("One row per model × chain.")] IReadOnlyList<MarginBacktestRow> Rows,
    [property: Description("What the margin run used.")] RiskInputsResponse Inputs,
    [property: Description("The standard book backtested, when the request asked for one.")] StandardBookResponse? StandardBook = null);

/// <summary>One model on one chain over the history.</summary>
public sealed record MarginBacktestRow(
    [property: Description("The model.")] MarginModelRef Model,
    [property: Description("Chain profile id.")] string Chain,
    [property: Description("Maintenance margin held, USD (with the add-on when asked); null when unsupported.")] double? MarginHeld,
    [property: Description("Windows tested.")] int Windows,
    [property: Description("Windows whose loss exceeded the margin held.")] int Breaches,
    [property: Description("Breaches ÷ windows.")] double? BreachFrequency,
    [property: Description("The confidence the venue claims; null when it states none.")] double? ClaimedConfidence,
    [property: Description("1 − claimed confidence; null when none is claimed.")] double? ExpectedBreachFrequency,
    [property: Description("The largest loss − margin held over the windows, USD (negative: never breached).")] double? WorstShortfall,
    [property: Description("The loss of that window, USD.")] double? WorstLoss,
    [property: Description("The date that window ended.")] DateOnly? WorstWindowEnd,
    [property: Description("Factor the window's log returns were stretched by for the chain's τ: √((h·86,400 + τ) / (h·86,400)).")] double? ReturnStretch,
    [property: Description("Why the model cannot margin the book; null when it can.")] string? Unsupported);
