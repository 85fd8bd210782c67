using SalesBot.Features.Clients;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared;
using SalesBot.Features.Visits;
using SalesBot.Tests.Conversation;

namespace SalesBot.Tests.Hostile;

/// <summary>
/// What a refusal tells: nothing the asker may not see. Offers to strangers, clients of other teams,
/// PQRs one may not answer or reassign, unassigned PQRs, another person's calendar, .ics text.
/// </summary>
public abstract class LeastKnowledgeTests : OfferApprovalTestsBase
{
    private Activities Stranger => new(Connector.ServiceUrl) { UserId = "stranger", UserName = "Mallory", AadObjectId = null };

    [Fact]
    public async Task A_stranger_sees_nothing_of_an_offer_whose_steps_are_undecided()
    {
        await AskAsync(Alex.Submit(Offer(await DealAsync())));
        var step = (await StepsAsync()).First();
        var offerId = step.OfferId;

        var refresh = await InvokeAsync(Stranger, new JsonObject
        {
            ["action"] = new JsonObject { ["type"] = "Action.Execute", ["verb"] = "offers.refresh", ["data"] = new JsonObject { ["offerId"] = offerId.ToString() } },
        });
        var approve = await InvokeAsync(Stranger, Execute("offers.approve", step.Id));
        var byLynne = await InvokeAsync(Lynne, Execute("offers.reject", step.Id, "no"));

        foreach (var answer in new[] { refresh, approve, byLynne })
        {
            Assert.Equal(404, answer["statusCode"]!.GetValue<int>());
            Assert.DoesNotContain("Suministro", answer.ToJsonString());
            Assert.DoesNotContain("Ferreter", answer.ToJsonString());
        }
        Assert.All(await StepsAsync(), s => Assert.Null(s.DecidedById));
    }

