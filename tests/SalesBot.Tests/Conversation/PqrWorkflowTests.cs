using System.Globalization;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// PQRs in chat beyond the API: customer service registers them from the form (with the client
/// picker's search fallback), team leads reassign them, and everyone sees the timeliness indicator.
/// </summary>
public abstract class PqrWorkflowTests : DemoBotTest
{
    private static JsonObject Form(string radicado, string? clientQuery = "Ferretería El Sol", string type = "reclamo",
        string? date = null, string? time = null, string description = "Cobro doble en la factura") => new()
        {
            ["command"] = "pqrs.register",
            ["radicado"] = radicado,
            ["clientQuery"] = clientQuery,
            ["type"] = type,
            ["channel"] = "office",
            ["filedDate"] = date ?? LocalNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["filedTime"] = time ?? LocalNow().AddMinutes(-5).ToString("HH:mm", CultureInfo.InvariantCulture),
            ["description"] = description,
        };

    [Fact]
    public async Task Customer_service_registers_a_PQR_from_the_form_and_its_assignee_gets_the_card_once()
    {
        await AskAsync(Alex.Message("hola")); // Alex's chat with the bot exists

        var form = (await AskAsync(Lynne.Message("nueva pqr"))).Card()!;
        Assert.Equal(["radicado", "clientId", "clientQuery", "type", "channel", "filedDate", "filedTime", "description"],
            Inputs(form).Select(i => i["id"]!.GetValue<string>()));
        var picker = Inputs(form).Single(i => i["id"]!.GetValue<string>() == "clientId");
        Assert.Equal("clients", picker["choices.data"]!["dataset"]!.GetValue<string>()); // Teams' type-ahead
        Assert.Contains("Ferretería El Sol S.A.S. (Bogotá)", picker["choices"]!.AllText()); // the plain list elsewhere

        var registered = await AskAsync(Lynne.Submit(Form("F-1")));
        Assert.StartsWith("Registré la PQR F-1 de Ferretería El Sol S.A.S.: Reclamo, vence el", registered["text"]!.GetValue<string>());
        Assert.Contains("Se asignó a Alex Wilber", registered["text"]!.GetValue<string>());
        var card = await NextInAsync(Alex.ConversationId);
        Assert.Contains("PQR F-1", card.Card().AllText());

        var again = await AskAsync(Lynne.Submit(Form("F-1")));
        Assert.StartsWith("La PQR F-1 de Ferretería El Sol S.A.S. ya estaba registrada", again["text"]!.GetValue<string>());
        await Bot.WaitForOutboxDrainedAsync();
        Assert.Equal(Taken, Connector.PostedActivities.Count); // no second card to Alex
        Assert.Equal(1, await Bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task Several_clients_matching_the_typed_name_bring_the_form_back_with_them_to_choose_from()
    {
        var back = (await AskAsync(Lynne.Submit(Form("F-2", clientQuery: "ra")))).Card()!;

        Assert.Contains("2 clientes coinciden con «ra»: elige uno en la lista.", back.AllText());
        var choices = Inputs(back).Single(i => i["id"]!.GetValue<string>() == "clientId")["choices"]!.AsArray();
        Assert.Equal(["Distribuidora La Luna (Medellín)", "Hospital San Rafael (Bogotá)"], choices.Select(c => c!["title"]!.GetValue<string>()));
        Assert.Equal("F-2", Inputs(back).Single(i => i["id"]!.GetValue<string>() == "radicado")["value"]!.GetValue<string>());
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Pqrs.CountAsync()));

        // Picking from the list (the query box comes back empty).
        var hospital = choices.Single(c => c!["title"]!.GetValue<string>().StartsWith("Hospital", StringComparison.Ordinal))!["value"]!.GetValue<string>();
        var pick = Form("F-2", clientQuery: null);
        pick["clientId"] = hospital;
        var registered = await AskAsync(Lynne.Submit(pick));

        Assert.StartsWith("Registré la PQR F-2 de Hospital San Rafael", registered["text"]!.GetValue<string>());
        Assert.Contains("Megan Bowen", registered["text"]!.GetValue<string>()); // the hospital's owner
    }

    [Fact]
    public async Task A_bad_form_comes_back_with_every_reason_and_nothing_is_registered()
    {
        var tomorrow = LocalNow().AddDays(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var back = (await AskAsync(Lynne.Submit(Form("no vale!", type: "felicitacion", date: tomorrow, description: "")))).Card()!;
        var unknown = (await AskAsync(Lynne.Submit(Form("F-3", clientQuery: "no existe ningun cliente asi")))).Card()!;
        var notPicked = (await AskAsync(Lynne.Submit(Form("F-3", clientQuery: null)))).Card()!;
        var forged = Form("F-3", clientQuery: null);
        forged["clientId"] = "not-a-guid";
        var forgedReply = (await AskAsync(Lynne.Submit(forged))).Card()!;

        var text = back.AllText();
        Assert.Contains("El dato «Radicado» no es válido", text);
        Assert.Contains("El dato «Tipo» no es válido", text);
        Assert.Contains("El dato «Fecha de radicación» no es válido", text);
        Assert.Contains("El dato «Descripción» no es válido", text);
        Assert.Contains("Ningún cliente que puedas ver coincide con «no existe ningun cliente asi»", unknown.AllText());
        Assert.Contains("Elige el cliente en la lista o escribe su nombre o NIT.", notPicked.AllText());
        Assert.Contains("No encontré el cliente «not-a-guid».", forgedReply.AllText());
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task Only_customer_service_and_administrators_register_PQRs()
    {
        var reply = await AskAsync(Alex.Message("nueva pqr"));
        var forced = await AskAsync(Alex.Submit(Form("F-4")));

        Assert.StartsWith("Las PQR las registra Servicio al Cliente.", reply["text"]!.GetValue<string>());
        Assert.Contains("No tienes permiso", forced.Card().AllText());
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Pqrs.CountAsync()));
    }

