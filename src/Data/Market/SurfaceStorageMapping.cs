using System.Collections.Immutable;
using System.Text.Json;
using Analytics.Data.Entities;
using Analytics.Data.Market.Stored;
using Analytics.Pricing;
using Analytics.Pricing.Surfaces;

namespace Analytics.Data.Market;

/// <summary>
/// The one mapping between the numerics' <see cref="VolatilitySurface"/> and its stored form
/// (<see cref="VolatilitySurfaceEntity"/> with the records of <see cref="Stored"/> in its JSON columns). Reading builds the
/// surface from the stored parameters and diagnoses; nothing is re-fitted or re-diagnosed.
/// </summary>
internal static class SurfaceStorageMapping
{
    public static VolatilitySurfaceEntity ToEntity(
        string underlying, VolatilitySurface surface, SurfaceInputs inputs, Func<DateTimeOffset, double, OptionRight, long?> quoteId, DateTimeOffset createdUtc,
        SurfaceQualityVerdict? qualityGate, DateTimeOffset? publishedUtc) => new()
    {
        Underlying = underlying,
        AsOfUtc = surface.AsOfUtc.UtcDateTime,
        CreatedUtc = createdUtc.UtcDateTime,
        Model = Id(surface.Model),
        InputSource = inputs.Source,
        QuotesIn = surface.QuotesIn,
        QuotesUsed = surface.Slices.Sum(s => s.Points.Length),
        SliceCount = surface.Slices.Length,
        MedianRmseVolPoints = Finite(surface.MedianRmseVolPoints),
        ArbitrageFree = surface.Arbitrage.IsArbitrageFree,
        ElapsedMilliseconds = surface.Elapsed.TotalMilliseconds,
        SlicesJson = StoredJson.Serialize(surface.Slices.Select(s => ToRecord(s, quoteId)).ToList()),
        DiagnosticsJson = StoredJson.Serialize(new SurfaceDiagnosticsRecord(
            new CalendarDiagnosisRecord(surface.Arbitrage.CalendarGridFrom, surface.Arbitrage.CalendarGridTo,
                surface.Arbitrage.Calendar.Select(c => new CalendarViolationRecord(
                    c.EarlierExpiryUtc, c.LaterExpiryUtc, c.FromLogMoneyness, c.ToLogMoneyness, c.MaximumDeficit, c.LogMoneynessAtMaximum)).ToList()),
            surface.Ssvi is { } ssvi ? new SsviParametersRecord(ssvi.Parameters.Rho, ssvi.Parameters.Eta, ssvi.Parameters.Gamma) : null)),
        DroppedJson = StoredJson.Serialize(surface.DroppedByReason.ToDictionary(d => Id(d.Key), d => d.Value)),
        InputsJson = StoredJson.Serialize(inputs),
        PublishedUtc = publishedUtc?.UtcDateTime,
        QualityGateJson = qualityGate is { } gate
            ? StoredJson.Serialize(new QualityGateRecord(gate.Passed, [.. gate.Reasons], Finite(gate.MedianRmseVolPoints), Id(gate.RmseBasis), gate.MaxMedianRmseVolPoints))
            : null,
    };

    public static StoredSurface ToStoredSurface(VolatilitySurfaceEntity entity)
    {
        var records = StoredJson.Deserialize<List<SurfaceSliceRecord>>(entity.SlicesJson);
        var diagnostics = StoredJson.Deserialize<SurfaceDiagnosticsRecord>(entity.DiagnosticsJson);
        var slices = records.Select(ToSlice).ToImmutableArray();
        var calendar = diagnostics.Calendar;
        var report = new ArbitrageReport(
            [.. slices.Select(s => s.Butterfly)],
            [.. calendar.Violations.Select(c => new CalendarViolation(
                c.EarlierExpiry, c.LaterExpiry, c.FromLogMoneyness, c.ToLogMoneyness, c.MaximumDeficit, c.LogMoneynessAtMaximum))],
            calendar.GridFrom, calendar.GridTo);
        var dropped = StoredJson.Deserialize<Dictionary<string, int>>(entity.DroppedJson)
            .Select(d => (Reason: Parse<QuoteDropReason>(d.Key), Count: d.Value))
            .Where(d => d.Reason is not null)
            .ToImmutableSortedDictionary(d => d.Reason!.Value, d => d.Count);
        var asOf = Utc(entity.AsOfUtc);
        var surface = new VolatilitySurface(asOf, Parse<SurfaceModel>(entity.Model) ?? throw new InvalidDataException($"Unknown stored surface model '{entity.Model}'."), slices, report, null,
            entity.QuotesIn, dropped, TimeSpan.FromMilliseconds(entity.ElapsedMilliseconds));
        return new StoredSurface(entity.Id, entity.Underlying, Utc(entity.CreatedUtc), surface,
            [.. records.Select(r => r.Points.Select(p => p.QuoteId).ToImmutableArray())],
            StoredJson.Deserialize<SurfaceInputs>(entity.InputsJson),
            diagnostics.Ssvi is { } s ? new SsviParameters(s.Rho, s.Eta, s.Gamma) : null,
            entity.QuotesUsed, entity.MedianRmseVolPoints, entity.ElapsedMilliseconds,
            entity.PublishedUtc is { } published ? Utc(published) : null,
            QualityGate(entity.QualityGateJson));
    }