    [Fact]
    public async Task Creating_a_client_another_team_has_is_refused_without_naming_it()
    {
        // Diego (a director) registers a client owned by nobody in Alex's team.
        var existing = await Bot.WithDbAsync(db => db.Clients.FirstAsync(c => c.TaxId != null));
        await Bot.WithDbAsync(async db =>
        {
            await db.Clients.Where(c => c.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (Guid?)null));
            return 0;
        });
        var reply = await AskAsync(Alex.Submit(new JsonObject
        {
            ["command"] = "clients.create",
            ["name"] = "Otro nombre S.A.S.",
            ["nit"] = existing.TaxId,
            ["segment"] = "enterprise",
        }));
        var text = reply["text"]?.GetValue<string>() ?? reply.Card().AllText();
        Assert.Contains("otro equipo", text);
        Assert.DoesNotContain(existing.Name, text);
    }

    [Fact]
    public async Task Answering_or_reassigning_a_PQR_one_may_not_touch_reads_like_one_that_does_not_exist()
    {
        using var scope = Bot.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>();
        var answer = scope.ServiceProvider.GetRequiredService<AnswerPqr>();
        var reassign = scope.ServiceProvider.GetRequiredService<ReassignPqr>();
        var client = await db.Clients.FirstAsync();
        var register = scope.ServiceProvider.GetRequiredService<RegisterPqr>();
        var (registration, errors) = await register.ExecuteAsync(Actor.CommandLine("test"),
            new PqrInput("R-LK-1", null, client.Id, "reclamo", "email", "2026-11-02T10:00", "Cobro doble"), default);
        var pqr = registration?.Pqr;
        Assert.Empty(errors);
        await db.SaveChangesAsync();

        // Lynne (customer service) filed it; she is never its assignee.
        var lynne = Actor.For(await db.People.SingleAsync(p => p.Name == "Lynne Robbins"));
        var notAssignee = await answer.ExecuteAsync(lynne, "R-LK-1", "respuesta", default);
        var missing = await answer.ExecuteAsync(lynne, "R-NOPE", "respuesta", default);
        Assert.Equal(missing.Error!.Code, notAssignee.Error!.Code);
        var reassignForbidden = await reassign.ExecuteAsync(lynne, "R-LK-1", Guid.NewGuid().ToString(), default);
        var reassignMissing = await reassign.ExecuteAsync(lynne, "R-NOPE", Guid.NewGuid().ToString(), default);
        Assert.Equal(reassignMissing.Error!.Code, reassignForbidden.Error!.Code);
        Assert.Equal("not-found", reassignForbidden.Error!.Code);
    }

    [Fact]
    public async Task An_unassigned_PQR_belongs_to_its_client_owners_team_else_only_to_directors()
    {
        using var scope = Bot.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>();
        var megan = Actor.For(await db.People.SingleAsync(p => p.Name == "Megan Bowen"));
        var meganTeam = await ActorTeam.OfAsync(db, megan, default);
        var owned = await db.Clients.FirstAsync(c => c.OwnerId != null);
        var orphan = await db.Clients.FirstAsync(c => c.Id != owned.Id);
        await db.Clients.Where(c => c.Id == orphan.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.OwnerId, (Guid?)null));
        var due = new DateOnly(2026, 12, 1);
        var filed = DateTimeOffset.UtcNow.AddDays(-1);
        db.Pqrs.Add(new Pqr("U-OWNED", owned.Id, PqrType.Reclamo, PqrChannel.Email, filed, "Cobro doble", due, filed));
        db.Pqrs.Add(new Pqr("U-ORPHAN", orphan.Id, PqrType.Reclamo, PqrChannel.Email, filed, "Cobro doble", due, filed));
        await db.SaveChangesAsync();

        var visible = await PqrAccess.Visible(db, megan, meganTeam).Select(p => p.FilingNumber).ToListAsync();
        Assert.Contains("U-OWNED", visible);
        Assert.DoesNotContain("U-ORPHAN", visible);
        var policy = scope.ServiceProvider.GetRequiredService<PqrReassignmentPolicy>();
        Assert.NotNull(await policy.ScopeAsync(megan, await db.Pqrs.SingleAsync(p => p.FilingNumber == "U-OWNED"), default));
        Assert.Null(await policy.ScopeAsync(megan, await db.Pqrs.SingleAsync(p => p.FilingNumber == "U-ORPHAN"), default));
    }

    [Fact]
    public async Task Outside_text_never_becomes_a_live_link_in_a_card_or_a_message()
    {
        const string hostile = "Cobro doble [clic aquí](https://evil.example/robo) o www.evil.example";
        using (var scope = Bot.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>();
            var client = await db.Clients.FirstAsync(c => c.OwnerId != null);
            var (registration, errors) = await scope.ServiceProvider.GetRequiredService<RegisterPqr>().ExecuteAsync(Actor.CommandLine("test"),
                new PqrInput("R-LINK", null, client.Id, "reclamo", "email", "2026-11-02T10:00", hostile), default);
            var pqr = registration?.Pqr;
            Assert.Empty(errors);
            await db.SaveChangesAsync();
        }
        await Bot.WaitForOutboxDrainedAsync();
        var typed = await AskAsync(Alex.Message("buscar cliente [x](https://evil.example) www.evil.example"));

        var delivered = Connector.DeliveredActivities.Select(a => a.ToJsonString(new System.Text.Json.JsonSerializerOptions
        {
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        })).ToList();
        Assert.Contains(delivered, d => d.Contains("evil.example/robo"));
        Assert.DoesNotContain(delivered, d => d.Contains("](https") || d.Contains("https://evil") || d.Contains("www.evil"));
        Assert.Contains("evil", typed.AllText());
    }

    [Fact]
    public async Task A_search_typed_without_a_word_finds_nobody_rather_than_everyone()
    {
        await using var scope = Bot.Services.CreateAsyncScope();
        var search = scope.ServiceProvider.GetRequiredService<SearchClients>();
        var diego = Actor.For(await scope.ServiceProvider.GetRequiredService<Infrastructure.Data.SalesBotDbContext>().People.FirstAsync(p => p.Name == "Diego Siciliani"));
        Assert.NotEmpty((await search.ExecuteAsync(diego, null, 10, default)).Value!);
        foreach (var query in new[] { "x", "---", "a b c", new string('z', 300) })
            Assert.Empty((await search.ExecuteAsync(diego, query, 10, default)).Value!);
    }

    [Fact]
    public void Ics_text_escapes_carriage_returns_too()
    {
        var visit = Visit.Schedule(Guid.NewGuid(), Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1), DateTimeOffset.UtcNow.AddDays(1).AddHours(1),
            new VisitDetails(VisitType.Prospecting, "Ana\rBEGIN:VALARM", "Sala\r\nX-EVIL:1", "Notas\rEND:VEVENT"), null, false, DateTimeOffset.UtcNow);
        var ics = VisitIcs.Render(visit, "Cliente\rX", "alex@contoso.com", DateTimeOffset.UtcNow);
        var lines = ics.Split("\r\n");
        Assert.DoesNotContain(lines, l => l.StartsWith("BEGIN:VALARM") || l.StartsWith("X-EVIL") || l.StartsWith("X") && !l.StartsWith("X-WR"));
        Assert.DoesNotContain('\r', ics.Replace("\r\n", ""));
    }
}

public sealed class SqliteLeastKnowledgeTests : LeastKnowledgeTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}
