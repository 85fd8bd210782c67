using System.Globalization;
using SalesBot.Features.Clients;

namespace SalesBot.Tests.Support;

/// <summary>
/// A bot on a real database (SQLite or PostgreSQL, per subclass) with the demo organisation and
/// clients, a fake connector, and the demo people ready to talk to it.
/// </summary>
public abstract class DemoBotTest : IAsyncLifetime
{
    protected TestDatabase Database { get; private set; } = null!;
    protected FakeConnector Connector { get; private set; } = null!;
    protected BotHost Bot { get; private set; } = null!;
    protected Activities Alex { get; private set; } = null!;
    protected Activities Megan { get; private set; } = null!;
    protected Activities Diego { get; private set; } = null!;
    protected Activities Lynne { get; private set; } = null!;

    private readonly HashSet<int> _taken = [];

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    /// <summary>Configuration for the bot under test (e.g. an API key).</summary>
    protected virtual Dictionary<string, string?>? Settings => null;

    /// <summary>Service replacements for the bot under test (e.g. a fake clock).</summary>
    protected virtual void ConfigureServices(IServiceCollection services) { }

    public virtual async Task InitializeAsync()
    {
        Database = await CreateDatabaseAsync();
        Connector = await FakeConnector.StartAsync();
        Bot = BotHost.Start(Database, ConfigureServices, settings: Settings);
        Alex = new Activities(Connector.ServiceUrl);
        Megan = new Activities(Connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        Diego = new Activities(Connector.ServiceUrl) { UserId = "user-id-2", UserName = "Diego Siciliani", AadObjectId = "00000000-0000-0000-0000-0000000000022" };
        Lynne = new Activities(Connector.ServiceUrl) { UserId = "user-id-4", UserName = "Lynne Robbins", AadObjectId = "00000000-0000-0000-0000-0000000000024" };
        await using var scope = Bot.Services.CreateAsyncScope();
        var actor = Actor.CommandLine("test");
        Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(actor, default)).Ok);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoClients>().ExecuteAsync(actor, default)).Ok);
    }

    public virtual async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// Sends an activity and returns the next reply in the sender's conversation. Replies and
    /// notifications to other chats travel in separate outbox lanes, so they may arrive in any order.
    /// </summary>
    protected async Task<JsonObject> AskAsync(JsonObject activity)
    {
        await Bot.SendAsync(activity);
        return await NextInAsync(activity["conversation"]!["id"]!.GetValue<string>());
    }

    /// <summary>The next new message to this conversation (updates of earlier ones aside) that the test has not taken yet.</summary>
    protected async Task<JsonObject> NextInAsync(string conversationId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var delivered = Connector.PostedActivities;
            for (var i = 0; i < delivered.Count; i++)
                if (delivered[i]["conversation"]?["id"]?.GetValue<string>() == conversationId && _taken.Add(i)) return delivered[i];
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"nothing more was delivered to {conversationId}");
            await Task.Delay(20);
        }
    }

    /// <summary>Alex's deal "Suministro 2027" with Ferretería El Sol (40 seats at 250.000 for 24 months), saved from the deal form; its id.</summary>
    protected async Task<Guid> SaveElSolDealAsync()
    {
        await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = "Suministro 2027",
            ["seats"] = "40",
            ["unitValue"] = "250.000",
            ["contractMonths"] = "24",
        }));
        return await Bot.WithDbAsync(db => db.Opportunities.Where(o => o.Title == "Suministro 2027").Select(o => o.Id).SingleAsync());
    }

    /// <summary>How many new messages the test has taken with <see cref="AskAsync"/> and <see cref="NextInAsync"/>.</summary>
    protected int Taken => _taken.Count;

    /// <summary>The card's inputs in order, however deep (columns, containers).</summary>
    protected static IEnumerable<JsonObject> Inputs(JsonNode? node) => node switch
    {
        JsonObject o when o["type"] is JsonValue t && t.GetValue<string>().StartsWith("Input.", StringComparison.Ordinal) => [o],
        JsonObject o => o.SelectMany(p => Inputs(p.Value)),
        JsonArray a => a.SelectMany(Inputs),
        _ => [],
    };

    protected static JsonObject Input(JsonObject card, string id) => Inputs(card).Single(i => i["id"]!.GetValue<string>() == id);

    protected static DateTimeOffset LocalNow() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Bogota"));

    protected static string Iso(DateTimeOffset local, string format) => local.ToString(format, CultureInfo.InvariantCulture);
}
