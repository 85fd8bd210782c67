using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesBot.Features.Offers;
using SalesBot.Features.Offers.Conversation;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Tests.Conversation;

/// <summary>
/// Offers through the real HTTP pipeline: submit, the chain from the policy, each approver's card,
/// decisions by Action.Execute (and the Action.Submit fallback), exactly once under parallel clicks,
/// nobody deciding what is not theirs, and every copy of the card updated.
/// </summary>
/// <summary>The demo people with chats open, and helpers to make a deal, submit an offer and click its card.</summary>
public abstract class OfferApprovalTestsBase : DemoBotTest
{
    protected Activities Isaiah { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Isaiah = new Activities(Connector.ServiceUrl) { UserId = "user-id-3", UserName = "Isaiah Langer", AadObjectId = "00000000-0000-0000-0000-0000000000023" };
        // Everyone has opened the bot: their personal chats exist.
        foreach (var person in new[] { Alex, Megan, Diego, Isaiah }) await AskAsync(person.Message("hola"));
    }

    protected Task<Guid> DealAsync() => SaveElSolDealAsync();

    protected static JsonObject Offer(Guid deal, string unitPrice = "600.000", string discount = "0", string risk = "low") => new()
    {
        ["command"] = "offers.submit",
        ["opportunityId"] = deal.ToString(),
        ["line1Description"] = "Suministro de energía",
        ["line1Quantity"] = "40",
        ["line1UnitPrice"] = unitPrice,
        ["line1Months"] = "24",
        ["discount"] = discount,
        ["risk"] = risk,
        ["validUntil"] = Iso(LocalNow().AddDays(30), "yyyy-MM-dd"),
    };

    protected static JsonObject Execute(string verb, Guid stepId, string? comment = null)
    {
        var data = new JsonObject { ["stepId"] = stepId.ToString() };
        if (comment is not null) data["comment"] = comment;
        return new JsonObject { ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = verb, ["data"] = data }, ["trigger"] = "manual" };
    }

    protected async Task<JsonObject> InvokeAsync(Activities who, JsonObject value)
    {
        var response = await Bot.PostAsync(who.Invoke("adaptiveCard/action", value));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    protected Task<List<ApprovalStep>> StepsAsync() => Bot.WithDbAsync(db => db.ApprovalSteps.OrderBy(s => s.Order).ToListAsync());

}

