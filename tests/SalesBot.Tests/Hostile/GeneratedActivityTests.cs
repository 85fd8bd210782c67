using System.Net;
using CsCheck;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesBot.Features.Assistant.Conversation;
using SalesBot.Teams.Hosting;

namespace SalesBot.Tests.Hostile;

/// <summary>
/// Activities and card submissions from a property-based generator (CsCheck, fixed seed): typed
/// text around the commands, noise of every kind of character and length, card data of any shape,
/// invokes with known and unknown names, senders known and unknown, personal and shared chats,
/// broken channelData. Whatever comes, the bot answers 200 (400 for a broken envelope, 501 for an
/// invoke nobody handles), runs a bounded number of SQL commands, and replies to every message.
/// </summary>
public abstract class GeneratedActivityTests : DemoBotTest
{
    protected abstract int Cases { get; }

    private readonly SqlCommandCounter _sql = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(_sql);
        services.AddSingleton<IStartupFilter>(_sql);
    }

    /// <summary>The seed the cases come from: a failure names the case, and the same seed finds it again.</summary>
    private const string Seed = "0N0XIzNsQ0O2";

    private static readonly string[] Phrases = [.. Registry.Recognizer.Vocabulary.Select(v => v.Phrase), ""];

    private static readonly string[] Commands =
    [
        "clients.create", "clients.search", "opportunities.save", "opportunities.move", "opportunities.lost", "offers.submit", "offers.approve",
        "visits.schedule", "visits.log", "visits.cancel", "visits.rescheduleForm", "pqrs.register", "pqrs.answer", "pqrs.reassign",
        "pqrs.timeliness", "language", "menu", "help", "renegotiations.answer", "offers.delegate",
    ];

    private static readonly string[] Fields =
    [
        "command", "clientQuery", "clientId", "query", "title", "name", "nit", "opportunityId", "offerId", "stepId", "visitId", "pqr",
        "seats", "unitValue", "contractMonths", "expectedClose", "date", "time", "durationMinutes", "validUntil", "period", "language",
        "comment", "description", "filedAt", "type", "stage", "lostReason", "msteams",
    ];

    private static readonly Gen<string> Noise = Gen.Frequency(
        (5, Gen.Char["abcdefghijklmnopqrstuvwxyzáéíóúñ 0123456789:/-"].Array[0, 80].Select(a => new string(a))),
        (2, Gen.Char["\u0301\u0308\u0323\u200F\u200E\u200B\u200D\u202E\u2066\u00A0\t\n .,;:¿?¡!\"'<>&*_~`[]()#@\\${}"].Array[0, 300].Select(a => new string(a))),
        (2, Gen.Char.Where(c => !char.IsSurrogate(c)).Array[0, 200].Select(a => new string(a))),
        (1, Gen.OneOf("😀", "👩‍👩‍👧", "🇨🇴", "ferretería", "Ferretería El Sol", "2026-12-31", "9999-12-31", "0000-00-00", "31/02", "-1", "1e308", "NaN",
            "00000000-0000-0000-0000-000000000000", "<at>SalesBot</at>", "[link](javascript:alert(1))", "**bold**", "${user}", "a hasta 1/1")),
        (1, Gen.Int[3_990, 4_010].Select(n => HostileInputTests.Exactly(n, "historial"))),
        (1, Gen.Int[4_001, 30_000].Select(n => new string('x', n))));

    private static readonly Gen<string> Text = Gen.Select(Gen.OneOf(Phrases), Noise, Noise, (p, a, b) => $"{p} {a} {b}");

    private static readonly Gen<JsonNode?> Leaf = Gen.Frequency(
        (4, Noise.Select(s => (JsonNode?)JsonValue.Create(s))),
        (1, Gen.Long.Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Decimal.Select(n => (JsonNode?)JsonValue.Create(n))),
        (1, Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b))),
        (1, Gen.Const<JsonNode?>(() => null)));

    private static Gen<JsonNode?> Json(int depth) => depth == 0 ? Leaf : Gen.Frequency(
        (4, Leaf),
        (1, Json(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items))),
        (1, Gen.Select(Gen.OneOf(Fields), Json(depth - 1)).Array[0, 5].Select(Object)));

    private static JsonNode? Object((string Key, JsonNode? Value)[] pairs)
    {
        var o = new JsonObject();
        foreach (var (key, value) in pairs) o[key] = value;
        return o;
    }

    private static readonly Gen<JsonObject> CardData = Gen.Select(
        Gen.Frequency((5, Gen.OneOf(Commands).Select(c => (JsonNode?)JsonValue.Create(c))), (1, Json(2))),
        Gen.Select(Gen.OneOf(Fields), Json(3)).Array[0, 12],
        (command, fields) =>
        {
            var data = new JsonObject();
            foreach (var (key, value) in fields) data[key] = value;
            data["command"] = command;
            return data;
        });

    /// <summary>One generated case: who sends it, where, what, and whether its channelData is broken.</summary>
    public sealed record Case(int Sender, string ConversationType, int Kind, string Text, JsonObject Data, string Name, bool BrokenChannelData)
    {
        public override string ToString() =>
            $"sender {Sender} in {ConversationType}, kind {Kind}, name «{(Name.Length > 60 ? Name[..60] + "…" : Name)}» ({Name.Length}), broken {BrokenChannelData}, text «{(Text.Length > 120 ? Text[..120] + "…" : Text)}» ({Text.Length}), data {Data.ToJsonString()[..Math.Min(200, Data.ToJsonString().Length)]}";
    }

    private static readonly Gen<Case> Cases_ = Gen.Select(
        Gen.Int[0, 4], Gen.OneOf("personal", "personal", "groupChat", "channel"), Gen.Int[0, 9], Text, CardData,
        Gen.Frequency((3, Gen.OneOf("offers.approve", "offers.reject", "offers.changes", "offers.refresh")), (1, Noise)),
        Gen.Int[0, 19].Select(n => n == 0),
        (sender, type, kind, text, data, name, broken) => new Case(sender, type, kind, text, data, name, broken));

    private JsonObject Build(Case c)
    {
        var people = new[] { Alex, Megan, Diego, Lynne };
        var from = c.Sender < 4 ? people[c.Sender] : new Activities(Connector.ServiceUrl) { UserId = "stranger", UserName = "Stranger", AadObjectId = "not-registered" };
        var who = new Activities(Connector.ServiceUrl)
        {
            ConversationId = c.ConversationType == "personal" ? from.ConversationId : "19:shared-" + c.ConversationType,
            ConversationType = c.ConversationType,
            UserId = from.UserId,
            UserName = from.UserName,
            AadObjectId = from.AadObjectId,
        };
        var activity = c.Kind switch
        {
            <= 4 => who.Message(c.Text),
            5 or 6 => who.Submit(c.Data),
            7 => who.Invoke("adaptiveCard/action", new JsonObject
            {
                ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = c.Name, ["data"] = c.Data },
                ["trigger"] = "manual",
            }),
            8 => who.Invoke("application/search", new JsonObject
            {
                ["kind"] = "search",
                ["dataset"] = c.Name.StartsWith("offer.", StringComparison.Ordinal) ? "clients" : c.Name,
                ["queryText"] = c.Text,
                ["queryOptions"] = new JsonObject { ["skip"] = c.Text.Length % 7 * 1000, ["top"] = c.Text.Length % 60 },
            }),
            _ => (c.Text.Length % 3) switch
            {
                0 => who.Invoke(c.Name, c.Data),
                1 => who.BotAdded(),
                _ => who.InstallationAdd(),
            },
        };
        if (c.BrokenChannelData) activity["channelData"] = new JsonObject { ["tenant"] = c.Text.Length, ["team"] = new JsonArray() };
        return activity;
    }

    [Fact]
    public async Task Generated_activities_never_fail_a_turn_and_every_message_is_answered()
    {
        var messages = new List<string>();
        var logsBefore = Bot.Logs.Count; // a fresh PostgreSQL database logs a failed probe while migrating
        await Cases_.SampleAsync(async c =>
        {
            var activity = Build(c);
            var response = await Bot.PostAsync(activity);
            var status = (int)response.StatusCode;
            if (c.BrokenChannelData) Assert.Equal(400, status);
            else if (activity["name"]?.GetValue<string>() is { Length: > ActivityEnvelope.MaxNameLength }) Assert.Equal(400, status);
            else if (activity["type"]!.GetValue<string>() == "invoke") Assert.True(status is 200 or 501, $"invoke answered {status}");
            else Assert.Equal(200, status);
            Assert.True(_sql.LastRequest <= HostileInputTests.MaxSqlCommandsPerTurn, $"{_sql.LastRequest} SQL commands");
            if (status == 200 && activity["type"]!.GetValue<string>() == "message") messages.Add(activity["id"]!.GetValue<string>());
        }, seed: Seed, iter: Cases, threads: 1);

        await Bot.WaitForOutboxDrainedAsync(TimeSpan.FromMinutes(2));
        var answered = Connector.PostedActivities.Select(a => a["replyToId"]?.GetValue<string>()).OfType<string>().ToHashSet();
        var unanswered = messages.Where(id => !answered.Contains(id)).ToList();
        Assert.True(unanswered.Count == 0, $"{unanswered.Count} of {messages.Count} messages got no reply");
        Assert.DoesNotContain(Bot.Logs.Skip(logsBefore), l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }
}

public sealed class SqliteGeneratedActivityTests : GeneratedActivityTests
{
    protected override int Cases => 10_000;
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresGeneratedActivityTests : GeneratedActivityTests
{
    protected override int Cases => 1_000;
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
