namespace Analytics.Reports.Tests;

/// <summary>
/// A fake clock that can be set to any instant, earlier ones included (the fixture replays daily runs in the past after
/// the host started at the real now; <c>FakeTimeProvider</c> only moves forward). Timestamps stay the real stopwatch's.
/// </summary>
public sealed class SettableClock(DateTimeOffset start) : TimeProvider
{
    private long _ticks = start.UtcTicks;

    /// <summary>The instant <see cref="GetUtcNow"/> answers.</summary>
    public DateTimeOffset UtcNow
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => UtcNow;
}
