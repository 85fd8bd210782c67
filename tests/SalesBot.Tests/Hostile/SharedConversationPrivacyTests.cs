namespace SalesBot.Tests.Hostile;

/// <summary>
/// A channel or group chat is read by everyone in it: there only help, menu, welcome and language
/// answer in place; anything else goes to the asker's 1:1 chat, and the shared conversation gets
/// one line saying so.
/// </summary>
public abstract class SharedConversationPrivacyTests : DemoBotTest
{
    private Activities InGroup(Activities person, string type = "groupChat") => new(Connector.ServiceUrl)
    {
        ConversationId = "19:ventas-" + type + "@thread.v2",
        ConversationType = type,
        UserId = person.UserId,
        UserName = person.UserName,
        AadObjectId = person.AadObjectId,
    };

    private async Task<List<JsonObject>> AllInAsync(string conversationId, int atLeast)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var found = Connector.PostedActivities.Where(a => a["conversation"]?["id"]?.GetValue<string>() == conversationId).ToList();
            if (found.Count >= atLeast || DateTime.UtcNow > deadline) return found;
            await Task.Delay(20);
        }
    }

    [Theory]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public async Task A_private_answer_asked_for_in_a_shared_conversation_goes_to_the_askers_chat(string type)
    {
        await AskAsync(Alex.Message("hola")); // Alex's personal chat exists
        var group = InGroup(Alex, type);

        var message = group.Message("<at>SalesBot</at> mis clientes");
        message["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention",
            ["text"] = "<at>SalesBot</at>",
            ["mentioned"] = new JsonObject { ["id"] = Activities.BotId, ["name"] = "SalesBot" },
        });
        var inPlace = await AskAsync(message);
        await Bot.WaitForOutboxDrainedAsync();

        Assert.Equal("Te lo envié por chat privado.", inPlace["text"]!.GetValue<string>());
        Assert.Single(await AllInAsync(group.ConversationId, 1));
        var privately = (await AllInAsync(Alex.ConversationId, 2)).Last();
        Assert.Contains("Ferretería", privately.Card().AllText());
        Assert.Null(privately["replyToId"]);
    }

    [Fact]
    public async Task Help_menu_welcome_and_language_answer_in_place()
    {
        var group = InGroup(Alex);
        foreach (var text in new[] { "ayuda", "menú", "hola", "idioma" })
        {
            var reply = await AskAsync(group.Message(text));
            Assert.NotEqual("Te lo envié por chat privado.", reply["text"]?.GetValue<string>());
            Assert.NotNull(reply.Card());
            // Nothing about who asked: no roles, no team.
            Assert.DoesNotContain("Te tengo registrado", reply.Card().AllText());
            Assert.DoesNotContain("ejecutivo(a)", reply.Card().AllText());
        }
    }

    [Fact]
    public async Task Someone_without_a_personal_chat_gets_one_created_from_the_conversations_roster()
    {
        var group = InGroup(Megan, "channel");
        var inPlace = await AskAsync(group.Message("mi perfil"));
        await Bot.WaitForOutboxDrainedAsync();

        Assert.Equal("Te lo envié por chat privado.", inPlace["text"]!.GetValue<string>());
        Assert.Contains(Connector.Requests, r => r.Method == "GET" && r.RawPath.EndsWith("/members/" + Megan.AadObjectId, StringComparison.Ordinal));
        Assert.Contains(Connector.PostedActivities, a => a["conversation"]?["id"]?.GetValue<string>()?.StartsWith("a:created-") == true
            && a.Card().AllText().Contains("Megan Bowen"));
        Assert.DoesNotContain(await AllInAsync(group.ConversationId, 1), a => a.Card().AllText().Contains("Megan Bowen"));
    }

    [Fact]
    public async Task Without_a_way_to_reach_them_privately_the_asker_is_told_to_write_privately_and_nothing_leaks()
    {
        var stranger = new Activities(Connector.ServiceUrl)
        {
            ConversationId = "19:abierto@thread.v2",
            ConversationType = "groupChat",
            UserId = "guest",
            UserName = "Guest",
            AadObjectId = null,
        };
        var reply = await AskAsync(stranger.Message("mi perfil"));
        Assert.Contains("escríbeme por chat privado", reply["text"]!.GetValue<string>());
        await Bot.WaitForOutboxDrainedAsync();
        Assert.Single(await AllInAsync(stranger.ConversationId, 1));
    }

    [Fact]
    public async Task A_card_submitted_in_a_shared_conversation_is_answered_privately_too()
    {
        await AskAsync(Alex.Message("hola"));
        var group = InGroup(Alex);
        var inPlace = await AskAsync(group.Submit(new JsonObject { ["command"] = "clients.search", ["query"] = "ferretería" }));
        Assert.Equal("Te lo envié por chat privado.", inPlace["text"]!.GetValue<string>());
    }
}

public sealed class SqliteSharedConversationPrivacyTests : SharedConversationPrivacyTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
