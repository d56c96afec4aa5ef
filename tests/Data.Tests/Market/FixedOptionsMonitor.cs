using Microsoft.Extensions.Options;

namespace Analytics.Data.Tests.Market;

/// <summary>An options monitor that always answers the same value (configuration without a host).</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
