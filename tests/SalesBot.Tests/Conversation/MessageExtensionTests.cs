using System.Net;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// The message extension from invoke activities shaped as Teams sends them
/// (../shared/reference/activities/invoke-composeExtension-query-personal.json): searching clients,
/// deals and PQRs with paging, choosing a result, unfurling a record link, and "Registrar visita" on
/// a message. The answers have the shapes Teams reads; every search and card is only what the user
/// may see, and a card that may land in any conversation carries only the privacy table's fields.
/// </summary>
public abstract class MessageExtensionTests : DemoBotTest
{
    private const string BaseUrl = "https://salesbot.contoso.example";

    protected override Dictionary<string, string?>? Settings => new() { ["Links:BaseUrl"] = BaseUrl };

    /// <summary>Someone Teams knows but SalesBot does not (a guest, or not registered yet).</summary>
    private Activities Stranger => new(Connector.ServiceUrl) { UserId = "guest-1", UserName = "Invitado", AadObjectId = "99999999-0000-0000-0000-000000000001" };

    private static JsonObject Compose(Activities who, string name, JsonObject value, string? conversationId = null)
    {
        var activity = who.Invoke(name, value);
        activity["channelData"] = new JsonObject { ["source"] = new JsonObject { ["name"] = "compose" }, ["tenant"] = new JsonObject { ["id"] = "00000000-0000-0000-0000-0000000000001" } };
        if (conversationId is not null) activity["conversation"]!["id"] = conversationId;
        return activity;
    }

    private static JsonObject Query(string command, string? text, int? skip = null, int? count = null)
    {
        var value = new JsonObject
        {
            ["commandId"] = command,
            ["parameters"] = text is null
                ? new JsonArray(new JsonObject { ["name"] = "initialRun", ["value"] = "true" })
                : new JsonArray(new JsonObject { ["name"] = "q", ["value"] = text }),
        };
        if (skip is not null || count is not null) value["queryOptions"] = new JsonObject { ["skip"] = skip ?? 0, ["count"] = count ?? 25 };
        return value;
    }

    private async Task<JsonObject> InvokeAsync(Activities who, string name, JsonObject value, string? conversationId = null) =>
        JsonNode.Parse(await Bot.SendAsync(Compose(who, name, value, conversationId)))!.AsObject();

    private static JsonArray Attachments(JsonObject response)
    {
        var extension = response["composeExtension"]!;
        Assert.Equal("result", extension["type"]!.GetValue<string>());
        Assert.Equal("list", extension["attachmentLayout"]!.GetValue<string>());
        return extension["attachments"]!.AsArray();
    }

    private static List<string> Titles(JsonObject response) =>
        Attachments(response).Select(a => a!["preview"]!["content"]!["title"]!.GetValue<string>()).ToList();

    private static string Message(JsonObject response)
    {
        Assert.Equal("message", response["composeExtension"]!["type"]!.GetValue<string>());
        return response["composeExtension"]!["text"]!.GetValue<string>();
    }

    private Task<Guid> ClientIdAsync(string name) => Bot.WithDbAsync(db => db.Clients.Where(c => c.Name == name).Select(c => c.Id).SingleAsync());

