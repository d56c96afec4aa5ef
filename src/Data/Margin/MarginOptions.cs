using System.ComponentModel.DataAnnotations;

namespace Analytics.Data.Margin;

/// <summary>
/// The <c>Margin</c> configuration section (PRODUCT.md §3.5): the margin models under <c>Models</c> (keyed by id) and the
/// liquidation-latency add-on's settings. Validated at start: every model must build (<see cref="MarginModelOptions.ToModel"/>),
/// and a bad entry is named, e.g. <c>Margin:Models:deribit-standard:Underlyings:BTC:Options: ...</c>.
/// </summary>
public sealed class MarginOptions : IValidatableObject
{
    public const string SectionName = "Margin";

    /// <summary>Oracle heartbeat added to the chain's liquidation latency and block time, seconds.</summary>
    [Range(0, 86_400)] public double OracleHeartbeatSeconds { get; set; } = 1;

    /// <summary>Confidence of the liquidation-latency add-on.</summary>
    [Range(0.5, 0.999999)] public double AddOnConfidence { get; set; } = 0.99;

    /// <summary>EWMA decay λ of the daily vol the add-on scales.</summary>
    [Range(0.5, 0.999999)] public double EwmaLambda { get; set; } = 0.94;

    /// <summary>Calendar days of daily closes the EWMA vol reads.</summary>
    [Range(10, 3650)] public int VolLookbackDays { get; set; } = 365;

    /// <summary>The models, keyed by id (lower case, e.g. <c>deribit-standard</c>).</summary>
    public Dictionary<string, MarginModelOptions> Models { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Models.Count == 0) yield return new ValidationResult("Margin:Models: no margin model is configured.");
        foreach (var (id, model) in Models)
        {
            string? error = null;
            try
            {
                model.ToModel(id);
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                error = e.Message;
            }

            if (error is not null) yield return new ValidationResult($"Margin:Models:{id}: {error}");
        }
    }
}
