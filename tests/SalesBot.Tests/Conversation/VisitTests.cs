using System.Net;
using Microsoft.Extensions.Hosting;
using SalesBot.Features.Visits;
using SalesBot.Features.Visits.Conversation;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Visits in chat with the embedded calendar (no Graph): schedule with conflicts shown first, list,
/// log the outcome, plan and compliance, cancel, reminders, and the signed .ics links.
/// </summary>
public abstract class VisitTests : DemoBotTest
{
    private const string SigningKey = "test-signing-key-0123456789-abcdefghij";
    private readonly HttpClient _http = new();

    protected override Dictionary<string, string?> Settings => new()
    {
        ["Visits:PublicBaseUrl"] = "https://salesbot.contoso.example",
        ["Visits:LinkSigningKey"] = SigningKey,
        // The test runs the reminder round itself.
        ["Visits:CheckEvery"] = "1.00:00:00",
    };

    public override async Task DisposeAsync()
    {
        _http.Dispose();
        await base.DisposeAsync();
    }

    private static JsonObject Schedule(DateTimeOffset localStart, string client = "Ferretería El Sol", string duration = "60", bool confirm = false)
    {
        var form = new JsonObject
        {
            ["command"] = "visits.schedule",
            ["clientQuery"] = client,
            ["date"] = Iso(localStart, "yyyy-MM-dd"),
            ["time"] = Iso(localStart, "HH:mm"),
            ["duration"] = duration,
            ["interviewee"] = "Carlos Ruiz",
            ["location"] = "Calle 10 # 20-30",
            ["observations"] = "Llevar la propuesta",
            ["inviteContact"] = "false",
        };
        if (confirm) form["confirmConflicts"] = "true";
        return form;
    }

    private static JsonObject Log(Guid visitId, string outcome = "signed-up") => new()
    {
        ["command"] = "visits.log",
        ["visitId"] = visitId.ToString(),
        ["type"] = "follow-up",
        ["outcome"] = outcome,
        ["notes"] = "Firmó el contrato",
        ["nextStep"] = "Enviar la bienvenida",
        ["nextStepDate"] = Iso(LocalNow().AddDays(3), "yyyy-MM-dd"),
    };

    /// <summary>Tomorrow at 10:00, local: always in the future, never near midnight.</summary>
    private static DateTimeOffset Tomorrow(int hour = 10) => new DateTimeOffset(LocalNow().Date.AddDays(1).AddHours(hour), LocalNow().Offset);

    private Task<List<Visit>> VisitsAsync() => Bot.WithDbAsync(db => db.Visits.OrderBy(v => v.Start).ToListAsync());

