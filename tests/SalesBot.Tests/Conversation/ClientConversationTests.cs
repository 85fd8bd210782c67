using SalesBot.Features.Clients;

namespace SalesBot.Tests.Conversation;

/// <summary>The client portfolio in chat, through the real pipeline, on each database provider.</summary>
public abstract class ClientConversationTests : DemoBotTest
{
    private static JsonObject Form(string name, string nit = "", string segment = "enterprise") => new()
    {
        ["command"] = "clients.create",
        ["name"] = name,
        ["nit"] = nit,
        ["segment"] = segment,
        ["status"] = "prospect",
        ["city"] = "Cali",
        ["contactName"] = "Rosa Díaz",
        ["contactEmail"] = "rosa@azul.example",
    };

    private Task<int> CountAsync(string name) => Bot.WithDbAsync(db => db.Clients.CountAsync(c => c.Name == name));

    [Fact]
    public async Task Nuevo_cliente_opens_the_form_with_the_name_filled_in()
    {
        await Bot.SendAsync(Alex.Message("nuevo cliente Tienda Azul"));

        var card = (await Connector.WaitForActivitiesAsync(1))[0].Card()!;
        var name = card["body"]!.AsArray().First(e => e!["id"]?.GetValue<string>() == "name")!;
        Assert.Equal("Tienda Azul", name["value"]!.GetValue<string>());
        Assert.Contains("Empresarial", card.AllText());
    }

    [Fact]
    public async Task A_submitted_client_is_saved_owned_by_its_creator_and_audited()
    {
        await Bot.SendAsync(Alex.Submit(Form("Tienda Azul", "900.555.111-6")));

        var reply = (await Connector.WaitForActivitiesAsync(1))[0];
        Assert.Equal("Listo: Tienda Azul (NIT 900555111-6) quedó en tu cartera.", reply["text"]!.GetValue<string>());
        var client = await Bot.WithDbAsync(db => db.Clients.Include(c => c.Contacts).SingleAsync(c => c.Name == "Tienda Azul"));
        var alex = await Bot.WithDbAsync(db => db.People.SingleAsync(p => p.AadObjectId == Activities.AlexAad));
        Assert.Equal(alex.Id, client.OwnerId);
        Assert.Equal("Rosa Díaz", Assert.Single(client.Contacts).Name);
        Assert.True(await Bot.WithDbAsync(db => db.AuditLog.AnyAsync(a =>
            a.EntityType == "Client" && a.EntityId == client.Id.ToString() && a.Action == "created" && a.ActorId == Activities.AlexAad)));
    }

    [Fact]
    public async Task A_form_submitted_twice_creates_one_client_and_says_it_exists()
    {
        await Bot.SendAsync(Alex.Submit(Form("Tienda Azul")));
        await Bot.SendAsync(Alex.Submit(Form("Tienda Azul")));

        var replies = await Connector.WaitForActivitiesAsync(2);
        Assert.Contains("Ya existe", replies[1].Card().AllText());
        Assert.Equal(1, await CountAsync("Tienda Azul"));
    }

    [Fact]
    public async Task Bad_data_comes_back_in_the_form_with_the_reason_and_saves_nothing()
    {
        await Bot.SendAsync(Alex.Submit(Form("Tienda Azul", nit: "900.555.111-2")));

        var card = (await Connector.WaitForActivitiesAsync(1))[0].Card()!;
        Assert.Contains("El dato «NIT» no es válido: el dígito de verificación de 900555111 es 6, no 2.", card.AllText());
        Assert.Contains("900.555.111-2", card.AllText());
        Assert.Equal(0, await CountAsync("Tienda Azul"));
    }