public abstract class OfferApprovalTests : OfferApprovalTestsBase
{
    [Fact]
    public async Task A_three_step_chain_asks_each_approver_in_turn_and_tells_the_requester_each_time()
    {
        var deal = await DealAsync();
        // 40 x 600.000 x 24 = 576.000.000: team lead, commercial director, general director.
        var submitted = await AskAsync(Alex.Submit(Offer(deal)));
        Assert.Equal("Oferta v1 ($ 576.000.000) enviada a aprobación: Megan Bowen (Responsable de equipo (Vo.Bo.)) → Diego Siciliani (Director comercial) → Isaiah Langer (Director general).",
            submitted["text"]!.GetValue<string>());

        var toMegan = await NextInAsync(Megan.ConversationId);
        Assert.Contains("Esperando a Megan Bowen", toMegan.Card().AllText());
        Assert.Contains("Aprobar", toMegan.Card().AllText());
        var steps = await StepsAsync();
        Assert.Equal([StepStatus.Pending, StepStatus.Waiting, StepStatus.Waiting], steps.Select(s => s.Status));

        var meganCard = await InvokeAsync(Megan, Execute("offers.approve", steps[0].Id));
        Assert.Equal("application/vnd.microsoft.card.adaptive", meganCard["type"]!.GetValue<string>());
        Assert.Contains("Esperando a Diego Siciliani", meganCard["value"].AllText());
        Assert.DoesNotContain("\"offers.approve\"", meganCard["value"]!.ToJsonString()); // read-only for her now
        Assert.StartsWith("Megan Bowen aprobó tu oferta v1; ahora la revisa Diego Siciliani.", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
        var toDiego = await NextInAsync(Diego.ConversationId);
        Assert.Contains("Aprobar", toDiego.Card().AllText());

        await InvokeAsync(Diego, Execute("offers.approve", steps[1].Id));
        Assert.StartsWith("Diego Siciliani aprobó tu oferta v1; ahora la revisa Isaiah Langer.", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
        await NextInAsync(Isaiah.ConversationId);
        var isaiahCard = await InvokeAsync(Isaiah, Execute("offers.approve", steps[2].Id));

        Assert.Contains("Aprobada: puede enviarse al cliente", isaiahCard["value"].AllText());
        Assert.StartsWith("Isaiah Langer aprobó tu oferta v1: quedó aprobada", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
        Assert.Equal(OfferStatus.Approved, await Bot.WithDbAsync(db => db.Offers.Select(o => o.Status).SingleAsync()));
        var history = (await AskAsync(Alex.Message("oferta suministro"))).Card().AllText();
        Assert.Contains("1. Responsable de equipo (Vo.Bo.) · Megan Bowen · aprobó", history);
        Assert.Contains("3. Director general · Isaiah Langer · aprobó", history);
    }

    [Fact]
    public async Task Parallel_clicks_record_one_decision_and_the_others_see_the_current_state()
    {
        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000"))); // 96 M: team lead only
        await NextInAsync(Megan.ConversationId);
        var step = (await StepsAsync()).Single();

        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => InvokeAsync(Megan, Execute("offers.approve", step.Id))));

        Assert.All(clicks, c => Assert.Contains("Aprobada: puede enviarse al cliente", c["value"].AllText()));
        Assert.Equal(3, clicks.Count(c => c["value"].AllText().Contains("Este paso ya se decidió")));
        await Bot.WaitForOutboxDrainedAsync();
        var toAlex = Connector.PostedActivities.Where(a => a["conversation"]!["id"]!.GetValue<string>() == Alex.ConversationId && a["text"]?.GetValue<string>()?.Contains("aprobó tu oferta") == true);
        Assert.Single(toAlex);
        Assert.Equal(1, await Bot.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == "ApprovalStep" && a.Action == "updated" && a.ActorName == "Megan Bowen")));
    }

    [Fact]
    public async Task Nobody_decides_a_step_that_is_not_theirs_and_reject_needs_a_comment()
    {
        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000")));
        await NextInAsync(Megan.ConversationId);
        var step = (await StepsAsync()).Single();

        var byAlex = await InvokeAsync(Alex, Execute("offers.approve", step.Id));
        var byDiego = await InvokeAsync(Diego, Execute("offers.reject", step.Id, "no"));
        var noComment = await InvokeAsync(Megan, Execute("offers.reject", step.Id));

        Assert.Contains("No te corresponde decidir este paso: no cambié nada.", byAlex["value"].AllText());
        Assert.Contains("No te corresponde decidir este paso", byDiego["value"].AllText());
        Assert.Contains("es obligatorio para rechazar o pedir cambios", noComment["value"].AllText());
        Assert.Contains("\"offers.reject\"", noComment["value"]!.ToJsonString()); // still Megan's to decide
        Assert.Equal(StepStatus.Pending, (await StepsAsync()).Single().Status);

        var changes = await AskAsync(Megan.Submit(new JsonObject { ["command"] = "offers.changes", ["stepId"] = step.Id.ToString(), ["comment"] = "Baja el precio" }));
        Assert.Equal("Listo, registré tu decisión.", changes["text"]!.GetValue<string>());
        Assert.StartsWith("Megan Bowen pidió cambios en tu oferta v1: «Baja el precio».", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
        Assert.Equal(OfferStatus.ChangesRequested, await Bot.WithDbAsync(db => db.Offers.Select(o => o.Status).SingleAsync()));

        var second = await AskAsync(Alex.Submit(Offer(deal, unitPrice: "90.000")));
        Assert.StartsWith("Oferta v2", second["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task After_a_decision_the_newest_copy_in_each_conversation_is_updated_in_place()
    {
        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "200.000"))); // 192 M: team lead, commercial director
        await NextInAsync(Megan.ConversationId);
        await AskAsync(Megan.Message("mis aprobaciones")); // a second copy, shown in a turn
        await Bot.WaitForOutboxDrainedAsync();
        var step = (await StepsAsync())[0];

        await InvokeAsync(Megan, Execute("offers.approve", step.Id));
        await Bot.WaitForOutboxDrainedAsync();

        // One tracked copy per conversation: the newest (shown by "mis aprobaciones") is updated in place;
        // the older one brings itself up to date through its refresh when opened.
        var put = Connector.Requests.Where(r => r.Method == "PUT" && r.RawPath.Contains(Uri.EscapeDataString(Megan.ConversationId), StringComparison.Ordinal)).ToList();
        Assert.Equal(1, put.Count(r => r.Body.Contains("Esperando a Diego Siciliani")));

        Assert.DoesNotContain(Connector.Requests, r => r.Body.Contains("offer:" + step.OfferId.ToString("N"))); // the tracking key is never sent to Teams
    }

    [Fact]
    public async Task A_team_leads_own_offer_goes_to_their_manager_never_to_themself()
    {
        await AskAsync(Megan.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Hospital San Rafael",
            ["title"] = "Hospital 2027",
            ["seats"] = "10",
            ["unitValue"] = "100.000",
            ["contractMonths"] = "12",
        }));
        var deal = await Bot.WithDbAsync(db => db.Opportunities.Select(o => o.Id).SingleAsync());

        var submitted = await AskAsync(Megan.Submit(Offer(deal, unitPrice: "100.000")));

        Assert.Contains("Diego Siciliani", submitted["text"]!.GetValue<string>());
        Assert.DoesNotContain("Megan Bowen (", submitted["text"]!.GetValue<string>());
        Assert.Equal("self", (await StepsAsync()).Single().RoutedBecause);
    }
}

