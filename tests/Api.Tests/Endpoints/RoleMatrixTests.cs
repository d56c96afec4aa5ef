using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Analytics.Api.Tests.Infrastructure;

namespace Analytics.Api.Tests.Endpoints;

/// <summary>
/// Issue 17 item 6: every operation of the served OpenAPI document (plus <c>/metrics</c> and <c>/hangfire</c>), called
/// anonymously, with each role's key and with a wrong key, against the role table of API.md ("Operations"): 401 without
/// a key where one is needed and with a key that matches none, 403 with a role below the one needed, neither otherwise;
/// with anonymous reads on and off. Bodies are sent empty: authorization answers before the body is read, so a caller
/// that is let through gets a 400 or 415 for the missing body instead of running the operation.
/// </summary>
public abstract class RoleMatrixTestsBase(ApiFixture api, bool anonymousReads)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>The callers of the matrix: their key, and the role it carries (none for anonymous and the wrong key).</summary>
    private static readonly (string Name, string? Key, Role Role)[] Callers =
    [
        ("anonymous", null, Role.None),
        ("wrong key", "not-a-configured-key", Role.None),
        ("reader", TestKeys.Reader, Role.Reader),
        ("writer", TestKeys.Writer, Role.Writer),
        ("admin", TestKeys.Admin, Role.Admin),
    ];

    /// <summary>What an operation needs, in the order of power; <see cref="Open"/> needs nothing at all.</summary>
    public enum Role { None = 0, Reader = 1, Writer = 2, Admin = 3, Open = -1 }

    /// <summary>
    /// API.md's table: GET listings and compute-only POSTs need <c>reader</c> (anonymous when allowed); ingest,
    /// surface fits (and publishing one, a write of the same kind) and portfolio create/update/delete need <c>writer</c>;
    /// job triggers, <c>/hangfire</c> and <c>/metrics</c> need <c>admin</c>; health and the login routes are open.
    /// Null: an operation the table does not place (the test fails and asks for it to be placed).
    /// </summary>
    public static Role? Required(string method, string path)
    {
        if (path.StartsWith("/health/", StringComparison.Ordinal) || path.StartsWith("/auth/", StringComparison.Ordinal)) return Role.Open;
        if (path is "/metrics" || path.StartsWith("/hangfire", StringComparison.Ordinal)) return Role.Admin;
        if (path.StartsWith("/api/v1/jobs/", StringComparison.Ordinal) && path.EndsWith("/trigger", StringComparison.Ordinal)) return Role.Admin;
        if (method == "GET") return path.StartsWith("/api/v1/", StringComparison.Ordinal) ? Role.Reader : null;
        if (method == "POST" && path is "/api/v1/prices" or "/api/v1/trades" or "/api/v1/quotes" or "/api/v1/funding") return Role.Writer;
        if (method == "POST" && path.StartsWith("/api/v1/surfaces/", StringComparison.Ordinal) && (path.EndsWith("/fit", StringComparison.Ordinal) || path.EndsWith("/publish", StringComparison.Ordinal))) return Role.Writer;
        if (path.StartsWith("/api/v1/portfolios", StringComparison.Ordinal)) return Role.Writer;
        string[] computeOnly = ["/api/v1/options/", "/api/v1/structures/", "/api/v1/l2/compare", "/api/v1/risk/"];
        if (method == "POST" && computeOnly.Any(p => path.StartsWith(p, StringComparison.Ordinal))) return Role.Reader;
        if (method == "POST" && path.StartsWith("/api/v1/reports/", StringComparison.Ordinal) && path.EndsWith("/reproduce", StringComparison.Ordinal)) return Role.Reader;
        return null;
    }

    [Fact]
    public async Task EveryOperation_ByCaller_AnswersAsApiMdsRoleTableSays()
    {
        using var anonymous = api.Client();
        var document = JsonNode.Parse(await anonymous.GetStringAsync("/swagger/v1/swagger.json", Token))!;
        var operations = (from path in document["paths"]!.AsObject()
                          from method in path.Value!.AsObject()
                          select (Method: method.Key.ToUpperInvariant(), Template: path.Key, Operation: method.Value!.AsObject())).ToList();
        var failures = new List<string>();
        var checkedCells = 0;

        var targets = operations.Select(o => (o.Method, o.Template, Path: ExamplePath(o.Template, o.Operation), Documented: DocumentedRole(o.Operation), HasBody: o.Operation["requestBody"] is not null))
            .Append(("GET", "/metrics", "/metrics", (Role?)null, false))
            .Append(("GET", "/hangfire", "/hangfire", (Role?)null, false));
        foreach (var (method, template, path, documented, hasBody) in targets)
        {
            if (Required(method, template) is not { } required)
            {
                failures.Add($"{method} {template}: not placed in API.md's role table (add it to Required and to API.md)");
                continue;
            }
            if (documented is { } shown && shown != required)
                failures.Add($"{method} {template}: the document says role {shown}, API.md's table says {required}");

            foreach (var (name, key, role) in Callers)
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (key is not null) request.Headers.Add("X-Api-Key", key);
                if (hasBody) request.Content = new ByteArrayContent([]) { Headers = { ContentType = new("application/json") } };
                using var response = await api.Client().SendAsync(request, Token);
                checkedCells++;
                var status = (int)response.StatusCode;
                var expected = Expected(required, key, role);
                var ok = expected switch
                {
                    401 or 403 => status == expected,
                    _ => status is not (401 or 403),
                };
                if (!ok)
                    failures.Add($"{method} {path} as {name}: {status}, expected {(expected == 0 ? "neither 401 nor 403" : expected)} (needs {required}, anonymous reads {(anonymousReads ? "on" : "off")})");
                else if (status is 401 or 403 && response.Content.Headers.ContentType?.MediaType != "application/problem+json" && !template.StartsWith("/hangfire", StringComparison.Ordinal))
                    failures.Add($"{method} {path} as {name}: {status} is not a problem ({response.Content.Headers.ContentType})");
            }
        }

        Assert.True(operations.Count >= 40, $"the document lists only {operations.Count} operations");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checkedCells} cells wrong:\n" + string.Join('\n', failures));
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData(TestKeys.Reader, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Writer, HttpStatusCode.Forbidden)]
    [InlineData(TestKeys.Admin, HttpStatusCode.OK)]
    public async Task Metrics_ByRole_OnlyAdmin(string? key, HttpStatusCode expected)
    {
        var response = await api.Client(key).GetAsync("/metrics", Token);

        if (expected == HttpStatusCode.OK) Assert.Equal(expected, response.StatusCode);
        else await ProblemAssert.IsProblemAsync(response, expected);
    }

    /// <summary>0 for "neither 401 nor 403".</summary>
    private int Expected(Role required, string? key, Role caller) => required switch
    {
        Role.Open => 0,
        _ when key is not null && caller == Role.None => 401, // a key that matches none is refused, even for anonymous reads
        Role.Reader when caller == Role.None => anonymousReads ? 0 : 401,
        _ when caller == Role.None => 401,
        _ => caller >= required ? 0 : 403,
    };

    private static Role? DocumentedRole(JsonObject operation)
    {
        var description = operation["description"]?.GetValue<string>() ?? "";
        return description.Contains("Requires role: **writer**", StringComparison.Ordinal) ? Role.Writer
            : description.Contains("Requires role: **admin**", StringComparison.Ordinal) ? Role.Admin
            : description.Contains("Requires role: **reader", StringComparison.Ordinal) ? Role.Reader
            : operation["security"] is null ? Role.Open : null;
    }

    private static string ExamplePath(string template, JsonObject operation)
    {
        var path = new StringBuilder(template);
        foreach (var parameter in operation["parameters"]?.AsArray() ?? [])
        {
            if (parameter!["in"]!.GetValue<string>() != "path") continue;
            var value = parameter["example"]?.ToString() ?? "1";
            path.Replace("{" + parameter["name"]!.GetValue<string>() + "}", Uri.EscapeDataString(value));
        }
        return path.ToString();
    }
}

/// <summary>The matrix with <c>Auth:AllowAnonymousReads</c> on (the embedded default).</summary>
public sealed class RoleMatrixTests(SqliteApi api) : RoleMatrixTestsBase(api, anonymousReads: true), IClassFixture<SqliteApi>;

/// <summary>The matrix with <c>Auth:AllowAnonymousReads</c> off.</summary>
public sealed class RoleMatrixWithoutAnonymousReadsTests(SqliteApiWithoutAnonymousReads api)
    : RoleMatrixTestsBase(api, anonymousReads: false), IClassFixture<SqliteApiWithoutAnonymousReads>;