    [Fact]
    public async Task A_search_lists_only_what_the_user_may_see_with_previews_and_pages_by_skip_and_count()
    {
        var opened = await InvokeAsync(Alex, "composeExtension/query", Query("clientes", null));
        Assert.Equal(["Conjunto Residencial Los Pinos", "Ferretería El Sol S.A.S.", "Plásticos Andinos Ltda."], Titles(opened));

        var first = Attachments(opened)[1]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", first["contentType"]!.GetValue<string>());
        Assert.Equal("application/vnd.microsoft.card.thumbnail", first["preview"]!["contentType"]!.GetValue<string>());
        Assert.Equal("Empresarial · Alex Wilber", first["preview"]!["content"]!["text"]!.GetValue<string>());
        Assert.Null(first["preview"]!["content"]!["images"]);
        var tap = first["preview"]!["content"]!["tap"]!;
        Assert.Equal("invoke", tap["type"]!.GetValue<string>());
        Assert.Equal((await ClientIdAsync("Ferretería El Sol S.A.S.")).ToString("D"), tap["value"]!["id"]!.GetValue<string>());
        Assert.Equal("client", tap["value"]!["kind"]!.GetValue<string>());

        // Paging: Teams asks for the next page with skip.
        Assert.Equal(["Conjunto Residencial Los Pinos", "Ferretería El Sol S.A.S."], Titles(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", 0, 2))));
        Assert.Equal(["Plásticos Andinos Ltda."], Titles(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", 2, 2))));
        Assert.Empty(Titles(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", 4, 2))));

        // Megan's client is not Alex's to see; she leads the team and sees it.
        Assert.Equal("No encontré nada con «hospital».", Message(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "hospital"))));
        Assert.Equal(["Hospital San Rafael"], Titles(await InvokeAsync(Megan, "composeExtension/query", Query("clientes", "hospital"))));
    }

    [Fact]
    public async Task The_inserted_cards_carry_only_what_a_shared_conversation_may_see()
    {
        await SaveElSolDealAsync();
        using (var cli = new CliHarness(Database))
        {
            var (code, output, error) = await cli.Run("import", "pqrs", cli.Csv("""
                radicado,nit,tipo,canal,fecha_radicacion,descripcion
                RAD-MSGEXT-1,900123456,reclamo,email,2026-11-27T10:00,Cobro doble en la factura de octubre
                """));
            Assert.True(code == 0, output + error);
        }

        var client = Attachments(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "ferreteria")))[0]!["content"].AllText();
        Assert.Contains("Ferretería El Sol S.A.S.", client);
        foreach (var secret in new[] { "900.123.456", "900123456", "Carlos Ruiz", "carlos.ruiz@", "555 0101", "Calle 10" })
            Assert.DoesNotContain(secret, client);

        var deal = Attachments(await InvokeAsync(Alex, "composeExtension/query", Query("oportunidades", "suministro")))[0]!["content"]!;
        var dealText = deal.AllText();
        Assert.Contains("Suministro 2027", dealText);
        Assert.Contains("Ferretería El Sol S.A.S.", dealText);
        Assert.Contains("Alex Wilber", dealText);
        Assert.DoesNotContain("900.123.456", dealText);
        // The record's link stays a live link (to copy and paste), unlike any text that came from outside.
        var link = deal.Descendants().Single(n => n["id"]?.GetValue<string>() == "salesbotRecordLink")["text"]!.GetValue<string>();
        Assert.Matches("^\\[Enlace a este registro\\]\\(" + System.Text.RegularExpressions.Regex.Escape(BaseUrl) + "/r/deal/[0-9a-f-]{36}\\)$", link);
        // Its buttons run as whoever clicks: open, log a visit, new offer.
        var buttons = deal["actions"]!.AsArray().Select(a => (a!["type"]!.GetValue<string>(), a["verb"]!.GetValue<string>())).ToList();
        Assert.Equal([("Action.Execute", "opportunities.history"), ("Action.Execute", "visits.logNew"), ("Action.Execute", "offers.new")], buttons);

        // The radicado's start, in any case, on both providers.
        Assert.Equal(["RAD-MSGEXT-1"], Titles(await InvokeAsync(Alex, "composeExtension/query", Query("pqr", "rad-msgext"))));
        var pqr = Attachments(await InvokeAsync(Alex, "composeExtension/query", Query("pqr", "RAD-MSGEXT")))[0]!["content"].AllText();
        Assert.Contains("RAD-MSGEXT-1", pqr);
        Assert.Contains("Reclamo", pqr);
        Assert.DoesNotContain("Cobro doble", pqr);
        Assert.DoesNotContain("Ferretería", pqr);
    }

    [Fact]
    public async Task Choosing_a_result_answers_its_card_authorised_again()
    {
        var mine = await ClientIdAsync("Ferretería El Sol S.A.S.");
        var chosen = await InvokeAsync(Alex, "composeExtension/selectItem", new JsonObject { ["kind"] = "client", ["id"] = mine.ToString("D") });
        var card = Assert.Single(Attachments(chosen))!["content"]!;
        Assert.Equal("Ferretería El Sol S.A.S.", card["body"]![0]!["text"]!.GetValue<string>());

        // An id that is not his (as a forged tap value would be) reveals nothing.
        var megans = await ClientIdAsync("Hospital San Rafael");
        var refused = await InvokeAsync(Alex, "composeExtension/selectItem", new JsonObject { ["kind"] = "client", ["id"] = megans.ToString("D") });
        Assert.Equal("Ese registro ya no está disponible para ti.", Message(refused));

        using var malformed = await Bot.PostAsync(Compose(Alex, "composeExtension/selectItem", new JsonObject { ["kind"] = "planet", ["id"] = "x" }));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
    }

    [Fact]
    public async Task Unregistered_users_and_guests_get_no_results_and_a_hint()
    {
        foreach (var command in new[] { "clientes", "oportunidades", "pqr" })
            Assert.Contains("necesitas estar registrado", Message(await InvokeAsync(Stranger, "composeExtension/query", Query(command, "a"))));
    }

    [Fact]
    public async Task Hostile_queries_are_answered_within_bounds_and_nothing_is_remembered_of_a_chat_the_bot_is_not_in()
    {
        using (var cli = new CliHarness(Database))
        {
            var rows = string.Join("\n", Enumerable.Range(1, 30).Select(i => $"Cliente Paginado {i:00},{900_500_000 + i},enterprise,alexw@contoso.example,Bogotá"));
            var (code, output, error) = await cli.Run("import", "clients", cli.Csv("name,nit,segment,owner_email,city\n" + rows));
            Assert.True(code == 0, output + error);
        }
        var tooLong = await InvokeAsync(Alex, "composeExtension/query", Query("clientes", new string('x', 10_000)));
        Assert.Contains("100", Message(tooLong));
        // 33 clients: a page is never more than 25, whatever is asked; a negative skip is the first page.
        var clamped = await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", -5, 100_000));
        Assert.Equal(25, Titles(clamped).Count);
        Assert.Equal("Cliente Paginado 01", Titles(clamped)[0]);
        Assert.Equal(8, Titles(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", 25, 25))).Count);
        // Past the deepest page the list ends instead of repeating a page.
        Assert.Empty(Titles(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "", 5_000, 25))));
        var nullParameter = Compose(Alex, "composeExtension/query", new JsonObject { ["commandId"] = "clientes", ["parameters"] = new JsonArray(null, new JsonObject { ["name"] = "q", ["value"] = "ferre" }) });
        Assert.Equal(["Ferretería El Sol S.A.S."], Titles(JsonNode.Parse(await Bot.SendAsync(nullParameter))!.AsObject()));

        using var unknown = await Bot.PostAsync(Compose(Alex, "composeExtension/query", Query("planetas", "x")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var wrongShape = Compose(Alex, "composeExtension/query", new JsonObject { ["commandId"] = "clientes", ["parameters"] = "q=x", ["queryOptions"] = "all" });
        using var shape = await Bot.PostAsync(wrongShape);
        Assert.Equal(HttpStatusCode.BadRequest, shape.StatusCode);

        const string peopleChat = "19:alex_diego@unq.gbl.spaces";
        await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "ferreteria"), peopleChat);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.ConversationReferences.CountAsync(r => r.ConversationId == peopleChat)));
    }

