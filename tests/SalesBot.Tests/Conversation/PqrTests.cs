using System.Net;
using System.Net.Http.Json;
using SalesBot.Features.Clients;

namespace SalesBot.Tests.Conversation;

/// <summary>PQRs through the HTTP API and the chat: registration, routing, the assignee's card, the answer.</summary>
public abstract class PqrTests : IAsyncLifetime
{
    private const string ApiKey = "test-api-key-0123456789";
    private const string Secret = "El cliente reclama un cobro doble en la factura de marzo";
    private TestDatabase _database = null!;
    private FakeConnector _connector = null!;
    private BotHost _bot = null!;
    private Activities _alex = null!;
    private readonly HttpClient _http = new();

    protected abstract Task<TestDatabase> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        _database = await CreateDatabaseAsync();
        _connector = await FakeConnector.StartAsync();
        _bot = BotHost.Start(_database, settings: new Dictionary<string, string?> { ["Pqrs:ApiKey"] = ApiKey });
        _alex = new Activities(_connector.ServiceUrl);
        await using var scope = _bot.Services.CreateAsyncScope();
        var actor = Actor.CommandLine("test");
        Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoOrganization>().ExecuteAsync(actor, default)).Ok);
        Assert.True((await scope.ServiceProvider.GetRequiredService<SeedDemoClients>().ExecuteAsync(actor, default)).Ok);
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _bot.DisposeAsync();
        await _connector.DisposeAsync();
        await _database.DisposeAsync();
    }

    private string ApiUrl(string path = "") => _bot.MessagesUrl.Replace("/api/messages", "/api/pqrs") + path;

    private static string Now(int minutesAgo = 60) =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow.AddMinutes(-minutesAgo), TimeZoneInfo.FindSystemTimeZoneById("America/Bogota")).ToString("yyyy-MM-dd'T'HH:mm");

    private static object Body(string radicado, string nit = "900123456", string type = "reclamo", string? filedAt = null, string description = Secret) =>
        new { radicado, clientNit = nit, type, channel = "email", filedAt = filedAt ?? Now(), description };

    private async Task<HttpResponseMessage> PostAsync(object body, string? key = ApiKey)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiUrl()) { Content = JsonContent.Create(body) };
        if (key is not null) request.Headers.Add("X-Api-Key", key);
        return await _http.SendAsync(request);
    }

    private static async Task<JsonNode> Json(HttpResponseMessage r) => JsonNode.Parse(await r.Content.ReadAsStringAsync())!;

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_the_right_API_key_nothing_is_registered(string? key)
    {
        var response = await PostAsync(Body("R-1"), key);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task A_PQR_is_registered_with_its_legal_due_date_and_routed_to_the_clients_owner()
    {
        var response = await PostAsync(Body("2026-000123", filedAt: "2026-03-27T16:30"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("/api/pqrs/2026-000123", response.Headers.Location!.OriginalString);
        var body = await Json(response);
        Assert.Equal("2026-04-21", body["dueDate"]!.GetValue<string>());
        Assert.Equal("Alex Wilber", body["assignee"]!["name"]!.GetValue<string>());
        Assert.Equal("Ferretería El Sol S.A.S.", body["client"]!["name"]!.GetValue<string>());

        var read = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, ApiUrl("/2026-000123")) { Headers = { { "X-Api-Key", ApiKey } } });
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal("open", (await Json(read))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_same_registration_again_returns_the_existing_PQR_and_a_different_one_is_a_conflict()
    {
        var body = Body("R-2");
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(body)).StatusCode);

        var again = await PostAsync(body);
        var other = await PostAsync(Body("R-2", description: "otra cosa"));

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, other.StatusCode);
        Assert.Equal(409, (await Json(other))["status"]!.GetValue<int>());
        Assert.Equal(1, await _bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task Invalid_registrations_are_validation_problems_naming_each_field()
    {
        var response = await PostAsync(new { radicado = "bad radicado!", clientNit = "900.123.456-7", type = "felicitacion", channel = "fax", filedAt = "2999-01-01T10:00", description = "" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response))["errors"]!.AsObject();
        Assert.Equal(["channel", "description", "filed-at", "nit", "radicado", "type"], errors.Select(e => e.Key).Order());
        Assert.Equal(0, await _bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task Malformed_JSON_and_an_unknown_radicado_get_problem_details()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ApiUrl()) { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Api-Key", ApiKey);
        Assert.Equal(HttpStatusCode.BadRequest, (await _http.SendAsync(request)).StatusCode);

        var missing = await _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, ApiUrl("/NOPE")) { Headers = { { "X-Api-Key", ApiKey } } });
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task The_assignee_gets_a_card_answers_it_on_time_once_and_the_text_never_reaches_the_log()
    {
        await _bot.SendAsync(_alex.Message("hola")); // Alex's chat with the bot exists
        await _connector.WaitForActivitiesAsync(1);
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(Body("R-3"))).StatusCode);

        var card = (await _connector.WaitForActivitiesAsync(2))[1];
        Assert.Equal(_alex.ConversationId, card["conversation"]!["id"]!.GetValue<string>());
        Assert.Contains("PQR R-3", card.Card().AllText());
        Assert.Contains(Secret, card.Card().AllText());

        await _bot.SendAsync(_alex.Submit(new JsonObject { ["command"] = "pqrs.answer", ["pqr"] = "R-3", ["response"] = "Se devuelve el cobro." }));
        await _bot.SendAsync(_alex.Submit(new JsonObject { ["command"] = "pqrs.answer", ["pqr"] = "R-3", ["response"] = "Otra vez." }));
        var replies = await _connector.WaitForActivitiesAsync(4);

        Assert.StartsWith("Respuesta a la PQR R-3 registrada a tiempo", replies[2]["text"]!.GetValue<string>());
        Assert.Equal("La PQR R-3 ya fue respondida. Ábrela con «pqr R-3» para ver la respuesta.", replies[3].Said());
        var pqr = await _bot.WithDbAsync(db => db.Pqrs.SingleAsync(p => p.FilingNumber == "R-3"));
        Assert.True(pqr.AnsweredOnTime);
        Assert.Equal("Se devuelve el cobro.", pqr.Response);
        Assert.DoesNotContain(_bot.Logs, l => l.Message.Contains(Secret) || l.Message.Contains("Se devuelve"));
    }

    [Fact]
    public async Task Only_the_assignee_may_answer()
    {
        await PostAsync(Body("R-4"));
        var megan = new Activities(_connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };

        await _bot.SendAsync(megan.Submit(new JsonObject { ["command"] = "pqrs.answer", ["pqr"] = "R-4", ["response"] = "Yo respondo" }));

        // Someone who may not answer it is told no more than if it did not exist.
        Assert.Contains("No encontré la PQR «R-4»", (await _connector.WaitForActivitiesAsync(1))[0].Said());
        Assert.Null((await _bot.WithDbAsync(db => db.Pqrs.SingleAsync(p => p.FilingNumber == "R-4"))).Response);
    }

    [Fact]
    public async Task PQRs_of_clients_without_an_owner_go_to_the_executives_in_turn()
    {
        await using (var scope = _bot.Services.CreateAsyncScope())
        {
            var admin = Actor.CommandLine("test");
            var add = await scope.ServiceProvider.GetRequiredService<AddPerson>().ExecuteAsync(admin,
                new AddPersonInput("exec-2", "Beatriz Ríos", "beatriz@contoso.example", ["executive"], "Ventas Bogotá", null), default);
            Assert.True(add.Ok);
            var import = await scope.ServiceProvider.GetRequiredService<ImportClients>().ExecuteAsync(admin,
                [(1, new ClientInput("Sin Dueño S.A.", "811222333", "enterprise", "active", null, null, "Cali", null))], default);
            Assert.True(import.Ok);
        }

        var first = await Json(await PostAsync(Body("RR-1", nit: "811222333")));
        var second = await Json(await PostAsync(Body("RR-2", nit: "811222333")));
        var third = await Json(await PostAsync(Body("RR-3", nit: "811222333")));

        var names = new[] { first, second, third }.Select(b => b["assignee"]!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(2, names.Take(2).Distinct().Count());
        Assert.Equal(names[0], names[2]);
    }

    [Fact]
    public async Task A_PQR_is_shown_by_radicado_to_those_who_may_see_it_and_answerable_only_by_its_assignee()
    {
        await PostAsync(Body("R-6"));
        var megan = new Activities(_connector.ServiceUrl) { UserId = "user-id-1", UserName = "Megan Bowen", AadObjectId = "00000000-0000-0000-0000-0000000000021" };
        var diego = new Activities(_connector.ServiceUrl) { UserId = "user-id-2", UserName = "Diego Siciliani", AadObjectId = "00000000-0000-0000-0000-0000000000022" };
        var stranger = new Activities(_connector.ServiceUrl) { AadObjectId = "stranger", UserName = "Pat" };

        await _bot.SendAsync(_alex.Message("pqr R-6"));
        var mine = (await _connector.WaitForActivitiesAsync(1))[0].Card()!;
        await _bot.SendAsync(megan.Message("pqr R-6"));
        var teamLeads = (await _connector.WaitForActivitiesAsync(2))[1].Card()!;
        await _bot.SendAsync(diego.Message("pqr R-6"));
        var directors = (await _connector.WaitForActivitiesAsync(3))[2].Card()!;
        await _bot.SendAsync(stranger.Message("pqr R-6"));
        var strangers = (await _connector.WaitForActivitiesAsync(4))[3];

        static bool Answerable(JsonObject card) => card["body"]!.AsArray().Any(e => e!["id"]?.GetValue<string>() == "response");
        Assert.True(Answerable(mine));
        Assert.False(Answerable(teamLeads));
        Assert.Contains("PQR R-6", directors.AllText());
        Assert.StartsWith("No encontré la PQR «R-6». Revisa cómo se escribe", strangers.Said());
    }

    [Fact]
    public async Task Pqr_vencidas_lists_the_open_PQRs_past_their_due_date()
    {
        await PostAsync(Body("OLD-1", filedAt: "2026-03-27T16:30"));
        await PostAsync(Body("NEW-1"));

        await _bot.SendAsync(_alex.Message("pqr vencidas"));

        var text = (await _connector.WaitForActivitiesAsync(1))[0].Card().AllText();
        Assert.Contains("OLD-1", text);
        Assert.DoesNotContain("NEW-1", text);
    }

    [Theory]
    [InlineData("¿Cuándo vence un reclamo radicado el 27/03/2026?", "martes, 21 de abril de 2026")]
    [InlineData("cuando vence una solicitud de documentos radicada el 2026-12-23", "viernes, 8 de enero de 2027")]
    [InlineData("cuándo vence una petición del 12/01/2026", "lunes, 2 de febrero de 2026")]
    // English writes the month first: 1/12 is 12 January.
    [InlineData("when is a peticion filed on 1/12/2026 due?", "Monday, February 2, 2026", "en-US")]
    [InlineData("when is a reclamo filed on 3/27/2026 due?", "Tuesday, April 21, 2026", "en-US")]
    public async Task The_due_date_question_is_answered_in_chat(string question, string due, string locale = "es-CO")
    {
        await _bot.SendAsync(_alex.Message(question, locale));
        Assert.Contains(due, (await _connector.WaitForActivitiesAsync(1))[0]["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Mis_pqr_lists_my_open_PQRs_with_the_days_left()
    {
        await PostAsync(Body("R-5"));
        await _bot.SendAsync(_alex.Message("mis pqr"));

        var text = (await _connector.WaitForActivitiesAsync(1))[0].Card().AllText();
        Assert.Contains("R-5 · Ferretería El Sol S.A.S.", text);
        Assert.Contains("Vence en", text);
    }
}

public sealed class SqlitePqrTests : PqrTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresPqrTests : PqrTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
