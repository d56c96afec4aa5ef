namespace Analytics.Api.Rendering;

/// <summary>The picture formats of a surface.</summary>
internal enum SmileChartFormat
{
    Svg,
    Png,
}
