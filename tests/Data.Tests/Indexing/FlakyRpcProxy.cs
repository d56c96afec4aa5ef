using System.Net;

namespace Analytics.Data.Tests.Indexing;

/// <summary>
/// A loopback HTTP proxy in front of a JSON-RPC node that fails every second call: alternately with HTTP 503 and with
/// a JSON-RPC error answer (a node refusing the request). The others are forwarded unchanged.
/// </summary>
internal sealed class FlakyRpcProxy : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly HttpClient _client = new();
    private readonly string _target;
    private readonly Task _loop;
    private int _calls, _failed, _forwarded;

    private FlakyRpcProxy(HttpListener listener, string url, string target)
    {
        _listener = listener;
        Url = url;
        _target = target;
        _loop = Task.Run(LoopAsync);
    }

    public string Url { get; }
    public int Failed => _failed;
    public int Forwarded => _forwarded;

    public static FlakyRpcProxy Start(string target)
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 60_000);
            var url = $"http://127.0.0.1:{port}/";
            var listener = new HttpListener();
            listener.Prefixes.Add(url);
            try
            {
                listener.Start();
                return new FlakyRpcProxy(listener, url, target);
            }
            catch (HttpListenerException) when (attempt < 20)
            {
                listener.Close();
            }
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            _ = Task.Run(() => HandleAsync(context));
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        try
        {
            using var reader = new StreamReader(context.Request.InputStream);
            var body = await reader.ReadToEndAsync();
            var call = Interlocked.Increment(ref _calls);
            if (call % 2 == 0)
            {
                Interlocked.Increment(ref _failed);
                if (call % 4 == 0 || body.TrimStart().StartsWith('['))
                {
                    context.Response.StatusCode = 503;
                }
                else
                {
                    var id = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetRawText();
                    await Write(context, $"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"error\":{{\"code\":-32005,\"message\":\"query returned more than 10000 results (test proxy)\"}}}}");
                }
                context.Response.Close();
                return;
            }
            Interlocked.Increment(ref _forwarded);
            using var forwarded = await _client.PostAsync(_target, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            await Write(context, await forwarded.Content.ReadAsStringAsync());
            context.Response.Close();
        }
        catch (Exception e) when (e is HttpListenerException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // the client went away or the test ended
        }
    }

    private static async Task Write(HttpListenerContext context, string json)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(json);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = bytes.Length;
        await context.Response.OutputStream.WriteAsync(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        try { await _loop; } catch (ObjectDisposedException) { }
        _client.Dispose();
    }
}