    [Fact]
    public async Task A_pasted_record_link_unfurls_for_who_may_see_it_and_names_nothing_for_who_may_not()
    {
        var dealId = await SaveElSolDealAsync();
        var link = $"{BaseUrl}/r/deal/{dealId:D}";

        var unfurled = Assert.Single(Attachments(await InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = link })))!;
        Assert.Equal("Suministro 2027", unfurled["preview"]!["content"]!["title"]!.GetValue<string>());
        var open = unfurled["content"]!["actions"]![0]!;
        Assert.Equal("opportunities.history", open["verb"]!.GetValue<string>());
        Assert.Equal(dealId.ToString("D"), open["data"]!["opportunityId"]!.GetValue<string>());

        var closed = Assert.Single(Attachments(await InvokeAsync(Stranger, "composeExtension/queryLink", new JsonObject { ["url"] = link })))!;
        Assert.Equal("Oportunidad en SalesBot", closed["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Suministro", closed.ToJsonString());
        Assert.Single(closed["content"]!["actions"]!.AsArray());

        // Teams must not cache an unfurl that depends on who pasted the link.
        var policy = (await InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = link }))["composeExtension"]!["suggestedActions"]!["actions"]![0]!;
        Assert.Equal(("setCachePolicy", "{\"type\":\"no-cache\"}"), (policy["type"]!.GetValue<string>(), policy["value"]!.GetValue<string>()));

        // Registered, but not his to see (Megan's client): a card that names nothing.
        var megans = await ClientIdAsync("Hospital San Rafael");
        var notHis = Assert.Single(Attachments(await InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = $"{BaseUrl}/r/client/{megans:D}" })))!;
        Assert.Equal("Cliente en SalesBot", notHis["preview"]!["content"]!["title"]!.GetValue<string>());
        Assert.DoesNotContain("Hospital", notHis.ToJsonString());

        // Not one of ours: no preview at all.
        Assert.Empty(Attachments(await InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = $"https://elsewhere.example/r/deal/{dealId:D}" })));
        Assert.Empty(Attachments(await InvokeAsync(Alex, "composeExtension/queryLink", new JsonObject { ["url"] = $"{BaseUrl}/r/deal/not-an-id" })));

        // The same link in a browser: a page that says to open it in Teams, and nothing of the record.
        using var http = new HttpClient();
        var local = Bot.LocalUrlOf(link);
        using var page = await http.GetAsync(local);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Microsoft Teams", html);
        Assert.DoesNotContain("Suministro", html);
        using var nonsense = await http.GetAsync(local.Replace("/r/deal/", "/r/planet/", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, nonsense.StatusCode);
    }

    [Theory]
    [InlineData("groupChat", "19:ventas-grupo@thread.v2")]
    [InlineData("personal", "19:alex_diego@unq.gbl.spaces")]
    [InlineData("personal", "19:uni01_alexdiego@thread.v2")]
    public async Task A_shared_cards_open_button_sends_the_whole_record_to_the_clickers_1_1_chat(string type, string conversationId)
    {
        await AskAsync(Alex.Message("hola")); // Alex's chat with the bot exists
        var card = Attachments(await InvokeAsync(Alex, "composeExtension/query", Query("clientes", "ferreteria")))[0]!["content"]!;
        var open = card["actions"]![0]!;
        var there = new Activities(Connector.ServiceUrl) { ConversationId = conversationId, ConversationType = type };

        var clicked = JsonNode.Parse(await Bot.SendAsync(there.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = open["verb"]!.GetValue<string>(), ["data"] = open["data"]!.DeepClone() },
            ["trigger"] = "manual",
        })))!;
        Assert.Equal("Te lo envié por chat privado.", clicked["value"]!.GetValue<string>());
        var privately = await NextInAsync(Alex.ConversationId);
        Assert.True(privately.Card().AllText().Contains("900123456-8"), privately.ToJsonString()); // the whole record, NIT included, only in his own chat
        await Bot.WaitForOutboxDrainedAsync();
        // Nothing at all is posted where the card was clicked (the bot may not be there), and that chat is not remembered as one it can write to.
        Assert.DoesNotContain(Connector.PostedActivities, a => a["conversation"]?["id"]?.GetValue<string>() == conversationId);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.ConversationReferences.CountAsync(r => r.ConversationId == conversationId)));
        // His private replies still go to his own chat with the bot afterwards.
        Assert.Equal("personal", await Bot.WithDbAsync(db => db.ConversationReferences.Where(r => r.UserAadObjectId == Activities.AlexAad).OrderByDescending(r => r.UpdatedAt).Select(r => r.ConversationType).FirstAsync()));
    }

    [Fact]
    public async Task Someone_who_never_opened_the_bot_gets_the_record_in_a_1_1_chat_created_from_their_own_id()
    {
        var card = Attachments(await InvokeAsync(Megan, "composeExtension/query", Query("clientes", "hospital")))[0]!["content"]!;
        var open = card["actions"]![0]!;
        var chat = new Activities(Connector.ServiceUrl) { ConversationId = "19:sin-el-bot@thread.v2", ConversationType = "groupChat", UserId = Megan.UserId, UserName = Megan.UserName, AadObjectId = Megan.AadObjectId };
        var clicked = JsonNode.Parse(await Bot.SendAsync(chat.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = open["verb"]!.GetValue<string>(), ["data"] = open["data"]!.DeepClone() },
        })))!;
        Assert.Equal("Te lo envié por chat privado.", clicked["value"]!.GetValue<string>());
        await Bot.WaitForOutboxDrainedAsync();
        // The bot is not in that chat: its roster is not asked; the 1:1 chat is made with her own id.
        Assert.DoesNotContain(Connector.Requests, r => r.RawPath.Contains("sin-el-bot", StringComparison.Ordinal));
        Assert.Contains(Connector.PostedActivities, a => a["conversation"]?["id"]?.GetValue<string>()?.StartsWith("a:created-", StringComparison.Ordinal) == true
            && a.Card().AllText().Contains("Hospital San Rafael"));
    }

    private static JsonObject Action(string? html, JsonObject? data = null, string command = "registrarVisita")
    {
        var value = new JsonObject { ["commandId"] = command, ["commandContext"] = "message" };
        if (html is not null)
            value["messagePayload"] = new JsonObject { ["id"] = "1700000000000", ["body"] = new JsonObject { ["contentType"] = "html", ["content"] = html } };
        if (data is not null) value["data"] = data;
        return value;
    }

    [Fact]
    public async Task Registrar_visita_on_a_message_opens_the_form_with_its_text_and_saves_the_visit()
    {
        await AskAsync(Alex.Message("hola"));
        var fetched = await InvokeAsync(Alex, "composeExtension/fetchTask",
            Action("<p>Reunión con <b>Carlos</b> &amp; equipo</p><p>Pidieron <at>Megan</at> la cotización</p>"));
        var task = fetched["task"]!;
        Assert.Equal("continue", task["type"]!.GetValue<string>());
        Assert.Equal("Registrar visita realizada", task["value"]!["title"]!.GetValue<string>());
        var form = task["value"]!["card"]!["content"]!.AsObject();
        Assert.Equal("application/vnd.microsoft.card.adaptive", task["value"]!["card"]!["contentType"]!.GetValue<string>());
        Assert.Equal("Reunión con Carlos & equipo\nPidieron Megan la cotización", Input(form, "notes")["value"]!.GetValue<string>());
        // A dialog submits: no Action.Execute left in it.
        Assert.DoesNotContain(form.Descendants(), n => n["type"]?.GetValue<string>() == "Action.Execute");
        var save = form.Descendants().First(n => n["type"]?.GetValue<string>() == "Action.Submit");

        // A message of any size fills the notes up to their limit.
        var huge = await InvokeAsync(Alex, "composeExtension/fetchTask", Action("<div>" + string.Concat(Enumerable.Repeat("<span>palabra</span> ", 2_000)) + "</div>"));
        var notes = Input(huge["task"]!["value"]!["card"]!["content"]!.AsObject(), "notes")["value"]!.GetValue<string>();
        Assert.InRange(notes.Length, 1990, 2000); // cut at the field's limit (a trailing space trimmed)
        Assert.StartsWith("palabra palabra", notes);
        Assert.DoesNotContain("<", notes);

        var inputs = save["data"]!.DeepClone().AsObject();
        inputs["notes"] = Input(form, "notes")["value"]!.GetValue<string>();
        inputs["clientQuery"] = "Ferretería El Sol";
        inputs["type"] = "follow-up";
        inputs["date"] = Iso(LocalNow().AddDays(-1), "yyyy-MM-dd");
        inputs["time"] = "10:00";
        inputs["duration"] = "60";

        // Something missing: the form again, in the dialog, saying what.
        var again = await InvokeAsync(Alex, "composeExtension/submitAction", Action(null, inputs.DeepClone().AsObject()));
        Assert.Equal("continue", again["task"]!["type"]!.GetValue<string>());
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Visits.CountAsync()));

        inputs["outcome"] = "interested";
        var saved = await InvokeAsync(Alex, "composeExtension/submitAction", Action(null, inputs));
        Assert.Equal("message", saved["task"]!["type"]!.GetValue<string>());
        Assert.StartsWith("Registré tu visita a Ferretería El Sol S.A.S.", saved["task"]!["value"]!.GetValue<string>());
        var visit = await Bot.WithDbAsync(db => db.Visits.SingleAsync());
        Assert.StartsWith("Reunión con Carlos & equipo", visit.Notes);
        // The outcome is also kept in his 1:1 chat.
        Assert.StartsWith("Registré tu visita a Ferretería El Sol S.A.S.", (await NextInAsync(Alex.ConversationId)).Said());
    }

    [Fact]
    public async Task The_message_action_refuses_unregistered_users_and_unknown_commands()
    {
        var refused = await InvokeAsync(Stranger, "composeExtension/fetchTask", Action("<p>hola</p>"));
        Assert.Equal("message", refused["task"]!["type"]!.GetValue<string>());
        Assert.Contains("necesitas estar registrado", refused["task"]!["value"]!.GetValue<string>());
        using var unknown = await Bot.PostAsync(Compose(Alex, "composeExtension/fetchTask", Action("<p>hola</p>", command: "borrarTodo")));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Visits.CountAsync()));
    }
}

public sealed class SqliteMessageExtensionTests : MessageExtensionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresMessageExtensionTests : MessageExtensionTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