    [Fact]
    public async Task A_visit_is_scheduled_from_the_form_and_listed_with_its_ics_link()
    {
        var form = (await AskAsync(Alex.Message("agendar visita Ferretería"))).Card()!;
        Assert.Equal("Ferretería", Input(form, "clientQuery")["value"]!.GetValue<string>());
        Assert.Equal("clients", Input(form, "clientId")["choices.data"]!["dataset"]!.GetValue<string>());

        var reply = await AskAsync(Alex.Submit(Schedule(Tomorrow())));

        Assert.StartsWith("Listo: visita a Ferretería El Sol S.A.S. agendada para el", reply["text"]!.GetValue<string>());
        var visit = Assert.Single(await VisitsAsync());
        Assert.Equal(VisitStatus.Scheduled, visit.Status);
        Assert.Equal(CalendarState.Embedded, visit.CalendarState);
        Assert.Equal(Tomorrow().ToUniversalTime(), visit.Start);
        Assert.Equal(TimeSpan.FromMinutes(60), visit.End - visit.Start);

        var list = (await AskAsync(Alex.Message("mis visitas mañana"))).Card()!;
        Assert.Contains("10:00–11:00 · Ferretería El Sol S.A.S.", list.AllText());
        Assert.Contains("Agendada", list.AllText());
        var ics = list.AllText().Split(" | ").Single(t => t.StartsWith("https://salesbot.contoso.example/visits/", StringComparison.Ordinal));

        var file = await _http.GetAsync(Bot.MessagesUrl.Replace("/api/messages", "") + new Uri(ics).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("text/calendar", file.Content.Headers.ContentType!.MediaType);
        var text = await file.Content.ReadAsStringAsync();
        Assert.Contains("SUMMARY:Visita: Ferretería El Sol S.A.S.", text);
        Assert.Contains("DTSTART:" + visit.Start.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'"), text);

        var forged = await _http.GetAsync(Bot.MessagesUrl.Replace("/api/messages", "") + new Uri(ics).PathAndQuery.Replace("sig=", "sig=x"));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    [Fact]
    public async Task The_same_form_submitted_twice_at_once_makes_one_visit()
    {
        var form = Schedule(Tomorrow());
        await Task.WhenAll(Bot.SendAsync(Alex.Submit((JsonObject)form.DeepClone())), Bot.SendAsync(Alex.Submit((JsonObject)form.DeepClone())));

        Assert.Single(await VisitsAsync());
    }

    [Fact]
    public async Task Logging_a_scheduled_visit_keeps_its_scheduling_notes()
    {
        await AskAsync(Alex.Submit(Schedule(LocalNow().AddMinutes(5))));
        var visit = Assert.Single(await VisitsAsync());

        await AskAsync(Alex.Submit(Log(visit.Id)));

        Assert.Equal("Llevar la propuesta", Assert.Single(await VisitsAsync()).Observations);
    }

    [Fact]
    public async Task Bad_schedules_come_back_with_the_reason_and_save_nothing()
    {
        var past = (await AskAsync(Alex.Submit(Schedule(LocalNow().AddHours(-2))))).Card()!;
        var duration = (await AskAsync(Alex.Submit(Schedule(Tomorrow(), duration: "5")))).Card()!;
        var unknown = (await AskAsync(Alex.Submit(Schedule(Tomorrow(), client: "Cliente Que No Existe")))).Card()!;
        var notMine = (await AskAsync(Alex.Submit(Schedule(Tomorrow(), client: "Hospital San Rafael")))).Card()!; // Megan's client

        Assert.Contains("El dato «Fecha de la visita» no es válido: ya pasó", past.AllText());
        Assert.Contains("El dato «Duración» no es válido: debe estar entre 15 y 720", duration.AllText());
        Assert.Contains("Ningún cliente que puedas ver coincide con «Cliente Que No Existe»", unknown.AllText());
        Assert.Contains("Ningún cliente que puedas ver coincide con «Hospital San Rafael»", notMine.AllText());
        Assert.Empty(await VisitsAsync());
    }

    [Fact]
    public async Task An_overlap_is_shown_before_saving_and_saved_only_when_confirmed_but_the_same_visit_twice_is_refused()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));

        var warned = (await AskAsync(Alex.Submit(Schedule(Tomorrow().AddMinutes(30), client: "Plásticos Andinos")))).Card()!;
        Assert.Contains("Ya tienes algo a esa hora:", warned.AllText());
        Assert.Contains("10:00–11:00", warned.AllText());
        Assert.Contains("Agendar de todos modos", warned.AllText());
        Assert.Single(await VisitsAsync());

        var confirmed = await AskAsync(Alex.Submit(Schedule(Tomorrow().AddMinutes(30), client: "Plásticos Andinos", confirm: true)));
        Assert.StartsWith("Listo: visita a Plásticos Andinos Ltda.", confirmed["text"]!.GetValue<string>());

        var twice = (await AskAsync(Alex.Submit(Schedule(Tomorrow(), confirm: true)))).Card()!;
        Assert.Contains("Ya tienes una visita a Ferretería El Sol S.A.S. a esa misma hora.", twice.AllText());
        Assert.Equal(2, (await VisitsAsync()).Count);
    }

