using System.Text.Json.Nodes;

namespace Analytics.Api.OpenApi;

/// <summary>
/// Examples for the operations whose request body is not a typed contract with a static <c>Example</c> (ingest, the
/// surface fit, login) and for path and query parameters, keyed by operation id. Each works on a fresh <c>make run</c>
/// (SQLite, demo data: published ETH surface 1 and BTC surface 2, demo portfolio 1, its risk report 1, synthetic-demo funding); the
/// end-to-end test <c>OpenApiExampleTests</c> sends every one of them and expects a 2xx, so an example that rots fails
/// the build. A parameter filled from another operation's response is an OpenAPI link (<see cref="Links"/>).
/// </summary>
internal static class OperationExamples
{
    /// <summary>The development admin key that <c>make run</c> configures and prints.</summary>
    public const string DevelopmentAdminKey = "dev-admin-key-change-me";

    /// <summary>Parameter examples per operation id: name → value.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, JsonNode>> Parameters =
        new Dictionary<string, IReadOnlyDictionary<string, JsonNode>>(StringComparer.Ordinal)
        {
            ["GetOptionChain"] = Values(("underlying", "ETH"), ("chain", "arbitrum-one"), ("contracts", 10), ("takerFeeRate", 0.0005),
                ("rehedgeIntervalHours", 1), ("premiumCurrency", "usd"), ("gas", "configured")),
            ["ListPrices"] = Values(("underlying", "ETH"), ("limit", 5)),
            ["ListTrades"] = Values(("underlying", "ETH"), ("limit", 20)),
            ["ListQuotes"] = Values(("underlying", "ETH"), ("limit", 20)),
            ["ListFunding"] = Values(("market", "ETH-PERP"), ("limit", 20)),
            ["GetFundingSummary"] = Values(("market", "ETH-PERP"), ("venue", "synthetic-demo"), ("windowHours", 168)),
            ["GetBars"] = Values(("underlying", "ETH"), ("interval", "1d"), ("source", "prices")),
            ["TriggerJob"] = Values(("jobId", "heartbeat")),
            ["ListJobRuns"] = Values(("jobId", "heartbeat"), ("limit", 20)),
            ["ListAlerts"] = Values(("portfolioId", 1), ("level", "warning"), ("limit", 20)),
            // 200 on the demo database too: no indexed trades there, so count 0 and null statistics.
            ["GetObservedGas"] = Values(("id", "arbitrum-one"), ("windowHours", 24)),
            ["ListPortfolios"] = Values(("limit", 20)),
            ["GetPortfolio"] = Values(("id", 1)),
            ["UpdatePortfolio"] = Values(("id", 1)),
            ["DeletePortfolio"] = Values(("id", 1)),
            ["ListSurfaces"] = Values(("underlying", "ETH")),
            ["GetLatestSurface"] = Values(("underlying", "ETH")),
            ["GetSurface"] = Values(("id", 1)),
            ["PublishSurface"] = Values(("id", 1)),
            ["GetSurfaceVol"] = Values(("id", 1), ("strike", 3000), ("tenorYears", 0.25)),
            ["GetSurfaceGrid"] = Values(("id", 1)),
            ["GetSurfaceSmileSvg"] = Values(("id", 1)),
            ["GetSurfaceSmilePng"] = Values(("id", 1)),
            ["ListReports"] = Values(("portfolioId", 1), ("limit", 20)),
            ["GetReport"] = Values(("id", 1)),
            ["GetReportCsv"] = Values(("id", 1)),
            ["GetReportHtml"] = Values(("id", 1)),
            ["ReproduceReport"] = Values(("id", 1)),
        };

    /// <summary>
    /// Links: (operation id, response status) → (link name, target operation id, target parameter, JSON pointer into the
    /// response body). Swagger UI shows them under the response; clients follow them.
    /// </summary>
    public static readonly IReadOnlyList<(string OperationId, string Status, string Name, string TargetOperationId, string Parameter, string Pointer)> Links =
    [
        ("ComputeVar", "200", "run", "GetVarRun", "id", "/id"),
        ("ComputeVar", "200", "histogram", "GetVarHistogramSvg", "id", "/id"),
        ("GetReport", "200", "page", "GetReportHtml", "id", "/id"),
        ("GetReport", "200", "tables", "GetReportCsv", "id", "/id"),
    ];

