using Microsoft.AspNetCore.Http.Features;

namespace Analytics.Api.Hosting;

/// <summary>
/// HEAD on every GET resource (RFC 9110 §9.1: a general-purpose server must support GET and HEAD; §9.3.2: the same
/// status and headers as GET, no content). Minimal APIs map GET only, so HEAD was a 405 everywhere, /health/live
/// included, which some load balancers probe with. The request is routed and run as a GET (authentication, limits and
/// budgets alike) with the body written nowhere; it runs before routing.
/// </summary>
internal static class HeadRequests
{
    public static WebApplication UseHeadAsGet(this WebApplication app)
    {
        app.Use(static async (context, next) =>
        {
            if (!HttpMethods.IsHead(context.Request.Method))
            {
                await next(context);
                return;
            }
            var body = context.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
            context.Request.Method = HttpMethods.Get;
            context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, body));
            try
            {
                await next(context);
            }
            finally
            {
                context.Features.Set(body);
                context.Request.Method = HttpMethods.Head;
            }
        });
        return app;
    }
}
