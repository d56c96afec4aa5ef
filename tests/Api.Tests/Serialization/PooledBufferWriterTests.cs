using Analytics.Api.Serialization;

namespace Analytics.Api.Tests.Serialization;

public sealed class PooledBufferWriterTests
{
    [Fact]
    public async Task ReadFromAsync_StreamLargerThanTheInitialCapacity_KeepsEveryByteInOrder()
    {
        var source = Enumerable.Range(0, 300_000).Select(i => (byte)(i * 7)).ToArray();
        using var buffer = new PooledBufferWriter(1000);

        await buffer.ReadFromAsync(new MemoryStream(source), TestContext.Current.CancellationToken);

        Assert.Equal(source, buffer.WrittenSpan.ToArray());
    }

    [Fact]
    public void GetSpanAndAdvance_GrowingPastTheRentedArray_KeepsWhatWasWritten()
    {
        using var buffer = new PooledBufferWriter(256);
        for (var i = 0; i < 100; i++)
        {
            var span = buffer.GetSpan(100);
            span[..100].Fill((byte)i);
            buffer.Advance(100);
        }

        Assert.Equal(10_000, buffer.WrittenSpan.Length);
        Assert.All(Enumerable.Range(0, 100), i => Assert.True(buffer.WrittenSpan.Slice(i * 100, 100).IndexOfAnyExcept((byte)i) < 0));
    }

    [Fact]
    public void Advance_PastTheFreeSpace_Throws()
    {
        using var buffer = new PooledBufferWriter(256);
        var free = buffer.GetSpan().Length;

        Assert.Throws<InvalidOperationException>(() => buffer.Advance(free + 1));
    }
}