    [Fact]
    public async Task The_forms_Action_Execute_shows_bad_data_in_place_and_saves_good_data_with_its_text_in_the_chat()
    {
        static JsonObject Execute(JsonObject form)
        {
            var data = (JsonObject)form.DeepClone();
            data.Remove("command"); // Teams sends the inputs as the action's data, and the name as its verb
            return new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "clients.create", ["data"] = data } };
        }

        var bad = await Bot.PostAsync(Alex.Invoke("adaptiveCard/action", Execute(Form("Tienda Azul", nit: "900.555.111-2"))));
        var badBody = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", badBody["type"]!.GetValue<string>());
        Assert.Contains("el dígito de verificación de 900555111 es 6, no 2", badBody["value"].AllText());
        Assert.Equal(0, await CountAsync("Tienda Azul"));

        var good = await Bot.PostAsync(Alex.Invoke("adaptiveCard/action", Execute(Form("Tienda Azul", nit: "900.555.111-6"))));
        var goodBody = JsonNode.Parse(await good.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.activity.message", "Listo: Tienda Azul (NIT 900555111-6) quedó en tu cartera."),
            (goodBody["type"]!.GetValue<string>(), goodBody["value"]!.GetValue<string>()));
        Assert.Equal("Listo: Tienda Azul (NIT 900555111-6) quedó en tu cartera.", (await Connector.WaitForActivitiesAsync(1))[0]["text"]!.GetValue<string>());
        Assert.Single(Connector.PostedActivities); // the bad data's form answered in place, not in the chat
        Assert.Equal(1, await CountAsync("Tienda Azul"));
    }

    [Fact]
    public async Task An_executive_finds_their_own_clients_and_not_other_peoples()
    {
        await Bot.SendAsync(Alex.Message("buscar cliente ferre"));
        await Bot.SendAsync(Alex.Message("mis clientes"));
        await Bot.SendAsync(Alex.Message("buscar cliente hospital"));

        var cards = (await Connector.WaitForActivitiesAsync(3)).Select(a => a.Card().AllText()).ToList();
        Assert.Contains("Ferretería El Sol S.A.S.", cards[0]);
        Assert.Contains("900123456-8", cards[0]);
        Assert.Contains("3 cliente(s)", cards[1]);
        Assert.DoesNotContain("Hospital San Rafael", cards[1]);
        Assert.Contains("No encontré clientes", cards[2]);
    }

    [Fact]
    public async Task A_team_lead_sees_the_teams_clients()
    {
        await Bot.SendAsync(Megan.Message("mis clientes"));

        var card = (await Connector.WaitForActivitiesAsync(1))[0].Card().AllText();
        Assert.Contains("5 cliente(s)", card); // Alex's three (her team) and her two
    }

    private async Task<List<string>> TypeAheadAsync(Activities who, string text, string dataset = "clients")
    {
        var body = await Bot.SendAsync(who.Invoke("application/search", new JsonObject
        {
            ["kind"] = "search",
            ["queryText"] = text,
            ["dataset"] = dataset,
            ["queryOptions"] = new JsonObject { ["skip"] = 0, ["top"] = 15 },
        }));
        var response = JsonNode.Parse(body)!;
        Assert.Equal("application/vnd.microsoft.search.searchResponse", response["type"]!.GetValue<string>());
        return response["value"]!["results"]!.AsArray().Select(r => r!["title"]!.GetValue<string>()).ToList();
    }

    [Fact]
    public async Task The_type_ahead_client_picker_offers_only_clients_the_user_may_see()
    {
        Assert.Equal(["Ferretería El Sol S.A.S. (Bogotá)"], await TypeAheadAsync(Alex, "ferre"));
        Assert.Empty(await TypeAheadAsync(Alex, "hospital"));
        Assert.Equal(["Hospital San Rafael (Bogotá)"], await TypeAheadAsync(Megan, "hospital"));
        Assert.Equal(3, (await TypeAheadAsync(Alex, "")).Count);
    }

    [Fact]
    public async Task A_type_ahead_for_an_unknown_dataset_is_a_handled_error()
    {
        var body = await Bot.SendAsync(Alex.Invoke("application/search", new JsonObject { ["queryText"] = "x", ["dataset"] = "nope" }));
        Assert.Equal(400, JsonNode.Parse(body)!["statusCode"]!.GetValue<int>());
    }

    [Fact]
    public async Task Someone_the_organisation_does_not_know_cannot_create_clients()
    {
        var stranger = new Activities(Connector.ServiceUrl) { AadObjectId = "stranger", UserName = "Pat" };
        await Bot.SendAsync(stranger.Submit(Form("Tienda Azul")));

        var card = (await Connector.WaitForActivitiesAsync(1))[0].Card()!;
        Assert.Contains("No tienes permiso", card.AllText());
        Assert.Equal(0, await CountAsync("Tienda Azul"));
    }
}

public sealed class SqliteClientConversationTests : ClientConversationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresClientConversationTests : ClientConversationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
