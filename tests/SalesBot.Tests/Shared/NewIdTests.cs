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
}
