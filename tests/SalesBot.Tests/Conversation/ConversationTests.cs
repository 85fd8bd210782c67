using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SalesBot.Bot;
using SalesBot.Infrastructure.Data;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// End-to-end turns through the real HTTP pipeline and database, replies observed at a fake Bot
/// Connector. Runs once per database provider (see the subclasses at the end).
/// </summary>
public abstract class ConversationTests : IAsyncLifetime
{
    private TestDatabase _database = null!;
    protected FakeConnector Connector { get; private set; } = null!;
    protected BotHost Bot { get; private set; } = null!;
    protected Activities Alex { get; private set; } = null!;

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        Connector = await FakeConnector.StartAsync();
        Bot = BotHost.Start(_database, s => s.AddConversationCommand<FailingCommand>(FailingCommand.CommandName));
        Alex = new Activities(Connector.ServiceUrl);
    }

    public async Task DisposeAsync()
    {
        await Bot.DisposeAsync();
        await Connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task SeedAlexAsync()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>()
            .ExecuteAsync(Actor.CommandLine("test"), default);
        Assert.True(result.Ok);
    }

    [Fact]
    public async Task Installing_the_app_sends_exactly_one_welcome_card()
    {
        await SeedAlexAsync();

        // Teams announces a personal install twice, at nearly the same time.
        await Task.WhenAll(Bot.SendAsync(Alex.InstallationAdd()), Bot.SendAsync(Alex.BotAdded()));
        await Bot.WaitForOutboxDrainedAsync();

        var welcome = Assert.Single(Connector.DeliveredActivities);
        var card = welcome.Card()!;
        Assert.Contains("Soy SalesBot", card.AllText());
        Assert.Contains("ejecutivo(a) comercial", card.AllText());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Each_new_install_gets_one_welcome_in_the_locale_of_its_installationUpdate_whichever_activity_comes_first()
    {
        await SeedAlexAsync();
        for (var i = 0; i < 6; i++)
        {
            // As Teams sends them: the installationUpdate carries the locale, the conversationUpdate none.
            var person = new Activities(Connector.ServiceUrl) { AadObjectId = $"new-{i}", UserId = $"29:new-{i}", UserName = $"Nuevo {i}" };
            var install = person.InstallationAdd("en-US");
            var added = person.BotAdded(locale: null);
            await (i % 2 == 0
                ? Task.WhenAll(Bot.SendAsync(install), Bot.SendAsync(added))
                : Task.WhenAll(Bot.SendAsync(added), Bot.SendAsync(install)));
        }
        await Bot.WaitForOutboxDrainedAsync();

        var welcomes = Connector.DeliveredActivities.Select(a => a.Card().AllText()).ToList();
        Assert.Equal(6, welcomes.Count);
        Assert.All(welcomes, w => Assert.Contains("Ask an administrator", w));
        Assert.DoesNotContain(Bot.Logs, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task The_welcome_comes_again_after_uninstalling_and_installing()
    {
        await Bot.SendAsync(Alex.InstallationAdd());
        await Bot.SendAsync(Alex.InstallationRemove());
        await Bot.SendAsync(Alex.InstallationAdd());
        await Bot.WaitForOutboxDrainedAsync();

        Assert.Equal(2, Connector.DeliveredActivities.Count(a => a.Card() is not null));
    }

    [Fact]
    public async Task Added_to_a_team_it_welcomes_the_channel_with_a_card_and_then_each_new_member()
    {
        var channel = new Activities(Connector.ServiceUrl) { ConversationId = "19:general@thread.tacv2", ConversationType = "channel" };
        await Bot.SendAsync(channel.BotAdded());
        var memberAdded = channel.BotAdded();
        memberAdded["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new", ["name"] = "Nora Nueva", ["aadObjectId"] = "nora" });
        await Bot.SendAsync(memberAdded);
        await Bot.WaitForOutboxDrainedAsync();

        var cards = Connector.DeliveredActivities.Select(a => a.Card().AllText()).ToList();
        Assert.Equal(2, cards.Count);
        Assert.Contains("¡Hola a todos! Soy SalesBot", cards[0]);
        Assert.Contains("«@SalesBot resumen semanal suscribir»", cards[0]);
        Assert.Contains("¡Bienvenido(a) al equipo, Nora!", cards[1]);
    }

    [Fact]
    public async Task A_person_the_organisation_does_not_know_is_welcomed_and_told_to_ask_an_admin()
    {
        var stranger = new Activities(Connector.ServiceUrl) { AadObjectId = "unknown-aad", UserName = "Pat" };
        await Bot.SendAsync(stranger.InstallationAdd());

        var welcome = (await Connector.WaitForActivitiesAsync(1))[0];
        Assert.Contains("Pide a un administrador", welcome.Card().AllText());
    }

    [Fact]
    public async Task Ayuda_answers_with_the_help_card_in_Spanish()
    {
        await Bot.SendAsync(Alex.Message("ayuda"));

        var help = (await Connector.WaitForActivitiesAsync(1))[0];
        var text = help.Card().AllText();
        Assert.Contains("Lo que puedo hacer", text);
        Assert.Contains("idioma", text);
        Assert.Equal(Alex.ConversationId, help["conversation"]!["id"]!.GetValue<string>());
        Assert.Equal(Activities.BotId, help["from"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Help_answers_in_English_when_Teams_is_in_English()
    {
        await Bot.SendAsync(Alex.Message("help", locale: "en-US"));

        var help = (await Connector.WaitForActivitiesAsync(1))[0];
        Assert.Contains("What I can do", help.Card().AllText());
    }

    [Fact]
    public async Task A_chosen_language_wins_over_the_Teams_locale_and_is_audited()
    {
        await Bot.SendAsync(Alex.Message("idioma inglés"));
        await Bot.SendAsync(Alex.Message("ayuda", locale: "es-CO"));
        await Bot.WaitForOutboxDrainedAsync();

        var replies = Connector.DeliveredActivities;
        Assert.Equal("Done: I'll answer in English.", replies[0]["text"]!.GetValue<string>());
        Assert.Contains("What I can do", replies[1].Card().AllText());
        var audit = await Bot.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == "LanguagePreference").ToListAsync());
        var entry = Assert.Single(audit);
        Assert.Equal(Activities.AlexAad, entry.ActorId);
        Assert.Equal("created", entry.Action);
        Assert.Contains("\"en\"", entry.After);
    }

    [Fact]
    public async Task Choosing_the_Teams_language_again_forgets_the_choice()
    {
        await Bot.SendAsync(Alex.Submit(new JsonObject { ["command"] = "language", ["language"] = "en" }));
        await Bot.SendAsync(Alex.Submit(new JsonObject { ["command"] = "language", ["language"] = "auto" }));
        await Bot.SendAsync(Alex.Message("ayuda"));
        await Bot.WaitForOutboxDrainedAsync();

        Assert.Contains("Lo que puedo hacer", Connector.DeliveredActivities[2].Card().AllText());
        Assert.Equal(0, await Bot.WithDbAsync(db => db.LanguagePreferences.CountAsync()));
    }

    [Fact]
    public async Task Text_it_does_not_understand_gets_a_friendly_answer_and_the_menu()
    {
        await Bot.SendAsync(Alex.Message("asdfgh qwerty"));

        var replies = await Connector.WaitForActivitiesAsync(2);
        Assert.Contains("No entendí «asdfgh qwerty»", replies[0]["text"]!.GetValue<string>());
        Assert.Contains("Menú principal", replies[1].Card().AllText());
    }

    [Fact]
    public async Task A_menu_button_runs_its_command()
    {
        await SeedAlexAsync();
        await Bot.SendAsync(Alex.Submit(new JsonObject { ["command"] = "profile" }));

        var profile = (await Connector.WaitForActivitiesAsync(1))[0].Card().AllText();
        Assert.Contains("Alex Wilber", profile);
        Assert.Contains("Ventas Bogotá", profile);
        Assert.Contains("Megan Bowen", profile);
    }

    [Fact]
    public async Task A_submit_for_an_unknown_command_changes_nothing_and_says_so()
    {
        await Bot.SendAsync(Alex.Submit(new JsonObject { ["command"] = "drop-tables" }));

        var reply = (await Connector.WaitForActivitiesAsync(1))[0];
        Assert.Contains("no es válida", reply["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_repeated_activity_is_processed_once()
    {
        var message = Alex.Message("ayuda", id: "teams-retry-1");

        await Bot.SendAsync(message);
        await Bot.SendAsync(message);
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Bot.SendAsync(message)));
        await Bot.WaitForOutboxDrainedAsync();

        Assert.Single(Connector.DeliveredActivities);
    }

    [Fact]
    public async Task The_conversation_reference_is_stored_and_follows_a_new_serviceUrl()
    {
        await Bot.SendAsync(Alex.Message("hola"));
        var moved = new Activities(Connector.ServiceUrl.Replace("/_connector/", "/_moved/")) { ConversationId = Alex.ConversationId };
        await Bot.SendAsync(moved.Message("ayuda"));

        var reference = await Bot.WithDbAsync(db => db.ConversationReferences.SingleAsync(r => r.ConversationId == Alex.ConversationId));
        Assert.EndsWith("/_moved/", reference.ServiceUrl);
        Assert.Equal(Activities.AlexAad, reference.UserAadObjectId);
        Assert.Equal("personal", reference.ConversationType);
        Assert.Equal(Activities.BotId, reference.BotId);
    }

    [Fact]
    public async Task An_unchanged_conversation_reference_is_rewritten_at_most_once_a_minute_to_say_it_is_in_use()
    {
        Task<DateTimeOffset> LastUsed() => Bot.WithDbAsync(db => db.ConversationReferences.Where(r => r.ConversationId == Alex.ConversationId)
            .Select(r => r.UpdatedAt).SingleAsync());
        await Bot.SendAsync(Alex.Message("hola"));
        var stored = await LastUsed();

        // The same conversation, the same user, within the minute: nothing to write.
        await Bot.SendAsync(Alex.Message("ayuda"));
        Assert.Equal(stored, await LastUsed());

        // Last used two minutes ago: the next turn says it is in use again.
        var twoMinutesAgo = stored.AddMinutes(-2);
        await Bot.WithDbAsync(db => db.ConversationReferences.Where(r => r.ConversationId == Alex.ConversationId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAt, twoMinutesAgo)));
        await Bot.SendAsync(Alex.Message("ayuda"));
        Assert.True(await LastUsed() >= stored, "touched again, not left two minutes back");

        // A changed name is written at once.
        await Bot.SendAsync(new Activities(Connector.ServiceUrl) { ConversationId = Alex.ConversationId, UserName = "Alex W." }.Message("ayuda"));
        Assert.Equal("Alex W.", await Bot.WithDbAsync(db => db.ConversationReferences.Where(r => r.ConversationId == Alex.ConversationId)
            .Select(r => r.UserName).SingleAsync()));
    }

    [Fact]
    public async Task A_failing_turn_answers_with_a_correlation_id_that_is_in_the_log()
    {
        await Bot.SendAsync(Alex.Submit(new JsonObject { ["command"] = FailingCommand.CommandName }));

        var card = (await Connector.WaitForActivitiesAsync(1))[0].Card()!;
        var facts = card["body"]![2]!["facts"]![0]!;
        var correlationId = facts["value"]!.GetValue<string>();
        Assert.Contains("Algo salió mal", card.AllText());
        Assert.Matches("^[0-9a-f]{16}$", correlationId);
        Assert.Contains(Bot.Logs, l => l.Level == LogLevel.Error && l.Message.Contains(correlationId) && l.Error is not null);
        // What the failed command wrote was rolled back.
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Teams.CountAsync(t => t.Name == FailingCommand.TeamName)));
    }

    [Fact]
    public async Task Replies_wait_behind_an_earlier_reply_of_the_conversation_that_must_be_retried()
    {
        // The first reply is throttled for longer than one HTTP call waits: the outbox retries it
        // later, and the reply to the next message must not overtake it.
        Connector.FailNext(429, retryAfter: "2");
        Connector.FailNext(429, retryAfter: "2");
        Connector.FailNext(429, retryAfter: "2");
        Connector.FailNext(429, retryAfter: "2");
        Connector.FailNext(429, retryAfter: "2");
        await Bot.SendAsync(Alex.Message("hola"));
        await Bot.SendAsync(Alex.Message("ayuda"));

        var delivered = await Connector.WaitForActivitiesAsync(2, TimeSpan.FromSeconds(60));

        Assert.Contains("Soy SalesBot", delivered[0].Card().AllText());
        Assert.Contains("Lo que puedo hacer", delivered[1].Card().AllText());
    }

    [Fact]
    public async Task Processed_activity_ids_are_forgotten_after_the_retention()
    {
        await Bot.SendAsync(Alex.Message("ayuda"));
        var clock = Bot.Services.GetRequiredService<TimeProvider>();
        await Bot.WithDbAsync(db => db.ProcessedActivities.ExecuteUpdateAsync(s =>
            s.SetProperty(p => p.ProcessedAt, clock.GetUtcNow() - ProcessedActivityCleanup.Retention - TimeSpan.FromMinutes(1))));

        var removed = await Bot.Services.GetRequiredService<ProcessedActivityCleanup>().RunOnceAsync(default);

        Assert.Equal(1, removed);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.ProcessedActivities.CountAsync()));
    }

    [Fact]
    public async Task A_throttled_connector_gets_the_reply_after_Retry_After()
    {
        Connector.FailNext(429, retryAfter: "1");

        await Bot.SendAsync(Alex.Message("ayuda"));
        await Connector.WaitForActivitiesAsync(1);

        Assert.Equal(2, Connector.Requests.Count);
    }

    [Fact]
    public async Task An_unhandled_invoke_is_501_and_a_card_action_with_an_unknown_verb_is_a_handled_error()
    {
        var unhandled = await Bot.PostAsync(Alex.Invoke("config/fetch", new JsonObject()));
        Assert.Equal(HttpStatusCode.NotImplemented, unhandled.StatusCode);

        var body = await Bot.SendAsync(Alex.Invoke("adaptiveCard/action",
            new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "nope" } }));
        var response = JsonNode.Parse(body)!;
        Assert.Equal(400, response["statusCode"]!.GetValue<int>());
        Assert.Equal("application/vnd.microsoft.error", response["type"]!.GetValue<string>());
    }

    /// <summary>A command that writes something and then fails, to prove the turn's changes are rolled back.</summary>
    private sealed class FailingCommand(Infrastructure.Data.SalesBotDbContext db) : IConversationCommand
    {
        public const string CommandName = "test-failure";
        public const string TeamName = "written by a failing turn";
        public string Name => CommandName;
        public string? HelpKey => null;
        public (string TitleKey, int Order)? Menu => null;

        public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
        {
            db.Teams.Add(new Team(TeamName));
            await Task.Yield();
            throw new InvalidOperationException("simulated failure");
        }
    }
}

public sealed class SqliteConversationTests : ConversationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresConversationTests : ConversationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
