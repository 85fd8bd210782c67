using SalesBot.Features.Shared;

namespace SalesBot.Tests.Shared;

public sealed class NewIdTests
{
    [Fact]
    public async Task Ids_are_version_4_GUIDs_never_repeated_across_buffers_and_threads()
    {
        // Four threads, each well past its 256-GUID buffer: a refill or a shared buffer that repeats would show.
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Enumerable.Range(0, 2_000).Select(_ => NewId.Next()).ToList())));
        var all = batches.SelectMany(b => b).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, id =>
        {
            Assert.Equal(4, id.Version);
            Assert.Equal(0b10, id.Variant >> 2); // RFC 4122/9562: 10xx
        });
        // Random, not a counter: of 8,000 ids, the first bytes take many values.
        Assert.True(all.Select(id => id.ToByteArray()[0]).Distinct().Count() > 200);
    }

    [Fact]
    public async Task Ordered_ids_are_version_7_GUIDs_stamped_with_now_in_time_order_and_never_repeated()
    {
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var first = NewId.Ordered();
        await Task.Delay(5);
        var batches = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Enumerable.Range(0, 2_000).Select(_ => NewId.Ordered()).ToList())));
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var all = batches.SelectMany(b => b).Prepend(first).ToList();

        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(all, id =>
        {
            Assert.Equal(7, id.Version);
            Assert.Equal(0b10, id.Variant >> 2);
            // The first 48 bits, big-endian, are the Unix time in milliseconds when it was made.
            var stamp = Convert.ToInt64(id.ToString("N")[..12], 16);
            Assert.InRange(stamp, before, after);
        });
        // Made later, sorted later: as text (SQLite stores it so) and as bytes (PostgreSQL compares uuid so).
        Assert.All(all.Skip(1), later =>
        {
            Assert.True(string.CompareOrdinal(first.ToString().ToUpperInvariant(), later.ToString().ToUpperInvariant()) < 0);
            Assert.True(first.ToByteArray(bigEndian: true).AsSpan().SequenceCompareTo(later.ToByteArray(bigEndian: true)) < 0);
        });
        // The rest is random: within one millisecond the ids still differ in many ways.
        Assert.True(all.Select(id => id.ToByteArray(bigEndian: true)[15]).Distinct().Count() > 200);
    }
}