    public static SurfaceQualityVerdict? QualityGate(string? json) => json is null ? null : ToVerdict(StoredJson.Deserialize<QualityGateRecord>(json));

    private static SurfaceQualityVerdict ToVerdict(QualityGateRecord r) => new(
        r.Passed, [.. r.Reasons], r.MedianRmseVolPoints ?? double.NaN,
        Parse<SurfaceRmseBasis>(r.RmseBasis) ?? throw new InvalidDataException($"Unknown stored RMSE basis '{r.RmseBasis}'."),
        r.MaxMedianRmseVolPoints);

    /// <summary>A stored instant (UTC <see cref="DateTime"/>) as a <see cref="DateTimeOffset"/>.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static SurfaceSliceRecord ToRecord(SurfaceSlice s, Func<DateTimeOffset, double, OptionRight, long?> quoteId)
    {
        var p = s.Parameters;
        var b = s.Butterfly;
        return new SurfaceSliceRecord(
            s.ExpiryUtc, s.TenorYears, s.Forward, Id(s.ForwardSource), s.DiscountFactor, new SviParametersRecord(p.A, p.B, p.Rho, p.M, p.Sigma),
            Finite(s.RmseVolPoints), Finite(s.VenueRmseVolPoints), s.ButterflyRepaired,
            s.Points.Select(x => new SurfacePointRecord(x.Strike, x.Right == OptionRight.Put ? "put" : "call", x.LogMoneyness, Finite(x.BidVol), Finite(x.AskVol),
                Finite(x.MidVol), x.ModelVol, Finite(x.ErrorVolPoints), Finite(x.VenueMarkVol), quoteId(s.ExpiryUtc, x.Strike, x.Right), x.InQuotedRange)).ToList(),
            new ButterflyDiagnosisRecord(b.GridFrom, b.GridTo, b.GridPoints, b.MinimumG, b.LogMoneynessAtMinimum,
                b.Violations.Select(v => new ButterflyViolationRecord(v.FromLogMoneyness, v.ToLogMoneyness, v.MinimumG, v.LogMoneynessAtMinimum)).ToList()),
            s.Repair is { } r ? new SliceRepairRecord(Id(r.Butterfly), Id(r.Calendar), r.MaximumExcessVolPoints, Finite(r.LogMoneynessAtMaximumExcess)) : null);
    }

    private static SurfaceSlice ToSlice(SurfaceSliceRecord s)
    {
        var p = new SviParameters(s.Params.A, s.Params.B, s.Params.Rho, s.Params.M, s.Params.Sigma);
        var b = s.Butterfly;
        var butterfly = new ButterflyDiagnosis(p, b.GridFrom, b.GridTo, b.GridPoints, b.MinimumG, b.LogMoneynessAtMinimum,
            [.. b.Violations.Select(v => new ButterflyViolation(v.FromLogMoneyness, v.ToLogMoneyness, v.MinimumG, v.LogMoneynessAtMinimum))]);
        var points = s.Points.Select(x => new SurfacePointFit(x.Strike, x.Type == "put" ? OptionRight.Put : OptionRight.Call, x.LogMoneyness,
            x.BidVol ?? double.NaN, x.AskVol ?? double.NaN, x.MidVol ?? double.NaN, x.ModelVol, x.VenueMarkVol ?? double.NaN, x.InQuotedRange ?? true)).ToImmutableArray();
        var repair = s.Repair is { } r
            ? new SliceRepair(Parse<RepairOutcome>(r.Butterfly) ?? RepairOutcome.Unresolved, Parse<RepairOutcome>(r.Calendar) ?? RepairOutcome.Unresolved,
                r.MaximumExcessVolPoints, r.LogMoneynessAtMaximumExcess ?? double.NaN)
            : null;
        var source = Parse<ForwardSource>(s.ForwardSource) ?? throw new InvalidDataException($"Unknown stored forward source '{s.ForwardSource}'.");
        return new SurfaceSlice(s.Expiry, s.TenorYears, s.Forward, source, s.DiscountFactor, p, s.RmseVolPoints ?? double.NaN, points, butterfly,
            s.ButterflyRepaired, TimeSpan.Zero, repair);
    }

    /// <summary>Kebab-case id of an enum member (<c>put-call-parity</c>), the form the JSON columns keep.</summary>
    public static string Id<T>(T value) where T : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private static T? Parse<T>(string id) where T : struct, Enum => Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Id(v!.Value) == id);

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