    [Fact]
    public async Task Rescheduling_to_a_past_time_brings_the_form_back_with_the_reason_under_the_visits_client_and_moves_nothing()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var visit = Assert.Single(await VisitsAsync());
        var move = Schedule(LocalNow().AddDays(-1));
        move["visitId"] = visit.Id.ToString();

        var back = (await AskAsync(Alex.Submit(move))).Card()!.AllText();

        Assert.Contains("ya pasó: agenda la visita en una fecha y hora futuras", back);
        Assert.Contains("Ferretería El Sol S.A.S.", back);
        Assert.Equal(visit.Start, Assert.Single(await VisitsAsync()).Start);
    }

    [Fact]
    public async Task The_outcome_is_logged_once_and_compliance_counts_it()
    {
        await AskAsync(Alex.Message("plan de visitas 2"));
        var soon = LocalNow().AddMinutes(5);
        await AskAsync(Alex.Submit(Schedule(soon)));
        var visit = Assert.Single(await VisitsAsync());

        // Five minutes from now is tomorrow from 23:55 on (the suite may run at any hour).
        var list = (await AskAsync(Alex.Message(soon.Date == LocalNow().Date ? "mis visitas hoy" : "mis visitas mañana"))).Card()!;
        Assert.Contains("Registrar resultado", list.AllText());
        var form = (await AskAsync(Alex.Submit(new JsonObject { ["command"] = "visits.logForm", ["visitId"] = visit.Id.ToString() }))).Card()!;
        Assert.Equal("Carlos Ruiz", Input(form, "interviewee")["value"]!.GetValue<string>());
        Assert.DoesNotContain(Inputs(form), i => i["id"]!.GetValue<string>() == "clientId"); // a scheduled visit keeps its client

        var logged = await AskAsync(Alex.Submit(Log(visit.Id)));
        var again = await AskAsync(Alex.Submit(Log(visit.Id, outcome: "interested")));
        var compliance = (await AskAsync(Alex.Message("cumplimiento de visitas"))).Card()!;

        Assert.StartsWith("Registré tu visita a Ferretería El Sol S.A.S.: Vinculación: el cliente firmó. Próximo paso: Enviar la bienvenida", logged["text"]!.GetValue<string>());
        Assert.Equal("Esa visita ya tiene su resultado registrado. Para otra visita al mismo cliente, usa «registrar visita».", again.Said());
        var done = Assert.Single(await VisitsAsync());
        Assert.Equal((VisitStatus.Done, VisitOutcome.SignedUp, VisitType.FollowUp), (done.Status, done.Outcome!.Value, done.Type!.Value));
        Assert.Contains("1 de 2 visitas planeadas: 50 %", compliance.AllText());
    }

    [Fact]
    public async Task A_visit_that_was_never_scheduled_is_logged_after_the_fact_but_not_in_the_future()
    {
        var earlier = LocalNow().AddHours(-3);
        var form = new JsonObject
        {
            ["command"] = "visits.log",
            ["visitId"] = "",
            ["clientQuery"] = "Plásticos Andinos",
            ["date"] = Iso(earlier, "yyyy-MM-dd"),
            ["time"] = Iso(earlier, "HH:mm"),
            ["duration"] = "45",
            ["type"] = "prospecting",
            ["outcome"] = "interested",
        };

        var logged = await AskAsync(Alex.Submit((JsonObject)form.DeepClone()));
        form["date"] = Iso(LocalNow().AddDays(2), "yyyy-MM-dd");
        var future = (await AskAsync(Alex.Submit(form))).Card()!;

        Assert.StartsWith("Registré tu visita a Plásticos Andinos Ltda.: Interesado.", logged["text"]!.GetValue<string>());
        Assert.Contains("El dato «Fecha de la visita» no es válido: no puede estar en el futuro", future.AllText());
        var visit = Assert.Single(await VisitsAsync());
        Assert.Equal(VisitStatus.Done, visit.Status);
    }

    [Fact]
    public async Task A_visit_for_a_client_picked_from_the_list_is_logged_and_a_refused_one_comes_back_with_the_pick_and_the_reason()
    {
        var (andinos, hospital) = await Bot.WithDbAsync(async db => (
            (await db.Clients.SingleAsync(c => c.Name == "Plásticos Andinos Ltda.")).Id,
            (await db.Clients.SingleAsync(c => c.Name == "Hospital San Rafael")).Id)); // Megan's: not Alex's to see
        var earlier = LocalNow().AddHours(-3);
        JsonObject Picked(Guid client, DateTimeOffset at) => new()
        {
            ["command"] = "visits.log",
            ["visitId"] = "",
            ["clientId"] = client.ToString(),
            ["clientQuery"] = "",
            ["date"] = Iso(at, "yyyy-MM-dd"),
            ["time"] = Iso(at, "HH:mm"),
            ["duration"] = "45",
            ["type"] = "prospecting",
            ["outcome"] = "interested",
        };

        var future = (await AskAsync(Alex.Submit(Picked(andinos, LocalNow().AddDays(2))))).Card()!;
        var hidden = (await AskAsync(Alex.Submit(Picked(hospital, earlier)))).Card()!;
        var logged = await AskAsync(Alex.Submit(Picked(andinos, earlier)));

        Assert.Contains("no puede estar en el futuro", future.AllText());
        Assert.Equal(andinos.ToString(), Input(future, "clientId")["value"]!.GetValue<string>());
        Assert.Contains($"No encontré el cliente «{hospital}»", hidden.AllText());
        Assert.DoesNotContain("Hospital San Rafael", hidden.AllText());
        Assert.StartsWith("Registré tu visita a Plásticos Andinos Ltda.: Interesado.", logged["text"]!.GetValue<string>());
        var visit = Assert.Single(await VisitsAsync());
        Assert.Equal((andinos, VisitStatus.Done), (visit.ClientId, visit.Status));
    }

    [Fact]
    public async Task Only_the_owner_and_their_team_lead_change_a_visit()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var visit = Assert.Single(await VisitsAsync());
        var cancel = new JsonObject { ["command"] = "visits.cancel", ["visitId"] = visit.Id.ToString() };

        var peek = await AskAsync(Lynne.Submit(new JsonObject { ["command"] = "visits.logForm", ["visitId"] = visit.Id.ToString() }));
        Assert.StartsWith($"No encontré la visita «{visit.Id}».", peek.Said()); // not even its client's name
        var byLynne = await AskAsync(Lynne.Submit((JsonObject)cancel.DeepClone()));
        Assert.Contains("No tienes permiso", byLynne.Said());
        Assert.Equal(VisitStatus.Scheduled, Assert.Single(await VisitsAsync()).Status);

        var byMegan = await AskAsync(Megan.Submit(cancel));
        Assert.Equal("Cancelé tu visita a Ferretería El Sol S.A.S..", byMegan["text"]!.GetValue<string>());
        Assert.Equal(VisitStatus.Cancelled, Assert.Single(await VisitsAsync()).Status);
        Assert.True(await Bot.WithDbAsync(db => db.AuditLog.AnyAsync(a => a.EntityType == "Visit" && a.ActorName == "Megan Bowen")));
    }

    [Fact]
    public async Task The_lists_cancel_button_writes_through_Action_Execute_and_the_form_buttons_stay_Action_Submit()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));
        var list = (await AskAsync(Alex.Message("mis visitas mañana"))).Card()!;
        var buttons = list.Descendants().Where(o => o["type"]?.GetValue<string>() is "Action.Execute" or "Action.Submit")
            .Where(o => o["title"]?.GetValue<string>() is "Cancelar" or "Reprogramar").ToList();
        var cancel = Assert.Single(buttons, b => b["title"]!.GetValue<string>() == "Cancelar" && b["type"]!.GetValue<string>() == "Action.Execute");
        Assert.Equal("visits.cancel", cancel["verb"]!.GetValue<string>());
        Assert.Equal("visits.cancel", cancel["fallback"]!["data"]!["command"]!.GetValue<string>());
        Assert.Contains(buttons, b => b["title"]!.GetValue<string>() == "Reprogramar" && b["type"]!.GetValue<string>() == "Action.Submit");

        var clicked = await Bot.PostAsync(Alex.Invoke("adaptiveCard/action", new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "visits.cancel", ["data"] = cancel["data"]!.DeepClone() },
        }));

        var answer = JsonNode.Parse(await clicked.Content.ReadAsStringAsync())!;
        Assert.Equal(("application/vnd.microsoft.activity.message", "Cancelé tu visita a Ferretería El Sol S.A.S.."),
            (answer["type"]!.GetValue<string>(), answer["value"]!.GetValue<string>()));
        Assert.Equal(VisitStatus.Cancelled, Assert.Single(await VisitsAsync()).Status);
    }

    [Fact]
    public async Task A_team_lead_sees_the_team_visits_and_sets_a_members_plan()
    {
        await AskAsync(Alex.Submit(Schedule(Tomorrow())));

        var team = (await AskAsync(Megan.Message("visitas del equipo mañana"))).Card()!;
        var plan = await AskAsync(Megan.Message("plan de visitas 12 Alex Wilber"));
        var byAlex = await AskAsync(Alex.Message("visitas del equipo"));

        Assert.Contains("Alex Wilber", team.AllText());
        Assert.Contains("Ferretería El Sol S.A.S.", team.AllText());
        Assert.StartsWith("Plan de Alex Wilber para", plan["text"]!.GetValue<string>());
        Assert.Contains("No tienes permiso", byAlex.Said());
        Assert.Equal(12, await Bot.WithDbAsync(db => db.VisitPlans.Select(p => p.Planned).SingleAsync()));
    }

    [Fact]
    public async Task The_owner_is_reminded_once_before_the_visit_and_asked_the_day_after_how_it_went()
    {
        await AskAsync(Alex.Message("hola")); // Alex's chat with the bot exists
        await AskAsync(Alex.Submit(Schedule(LocalNow().AddMinutes(30))));
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            // A visit from yesterday still unlogged: scheduling refuses the past, so it goes in directly.
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>();
            var alex = await db.People.SingleAsync(p => p.Name == "Alex Wilber");
            var client = await db.Clients.SingleAsync(c => c.Name == "Plásticos Andinos Ltda.");
            var yesterday = DateTimeOffset.UtcNow.AddDays(-1);
            db.Visits.Add(Visit.Schedule(alex.Id, client.Id, yesterday.AddHours(-1), yesterday, new VisitDetails(null, null, null, null), null, false, yesterday.AddDays(-2)));
            await db.SaveChangesAsync();
        }
        var reminders = Bot.Services.GetServices<IHostedService>().OfType<Features.Visits.VisitReminders>().Single();

        Assert.Equal(2, await reminders.RunOnceAsync(default));
        Assert.Equal(0, await reminders.RunOnceAsync(default));

        var first = await NextInAsync(Alex.ConversationId);
        var second = await NextInAsync(Alex.ConversationId);
        var texts = first.AllText() + " || " + second.AllText();
        Assert.Contains("⏰ A las", texts);
        Assert.Contains("Ferretería El Sol S.A.S. (Calle 10 # 20-30), con Carlos Ruiz", texts);
        Assert.Contains("¿Cómo te fue en tu visita a Plásticos Andinos Ltda.?", texts);
        Assert.Contains("Registrar resultado", texts);
    }
}

public sealed class SqliteVisitTests : VisitTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresVisitTests : VisitTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
