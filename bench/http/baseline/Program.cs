// The baseline of bench/http/load.sh: Kestrel and minimal-API routing with defaults, answering the single-price path with
// a constant JSON body (about the size of a real single-price answer's first fields) and nothing else: no
// authentication, no logging per request, no body read. What the framework costs on this machine, measured in the same run.
const string Constant = """{"price":6.888728577680626,"engine":"analytic","forward":102.53151205244289,"discountFactor":0.9753099120283326}""";

var app = WebApplication.CreateBuilder(args).Build();
app.MapPost("/api/v1/options/price", () => Results.Content(Constant, "application/json"));
app.Run();