    /// <summary>Request body examples (application/json); they replace a typed contract's example where one is shared.</summary>
    public static readonly IReadOnlyDictionary<string, JsonNode> Bodies = new Dictionary<string, JsonNode>(StringComparer.Ordinal)
    {
        ["Login"] = new JsonObject { ["key"] = DevelopmentAdminKey },
        // Every configured chain is priced, so the l2 block names none (the price example's block names one). "gas": "observed"
        // would be a 422 on the demo database (no indexed trades), so the example spells out the default.
        ["CompareChains"] = Parse("""
            { "type": "call", "style": "european", "spot": 3000, "strike": 3200, "tenorYears": 0.25, "vol": 0.6, "rate": 0.05,
              "l2": { "carrySource": "rates", "settlement": "l1", "contracts": 10, "rehedgeIntervalHours": 1, "takerFeeRate": 0.0003,
                      "gas": "configured" } }
            """),
        ["IngestTrades"] = Parse("""
            [ { "chain": "arbitrum-one", "venue": "example-venue", "txHash": "0x5e1f3c0a7d9b2e4f6a8c0e2d4b6f8a1c3e5d7b9f0a2c4e6d8b1f3a5c7e9d0b2f",
                "logIndex": 3, "blockNumber": 289145532, "timestamp": "2026-01-05T08:00:00Z", "kind": "option", "underlying": "ETH",
                "expiry": "2026-03-27", "strike": 3500, "type": "call", "side": "buy", "price": 128.4, "size": 2.5,
                "feeUsd": 1.9, "indexPrice": 3104.2 } ]
            """),
        ["IngestQuotes"] = Parse("""
            [ { "venue": "example-venue", "underlying": "ETH", "expiry": "2026-03-27", "strike": 3500, "type": "call",
                "timestamp": "2026-01-05T08:00:00Z", "bid": 126.5, "ask": 131.0, "mark": 128.7, "bidSize": 25, "askSize": 40,
                "markIv": 0.631, "underlyingPrice": 3130.5, "indexPrice": 3104.2, "openInterest": 1520 } ]
            """),
        ["IngestFunding"] = Parse("""
            [ { "venue": "example-venue", "market": "ETH-PERP", "timestamp": "2026-01-05T08:00:00Z", "rate": 0.0001,
                "intervalHours": 8, "markPrice": 3105.1, "indexPrice": 3104.2 } ]
            """),
        ["IngestPrices"] = Parse("""
            [ { "underlying": "ETH", "source": "example-source", "timestamp": "2026-01-05T00:00:00Z",
                "open": 3050.2, "high": 3121.7, "low": 3032.9, "close": 3104.2, "volume": 182345.5 } ]
            """),
        // A small self-contained board (two expiries, nine strikes each, priced from a known smile) with its own asOf:
        // the fit does not depend on what is indexed, and a surface as of January 2026 does not replace today's demo surface.
        ["FitSurface"] = Parse("""
            { "underlying": "ETH", "asOf": "2026-01-05T08:00:00Z", "model": "svi", "quotes": [
              {"expiry":"2026-01-30","strike":2400,"type":"put","bid":14.71,"ask":15.62,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":2600,"type":"put","bid":35.68,"ask":37.89,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":2800,"type":"put","bid":76.38,"ask":81.10,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":3000,"type":"put","bid":144.39,"ask":153.32,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":3200,"type":"call","bid":156.30,"ask":165.97,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":3400,"type":"call","bid":91.25,"ask":96.90,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":3600,"type":"call","bid":50.37,"ask":53.49,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":3800,"type":"call","bid":26.58,"ask":28.23,"underlyingPrice":3110},
              {"expiry":"2026-01-30","strike":4000,"type":"call","bid":13.59,"ask":14.43,"underlyingPrice":3110},
              {"expiry":"2026-03-27","strike":2400,"type":"put","bid":102.33,"ask":108.66,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":2600,"type":"put","bid":151.13,"ask":160.48,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":2800,"type":"put","bid":216.47,"ask":229.86,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":3000,"type":"put","bid":299.81,"ask":318.36,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":3200,"type":"call","bid":333.49,"ask":354.11,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":3400,"type":"call","bid":258.36,"ask":274.34,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":3600,"type":"call","bid":198.74,"ask":211.04,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":3800,"type":"call","bid":152.36,"ask":161.78,"underlyingPrice":3130},
              {"expiry":"2026-03-27","strike":4000,"type":"call","bid":116.82,"ask":124.05,"underlyingPrice":3130} ] }
            """),
    };

    private static Dictionary<string, JsonNode> Values(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value switch
        {
            string text => JsonValue.Create(text),
            int whole => JsonValue.Create(whole),
            double number => (JsonNode)JsonValue.Create(number),
            _ => throw new ArgumentException($"Unsupported example type for {v.Name}."),
        }, StringComparer.Ordinal);

    private static JsonNode Parse(string json) => JsonNode.Parse(json) ?? throw new ArgumentException("An example is null.");
}
