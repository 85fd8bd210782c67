using System.Net;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesBot.Bot;
using SalesBot.Features.Assistant.Conversation;

namespace SalesBot.Tests.Hostile;

/// <summary>
/// What any user can type or a forged client can send, through the real HTTP pipeline: every
/// command followed by far too much text or by text exactly at the cap, regex-hostile repetitions,
/// unicode oddities, card submits and invokes of the wrong size, type and shape. The process stays
/// up, every turn is answered (no 5xx but 501 for an invoke nobody handles), nothing is written
/// for refused input, and each turn runs a bounded number of SQL commands whatever the length.
/// </summary>
public abstract class HostileInputTests : DemoBotTest
{
    /// <summary>The most SQL commands one turn may run, whatever it was sent (this suite measured at most 11).</summary>
    public const int MaxSqlCommandsPerTurn = 20;

    protected SqlCommandCounter Sql { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(Sql);
        services.AddSingleton<IStartupFilter>(Sql);
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // A deal to be found, so that searches run against real rows.
        await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = "Suministro 2027",
            ["seats"] = "40",
            ["unitValue"] = "250.000",
            ["contractMonths"] = "24",
            ["expectedClose"] = Iso(LocalNow().AddDays(20), "yyyy-MM-dd"),
        }));
        Assert.Equal(1, await Bot.WithDbAsync(db => db.Opportunities.CountAsync()));
    }

    /// <summary>One typed phrase per command the recognizer knows.</summary>
    public static IEnumerable<string> CommandPhrases() =>
        Registry.Recognizer.Vocabulary.GroupBy(v => v.Command).Select(g => g.Last().Phrase).Where(p => p != "?");

    /// <summary>Words that match the demo data mixed with ones that do not, to about <paramref name="length"/> characters.</summary>
    public static string Words(int length)
    {
        string[] vocabulary = ["ferreteria", "sol", "suministro", "2027", "el", "norte", "energia", "bogota", "a", "de", "no", "x"];
        var sb = new StringBuilder();
        for (var i = 0; sb.Length < length; i++) sb.Append(vocabulary[i % vocabulary.Length]).Append(i % 7 == 0 ? i.ToString() : "").Append(' ');
        return sb.ToString(0, length);
    }

    /// <summary>A phrase followed by filler to exactly <paramref name="length"/> characters.</summary>
    public static string Exactly(int length, string start)
    {
        var text = (start + " " + Words(length))[..length];
        return char.IsWhiteSpace(text[^1]) ? text[..^1] + "z" : text;
    }

    protected Task<string> DomainSnapshotAsync() => Bot.WithDbAsync(async db => string.Join(" ",
        "clients", await db.Clients.CountAsync(), "deals", await db.Opportunities.CountAsync(), "offers", await db.Offers.CountAsync(),
        "steps", await db.ApprovalSteps.CountAsync(), "visits", await db.Visits.CountAsync(), "pqrs", await db.Pqrs.CountAsync(),
        "renegotiations", await db.Renegotiations.CountAsync(), "delegations", await db.Delegations.CountAsync(),
        "plans", await db.VisitPlans.CountAsync(), "people", await db.People.CountAsync(), "audit", await db.AuditLog.CountAsync()));

    private async Task<JsonObject> AnsweredInBoundedWorkAsync(JsonObject activity)
    {
        var reply = await AskAsync(activity);
        Assert.True(Sql.LastRequest <= MaxSqlCommandsPerTurn,
            $"{Sql.LastRequest} SQL commands for «{Preview(activity)}»");
        return reply;
    }

    private static string Preview(JsonObject activity)
    {
        var text = activity["text"]?.GetValue<string>() ?? activity["value"]?.ToJsonString() ?? "";
        return text.Length > 60 ? text[..60] + "…" : text;
    }

    private static string TextOf(JsonObject reply) => reply["text"]?.GetValue<string>() ?? reply.Card().AllText();

    [Fact]
    public async Task Every_command_followed_by_24_KB_of_words_is_refused_and_changes_nothing()
    {
        var before = await DomainSnapshotAsync();
        foreach (var phrase in CommandPhrases())
        {
            var reply = await AnsweredInBoundedWorkAsync(Alex.Message(phrase + " " + Words(24 * 1024)));
            Assert.Contains("demasiado largo", TextOf(reply));
        }
        var oneToken = await AnsweredInBoundedWorkAsync(Alex.Message("historial " + new string('x', 24 * 1024)));
        Assert.Contains("demasiado largo", TextOf(oneToken));
        Assert.Equal(before, await DomainSnapshotAsync());
    }

    [Fact]
    public async Task Every_command_with_text_exactly_at_the_cap_is_answered_in_bounded_work()
    {
        var before = await DomainSnapshotAsync();
        foreach (var phrase in CommandPhrases())
        {
            var text = Exactly(TurnInput.MaxMessageLength, phrase);
            Assert.Equal(TurnInput.MaxMessageLength, text.Length);
            var reply = await AnsweredInBoundedWorkAsync(Alex.Message(text));
            Assert.DoesNotContain("demasiado largo", TextOf(reply));
            // A team lead and a director see more, so their searches reach further.
            await AnsweredInBoundedWorkAsync(Megan.Message(text));
            await AnsweredInBoundedWorkAsync(Diego.Message(text));
        }
        Assert.Equal(before, await DomainSnapshotAsync());
    }

    [Fact]
    public async Task Regex_hostile_repetitions_are_answered_in_bounded_work()
    {
        var before = await DomainSnapshotAsync();
        string[] starts =
        [
            "mover " + Repeat("a al ", 4000), "perdida " + Repeat("x: porque ", 4000), "oferta rechazada " + Repeat("motivo ", 4000),
            "delegar en " + Repeat("a hasta ", 4000), "renegociacion " + Repeat("no interesado ", 4000),
            "renegociacion " + Repeat("esta interesada ", 4000), "plan de visitas 20 " + Repeat("diciembre ", 4000),
            "cuando vence un reclamo radicado el " + Repeat("1/1/", 4000), "indicador pqr " + Repeat("del 01/11 al ", 4000),
            "mis visitas " + Repeat("2026-11-01 ", 4000), "historial " + Repeat("ferreteria ", 4000),
        ];
        foreach (var text in starts) await AnsweredInBoundedWorkAsync(Alex.Message(text[..Math.Min(text.Length, TurnInput.MaxMessageLength)]));
        Assert.Equal(before, await DomainSnapshotAsync());
    }

    private static string Repeat(string s, int length)
    {
        var sb = new StringBuilder();
        while (sb.Length < length) sb.Append(s);
        return sb.ToString(0, length);
    }

    [Fact]
    public async Task Unicode_oddities_are_answered_in_bounded_work()
    {
        var before = await DomainSnapshotAsync();
        string[] oddities =
        [
            Repeat("a\u0301\u0308\u0323 ", 3900), Repeat("\u0301", 3900), Repeat("\u200F\u200E\u200B\u202E\u2066ferreteria ", 3900),
            Repeat("😀👩‍👩‍👧 ", 3900), Repeat("ﷺ ", 3900), "\u0000\u0007 ferreteria", Repeat("Ⅻ ١٢٣ ", 3900),
        ];
        foreach (var odd in oddities)
            foreach (var phrase in new[] { "buscar cliente", "historial", "oferta", "mover", "idioma", "pqr", "plan de visitas" })
            {
                var text = (phrase + " " + odd)[..Math.Min(phrase.Length + 1 + odd.Length, TurnInput.MaxMessageLength)];
                await AnsweredInBoundedWorkAsync(Alex.Message(char.IsHighSurrogate(text[^1]) ? text[..^1] : text));
            }

        // Lone surrogates can only be written as JSON escapes: the body is sent as it is.
        foreach (var text in new[] { "buscar cliente \\ud800 ferreteria", "historial \\udc00\\ud800", "\\ud83d" })
        {
            var json = Alex.Message("PLACEHOLDER").ToJsonString().Replace("\"PLACEHOLDER\"", "\"" + text + "\"");
            var response = await Bot.PostRawAsync(json);
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{text}: {(int)response.StatusCode}");
            if (response.StatusCode == HttpStatusCode.OK) await NextInAsync(Alex.ConversationId);
        }
        Assert.Equal(before, await DomainSnapshotAsync());
    }

    [Fact]
    public async Task Card_submits_with_huge_wrong_typed_and_nested_values_change_nothing()
    {
        var before = await DomainSnapshotAsync();
        var huge = await AnsweredInBoundedWorkAsync(Alex.Submit(new JsonObject { ["command"] = "opportunities.save", ["title"] = new string('x', 30_000) }));
        Assert.Contains("demasiado grande", TextOf(huge));

        JsonNode Nested(int depth) => depth == 0 ? JsonValue.Create("x") : new JsonObject { ["a"] = Nested(depth - 1) };
        var deep = await AnsweredInBoundedWorkAsync(Alex.Submit(new JsonObject { ["command"] = "clients.create", ["name"] = Nested(10) }));
        Assert.Contains("demasiado grande", TextOf(deep));
        var many = new JsonObject { ["command"] = "clients.create" };
        for (var i = 0; i < 500; i++) many["f" + i] = "x";
        Assert.Contains("demasiado grande", TextOf(await AnsweredInBoundedWorkAsync(Alex.Submit(many))));

        // Every command a card can name, with each kind of wrong value in the fields forms read.
        var commands = Bot.Services.GetServices<CommandDescriptor>().Select(d => d.Name).ToList();
        string[] fields = ["clientQuery", "clientId", "query", "title", "name", "opportunityId", "offerId", "stepId", "visitId", "pqr",
            "seats", "unitValue", "contractMonths", "expectedClose", "date", "time", "durationMinutes", "discountPercent", "validUntil",
            "period", "language", "comment", "description", "filedAt", "type", "nit", "radicado", "assigneeId", "stage", "lostReason"];
        JsonNode?[] wrong = [JsonValue.Create(12345678901234567890m), new JsonArray(1, "a", null), new JsonObject { ["x"] = "y" },
            JsonValue.Create(true), null, JsonValue.Create("9999-12-31"), JsonValue.Create("-1"), JsonValue.Create(new string('9', 400)),
            JsonValue.Create("00000000-0000-0000-0000-000000000000"), JsonValue.Create("ferreteria"), JsonValue.Create(Repeat("\u0301", 2000))];
        for (var c = 0; c < commands.Count; c++)
        {
            var data = new JsonObject { ["command"] = commands[c] };
            for (var f = 0; f < fields.Length; f++) data[fields[f]] = wrong[(c + f) % wrong.Length]?.DeepClone();
            await AnsweredInBoundedWorkAsync(Alex.Submit(data));
            await AnsweredInBoundedWorkAsync(Diego.Submit((JsonObject)data.DeepClone()));
        }
        foreach (var command in new JsonNode?[] { JsonValue.Create(5), new JsonArray(), JsonValue.Create(new string('c', 5000)), null })
            await AnsweredInBoundedWorkAsync(Alex.Submit(new JsonObject { ["command"] = command }));
        Assert.Equal(before, await DomainSnapshotAsync());
    }

    [Fact]
    public async Task Garbage_invokes_and_envelopes_get_4xx_or_501_and_change_nothing()
    {
        var before = await DomainSnapshotAsync();
        // An invoke's outcome is in its body (HTTP 200 with a statusCode, the Universal Action model); the rest in the HTTP status.
        async Task<HttpStatusCode> Post(JsonObject activity)
        {
            var response = await Bot.PostAsync(activity);
            var body = await response.Content.ReadAsStringAsync();
            if (response.StatusCode == HttpStatusCode.OK && body.Length > 0 && JsonNode.Parse(body)?["statusCode"] is JsonValue inner)
                return (HttpStatusCode)inner.GetValue<int>();
            Assert.True((int)response.StatusCode < 500 || response.StatusCode == HttpStatusCode.NotImplemented,
                $"{(int)response.StatusCode} for {activity.ToJsonString()[..Math.Min(200, activity.ToJsonString().Length)]}");
            Assert.True(Sql.LastRequest <= MaxSqlCommandsPerTurn, $"{Sql.LastRequest} SQL commands");
            return response.StatusCode;
        }

        var search = Alex.Invoke("application/search", new JsonObject { ["kind"] = "search", ["dataset"] = "clients", ["queryText"] = Words(24 * 1024) });
        Assert.Equal(HttpStatusCode.BadRequest, await Post(search));
        var atCap = Alex.Invoke("application/search", new JsonObject
        {
            ["kind"] = "search",
            ["dataset"] = "clients",
            ["queryText"] = Words(TurnInput.MaxSearchQueryLength),
            ["queryOptions"] = new JsonObject { ["skip"] = int.MaxValue, ["top"] = int.MaxValue },
        });
        Assert.Equal(HttpStatusCode.OK, await Post(atCap));
        Assert.Equal(HttpStatusCode.OK, await Post(Alex.Invoke("application/search", new JsonObject
        {
            ["kind"] = "search",
            ["dataset"] = "clients",
            ["queryText"] = Repeat("a\u0301\u200F ", TurnInput.MaxSearchQueryLength),
        })));

        JsonObject[] invokes =
        [
            Alex.Invoke("adaptiveCard/action", new JsonObject()),
            Alex.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = new string('v', 5000) } }),
            Alex.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "offers.approve", ["data"] = new JsonObject { ["stepId"] = new JsonArray(1, 2), ["offerId"] = "x" } } }),
            Alex.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "offers.refresh", ["data"] = new JsonObject { ["offerId"] = Guid.NewGuid().ToString() } } }),
            Alex.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["verb"] = "renegotiation.answer", ["data"] = new JsonObject { ["consultationId"] = new string('1', 3000) } } }),
            Alex.Invoke("adaptiveCard/action", new JsonObject { ["action"] = new JsonObject { ["verb"] = "offers.approve", ["data"] = new JsonObject { ["x"] = new string('x', 30_000) } } }),
            Alex.Invoke("application/search", new JsonObject { ["dataset"] = new string('d', 5000) }),
            Alex.Invoke("application/search", new JsonObject { ["dataset"] = "clients", ["queryText"] = 42 }),
            Alex.Invoke("composeExtension/query", new JsonObject { ["commandId"] = "x" }),
            Alex.Invoke(new string('n', 200), new JsonObject()),
        ];
        foreach (var invoke in invokes)
        {
            var status = await Post(invoke);
            Assert.True((int)status < 500 || status == HttpStatusCode.NotImplemented, $"{(int)status} for {invoke["name"]}");
        }

        var badChannelData = Alex.Message("ayuda");
        badChannelData["channelData"] = new JsonObject { ["tenant"] = 5, ["team"] = new JsonArray() };
        Assert.Equal(HttpStatusCode.BadRequest, await Post(badChannelData));
        var badMention = Alex.Message("ayuda");
        badMention["entities"] = new JsonArray(new JsonObject { ["type"] = "mention", ["mentioned"] = "SalesBot", ["text"] = 7 });
        Assert.Equal(HttpStatusCode.BadRequest, await Post(badMention));
        var longConversation = new Activities(Connector.ServiceUrl) { ConversationId = new string('c', 5000) }.Message("ayuda");
        Assert.Equal(HttpStatusCode.BadRequest, await Post(longConversation));
        var longUser = new Activities(Connector.ServiceUrl) { UserId = new string('u', 5000), AadObjectId = new string('a', 5000) }.Message("ayuda");
        Assert.Equal(HttpStatusCode.BadRequest, await Post(longUser));
        Assert.Equal(before, await DomainSnapshotAsync());

        // Someone unknown with an absurd name still gets their (audited) language change.
        var longName = new Activities(Connector.ServiceUrl) { UserName = new string('n', 50_000), AadObjectId = null, UserId = "user-id-99" };
        Assert.Contains("English", TextOf(await AnsweredInBoundedWorkAsync(longName.Message("idioma en"))));
        Assert.Equal(1, await Bot.WithDbAsync(db => db.LanguagePreferences.CountAsync(p => p.UserKey == "user-id-99")));
    }

    [Fact]
    public async Task A_malformed_channel_data_is_refused_the_same_on_every_retry()
    {
        var activity = Alex.Message("ayuda");
        activity["channelData"] = new JsonObject { ["channel"] = "general" };
        for (var attempt = 0; attempt < 3; attempt++)
            Assert.Equal(HttpStatusCode.BadRequest, (await Bot.PostAsync(activity)).StatusCode);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.ProcessedActivities.CountAsync(p => p.Key.EndsWith(activity["id"]!.GetValue<string>()))));
    }
}

public sealed class SqliteHostileInputTests : HostileInputTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresHostileInputTests : HostileInputTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