/// <summary>Delegation, reminders and escalation (the daily job on a fake clock), and the client's answer.</summary>
public abstract class OfferFollowUpTests : OfferApprovalTestsBase
{
    [Fact]
    public async Task While_the_team_lead_is_away_the_deputy_decides()
    {
        var until = LocalNow().AddDays(5);
        var delegated = await AskAsync(Megan.Message($"delegar aprobaciones en Diego Siciliani hasta {until:dd/MM/yyyy}"));
        Assert.StartsWith("Listo: hasta el", delegated["text"]!.GetValue<string>());

        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000")));
        var step = (await StepsAsync()).Single();
        Assert.Equal("deputy", step.RoutedBecause);
        Assert.Contains("Esperando a Diego Siciliani", (await NextInAsync(Diego.ConversationId)).Card().AllText());

        var byMegan = await InvokeAsync(Megan, Execute("offers.approve", step.Id));
        Assert.Contains("No te corresponde decidir este paso", byMegan["value"].AllText());
        var back = await AskAsync(Megan.Message("ya volví"));
        Assert.Equal("Bienvenido de vuelta: las aprobaciones vuelven a llegarte a ti.", back["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_approver_without_a_chat_gets_one_created_through_a_team_the_bot_shares_with_them()
    {
        var channel = new Activities(Connector.ServiceUrl) { ConversationType = "channel", ConversationId = "19:ventas@thread.tacv2" };
        await AskAsync(channel.Message("ayuda")); // the bot is in a team channel
        await AskAsync(Megan.Message($"delegar aprobaciones en Adele Vance hasta {LocalNow().AddDays(3):dd/MM/yyyy}")); // Adele never opened the bot
        var deal = await DealAsync();

        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000")));
        await Bot.WaitForOutboxDrainedAsync();

        var member = Connector.Requests.Single(r => r.Method == "GET" && r.RawPath.Contains("/members/", StringComparison.Ordinal));
        Assert.EndsWith("/v3/conversations/" + Uri.EscapeDataString("19:ventas@thread.tacv2") + "/members/00000000-0000-0000-0000-0000000000025", member.RawPath);
        var create = Connector.Requests.Single(r => r.Method == "POST" && r.RawPath.EndsWith("/v3/conversations", StringComparison.Ordinal));
        var parameters = JsonNode.Parse(create.Body)!;
        Assert.Equal("29:member", parameters["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal("00000000-0000-0000-0000-0000000000001", parameters["tenantId"]!.GetValue<string>());
        var card = Connector.PostedActivities.Single(a => a["conversation"]!["id"]!.GetValue<string>().StartsWith("a:created-", StringComparison.Ordinal));
        Assert.Contains("Esperando a Adele Vance", card.Card().AllText());
        Assert.Equal(card["conversation"]!["id"]!.GetValue<string>(), await Bot.WithDbAsync(db => db.SentCards.Select(c => c.ConversationId).SingleAsync()));
    }

    [Fact]
    public async Task A_pending_step_is_reminded_once_a_day_and_escalated_to_the_approvers_manager()
    {
        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000")));
        await NextInAsync(Megan.ConversationId);
        var asked = (await StepsAsync()).Single().AskedAt!.Value;
        var calendar = Bot.Services.GetRequiredService<BusinessCalendar>();
        var askedOn = calendar.LocalDate(asked);
        var clock = new FakeTimeProvider(asked);

        async Task RunOn(DateOnly day)
        {
            clock.SetUtcNow(calendar.At(day, new TimeOnly(9, 0)));
            await using var scope = Bot.Services.CreateAsyncScope();
            await ActivatorUtilities.CreateInstance<ApprovalReminders>(scope.ServiceProvider, clock).RunAsync(day, default); // the job, on the test's clock
            await scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>().SaveChangesAsync();
        }

        await RunOn(calendar.AddBusinessDays(askedOn, 1));
        await RunOn(calendar.AddBusinessDays(askedOn, 1)); // same day: no second reminder
        var reminder = await NextInAsync(Megan.ConversationId);
        Assert.Equal("Recordatorio: la oferta v1 espera tu decisión desde hace 1 días hábiles.", reminder["text"]!.GetValue<string>());
        await Bot.WaitForOutboxDrainedAsync();
        Assert.DoesNotContain(Connector.PostedActivities.Skip(Taken), a => a["conversation"]!["id"]!.GetValue<string>() == Megan.ConversationId);

        await RunOn(calendar.AddBusinessDays(askedOn, 3));
        var step = (await StepsAsync()).Single();
        Assert.Equal(("escalated", await Bot.WithDbAsync(db => db.People.Where(p => p.Name == "Diego Siciliani").Select(p => p.Id).SingleAsync())),
            (step.RoutedBecause!, step.ApproverId));
        Assert.Contains("Esperando a Diego Siciliani", (await NextInAsync(Diego.ConversationId)).Card().AllText());
        Assert.Contains("la pasé a Diego Siciliani", await NextTextAsync(Alex.ConversationId, "la pasé"));
    }

    [Fact]
    public async Task The_clients_answer_wins_the_deal_or_keeps_it_open_with_the_reason()
    {
        var deal = await DealAsync();
        await AskAsync(Alex.Submit(Offer(deal, unitPrice: "100.000")));
        await InvokeAsync(Megan, Execute("offers.approve", (await StepsAsync()).Single().Id, "Buen margen"));
        await NextTextAsync(Alex.ConversationId, "aprobó tu oferta");

        var tooEarly = await AskAsync(Alex.Message("oferta aceptada suministro"));
        // Not a dead end: what to do next, and the button that does it (it sends the command as Alex's own message).
        var refusal = tooEarly.Card()!;
        Assert.Equal("La oferta v1 no se ha enviado al cliente. Primero registra que la enviaste: «oferta enviada Suministro 2027».",
            refusal["body"]![0]!["text"]!.GetValue<string>());
        var next = refusal["actions"]!.AsArray().Single()!;
        Assert.Equal(("oferta enviada Suministro 2027", "imBack", "oferta enviada Suministro 2027"),
            (next["title"]!.GetValue<string>(), next["data"]!["msteams"]!["type"]!.GetValue<string>(), next["data"]!["msteams"]!["value"]!.GetValue<string>()));

        var sent = await AskAsync(Alex.Message(next["data"]!["msteams"]!["value"]!.GetValue<string>()));
        var noReason = await AskAsync(Alex.Message("oferta rechazada suministro"));
        var accepted = await AskAsync(Alex.Message("oferta aceptada suministro"));

        Assert.Equal("Registré que la oferta v1 de «Suministro 2027» se envió al cliente.", sent["text"]!.GetValue<string>());
        Assert.StartsWith("Dime el motivo del cliente", noReason["text"]!.GetValue<string>());
        Assert.Equal("¡El cliente aceptó la oferta v1! «Suministro 2027» queda ganada.", accepted["text"]!.GetValue<string>());
        Assert.Equal((Stage.Won, OfferStatus.Accepted), await Bot.WithDbAsync(async db =>
            ((await db.Opportunities.SingleAsync()).Stage, (await db.Offers.SingleAsync()).Status)));

        // The deal's history tells the offer's way, with who decided what, in words.
        var history = (await AskAsync(Alex.Message("historial suministro"))).Card()!;
        var lines = history.Descendants().Select(n => n?["text"]?.GetValue<string>()).OfType<string>().ToList();
        Assert.Contains("Oferta v1 por $ 96.000.000: En aprobación.", lines);
        Assert.Contains("Oferta v1, Responsable de equipo (Vo.Bo.): aprobó «Buen margen».", lines);
        Assert.Contains("Oferta v1: Enviada al cliente.", lines);
        Assert.Contains("Oferta v1: Aceptada por el cliente.", lines);
        Assert.Contains(lines, l => l.EndsWith(" · Megan Bowen", StringComparison.Ordinal));
        Assert.DoesNotContain("", lines); // no line without words
    }

    /// <summary>The next new text to the conversation containing <paramref name="fragment"/> (other notices may come first).</summary>
    private async Task<string> NextTextAsync(string conversationId, string fragment)
    {
        for (var i = 0; i < 5; i++)
            if ((await NextInAsync(conversationId))["text"]?.GetValue<string>() is { } text && text.Contains(fragment, StringComparison.Ordinal)) return text;
        throw new InvalidOperationException($"no text with '{fragment}'");
    }
}

/// <summary>
/// An approval click reads the same whatever the number of copies of the card: the offer's card is
/// read once, the readers in one query each, and every copy rendered once (the clicked one is the
/// invoke's answer, not updated again).
/// </summary>
public abstract class OfferApprovalCostTests : OfferApprovalTestsBase
{
    protected SqlCommandCounter Sql { get; } = new();

    protected override void ConfigureServices(Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>(services, Sql);
        Microsoft.Extensions.DependencyInjection.ServiceCollectionServiceExtensions.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(services, Sql);
    }

    private async Task<Guid> DealAsync(string title)
    {
        await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["title"] = title,
            ["seats"] = "40",
            ["unitValue"] = "250.000",
            ["contractMonths"] = "24",
        }));
        return await Bot.WithDbAsync(db => db.Opportunities.Where(o => o.Title == title).Select(o => o.Id).SingleAsync());
    }

    private async Task<(IReadOnlyList<string> Queries, int Updates)> MeganApprovesAsync(Guid deal)
    {
        var step = await Bot.WithDbAsync(db => db.ApprovalSteps.SingleAsync(s => s.Status == StepStatus.Pending && db.Offers.Any(o => o.Id == s.OfferId && o.OpportunityId == deal)));
        await Bot.WaitForOutboxDrainedAsync();
        var before = Connector.Requests.Count(r => r.Method == "PUT");
        // As Teams sends it: the invoke replies to the card message clicked.
        var clicked = await Bot.WithDbAsync(db => db.SentCards.Where(c => c.Key == ApprovalNotice.CardKey(step.OfferId) && c.ConversationId == Megan.ConversationId)
            .Select(c => c.ActivityId).SingleAsync());
        var invoke = Megan.Invoke("adaptiveCard/action", Execute("offers.approve", step.Id));
        invoke["replyToId"] = clicked;
        Assert.Equal(System.Net.HttpStatusCode.OK, (await Bot.PostAsync(invoke)).StatusCode);
        var queries = Sql.LastRequestCommands;
        await Bot.WaitForOutboxDrainedAsync();
        return (queries, Connector.Requests.Count(r => r.Method == "PUT") - before);
    }

    [Fact]
    public async Task An_approval_click_reads_the_same_with_one_copy_of_the_card_or_four_and_updates_each_other_copy_once()
    {
        var one = await DealAsync("Suministro 2027");
        await AskAsync(Alex.Submit(Offer(one)));
        await NextInAsync(Megan.ConversationId);
        var alone = await MeganApprovesAsync(one);

        var four = await DealAsync("Mantenimiento 2028");
        await AskAsync(Alex.Submit(Offer(four)));
        await NextInAsync(Megan.ConversationId);
        // The requester and both directors open the offer: three more tracked copies.
        foreach (var reader in new[] { Alex, Diego, Isaiah }) await AskAsync(reader.Message("oferta mantenimiento"));
        var key = ApprovalNotice.CardKey(await Bot.WithDbAsync(db => db.Offers.Where(o => o.OpportunityId == four).Select(o => o.Id).SingleAsync()));
        // Where a copy landed is recorded just after Teams took it: the reply may reach the test first.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await Bot.WithDbAsync(db => db.SentCards.CountAsync(c => c.Key == key)) < 4 && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(4, await Bot.WithDbAsync(db => db.SentCards.CountAsync(c => c.Key == key)));
        var many = await MeganApprovesAsync(four);

        // Reads do not grow with the copies. Writes are one SaveChanges: one outbox row per copy, sent
        // as one batch on PostgreSQL (SQLite runs a batch's statements one by one, in one transaction).
        static int Reads(IReadOnlyList<string> sql) => sql.Count(q => q.TrimStart().StartsWith("SELECT", StringComparison.Ordinal));
        Assert.True(Reads(alone.Queries) == Reads(many.Queries),
            $"one copy:\n{string.Join("\n", alone.Queries)}\n\nfour copies:\n{string.Join("\n", many.Queries)}");
        Assert.True(Reads(many.Queries) <= 25, $"{Reads(many.Queries)} SQL reads for one approval click:\n{string.Join("\n", many.Queries)}");
        Assert.Equal((0, 3), (alone.Updates, many.Updates)); // Megan's own copy is the click's answer
    }
}

public sealed class SqliteOfferApprovalCostTests : OfferApprovalCostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresOfferApprovalCostTests : OfferApprovalCostTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

public sealed class SqliteOfferFollowUpTests : OfferFollowUpTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresOfferFollowUpTests : OfferFollowUpTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}

public sealed class SqliteOfferApprovalTests : OfferApprovalTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresOfferApprovalTests : OfferApprovalTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