    [Fact]
    public async Task The_team_lead_reassigns_a_PQR_of_the_team_and_the_new_assignee_is_told()
    {
        await AskAsync(Megan.Message("hola"));
        await AskAsync(Lynne.Submit(Form("F-5"))); // Alex's client; Alex has no chat yet, so no card
        var meganId = await Bot.WithDbAsync(db => db.People.Where(p => p.Name == "Megan Bowen").Select(p => p.Id).SingleAsync());

        var card = (await AskAsync(Megan.Message("pqr F-5"))).Card()!;
        var assignee = Inputs(card).Single(i => i["id"]!.GetValue<string>() == "assignee");
        Assert.Equal(["Megan Bowen"], assignee["choices"]!.AsArray().Select(c => c!["title"]!.GetValue<string>()));
        Assert.DoesNotContain(Inputs(card), i => i["id"]!.GetValue<string>() == "response");

        var byAlex = await AskAsync(Alex.Submit(new JsonObject { ["command"] = "pqrs.reassign", ["pqr"] = "F-5", ["assignee"] = meganId.ToString() }));
        // Someone who may not reassign it is told no more than if it did not exist.
        Assert.Contains("No encontré la PQR «F-5»", byAlex.Said());

        // Megan gives it to herself: the confirmation and the assignee's card both come to her chat.
        var first = await AskAsync(Megan.Submit(new JsonObject { ["command"] = "pqrs.reassign", ["pqr"] = "F-5", ["assignee"] = meganId.ToString() }));
        var second = await NextInAsync(Megan.ConversationId);
        var done = first.Card() is null ? first : second;
        var told = first.Card() is null ? second : first;
        Assert.StartsWith("La PQR F-5 quedó asignada a Megan Bowen", done["text"]!.GetValue<string>());
        Assert.Contains("PQR F-5", told.Card().AllText());

        var twice = await AskAsync(Megan.Submit(new JsonObject { ["command"] = "pqrs.reassign", ["pqr"] = "F-5", ["assignee"] = meganId.ToString() }));
        Assert.Equal("La PQR F-5 ya está asignada a Megan Bowen. Elige a otra persona del equipo.", twice.Said());
        var pqr = await Bot.WithDbAsync(db => db.Pqrs.SingleAsync(p => p.FilingNumber == "F-5"));
        Assert.Equal(meganId, pqr.AssigneeId);
        Assert.True(await Bot.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == "Pqr" && a.ActorName == "Megan Bowen")));
    }

    [Fact]
    public async Task A_team_lead_cannot_reassign_outside_the_team()
    {
        await AskAsync(Lynne.Submit(Form("F-6")));
        var lynneId = await Bot.WithDbAsync(db => db.People.Where(p => p.Name == "Lynne Robbins").Select(p => p.Id).SingleAsync());

        var reply = await AskAsync(Megan.Submit(new JsonObject { ["command"] = "pqrs.reassign", ["pqr"] = "F-6", ["assignee"] = lynneId.ToString() }));

        Assert.StartsWith("El dato «Responsable» no es válido", reply["text"]!.GetValue<string>());
        Assert.Equal("Alex Wilber", await Bot.WithDbAsync(db => db.Pqrs.Where(p => p.FilingNumber == "F-6")
            .Select(p => db.People.Where(x => x.Id == p.AssigneeId).Select(x => x.Name).Single()).SingleAsync()));
    }

    [Fact]
    public async Task Timeliness_counts_answered_on_time_over_due_per_person_and_team()
    {
        // Due in April 2026 and never answered: overdue. Filed now and answered now: on time, due in a later month.
        await AskAsync(Lynne.Submit(Form("T-OLD", date: "2026-03-27", time: "16:30")));
        await AskAsync(Lynne.Submit(Form("T-NEW")));
        await AskAsync(Alex.Submit(new JsonObject { ["command"] = "pqrs.answer", ["pqr"] = "T-NEW", ["response"] = "Resuelto." }));
        var due = await Bot.WithDbAsync(db => db.Pqrs.Where(p => p.FilingNumber == "T-NEW").Select(p => p.DueDate).SingleAsync());

        var april = (await AskAsync(Alex.Message("indicador pqr 2026-04"))).Card().AllText();
        var dueMonth = (await AskAsync(Alex.Message($"indicador pqr {due:yyyy-MM}"))).Card().AllText();
        var lead = (await AskAsync(Megan.Message($"indicador pqr {due:yyyy-MM}"))).Card().AllText();
        var unclear = await AskAsync(Alex.Message("indicador pqr cuando quieras"));

        Assert.Contains("0 de 1 respondidas a tiempo: 0 %", april);
        Assert.Contains("0 tarde · 1 vencidas sin respuesta · 0 aún en término", april);
        Assert.Contains("1 de 1 respondidas a tiempo: 100 %", dueMonth);
        Assert.Contains("Alex Wilber", lead);
        Assert.Contains("1/1 · 100 %", lead);
        Assert.StartsWith("¿De qué periodo?", unclear["text"]!.GetValue<string>());
    }
}

public sealed class SqlitePqrWorkflowTests : PqrWorkflowTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresPqrWorkflowTests : PqrWorkflowTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
