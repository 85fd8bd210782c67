namespace SalesBot.Tests.Support;

/// <summary>Waiting for something the bot does in the background (a group forming, a checkpoint), failing the test if it never happens.</summary>
public static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting until " + what);
            await Task.Delay(10);
        }
    }
}
