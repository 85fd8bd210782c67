using SalesBot.Features.Clients;
using SalesBot.Features.Pipeline;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Clients;

/// <summary>
/// Sign-ups and churn as dated events that set the client's status (by chat and by a visit's
/// outcome); every stage a deal enters, dated, and rebuilt from the audit log for older deals; a
/// visit's report that names a deal links to it.
/// </summary>
public abstract class ClientLifecycleTests : DemoBotTest
{
    private Task<Client> ElSolAsync() => Bot.WithDbAsync(db => db.Clients.SingleAsync(c => c.Name == "Ferretería El Sol S.A.S."));

    private Task<List<ClientLifecycleEvent>> EventsAsync() => Bot.WithDbAsync(db => db.ClientLifecycleEvents.OrderBy(e => e.On).ThenBy(e => e.RecordedAt).ToListAsync());

    [Fact]
    public async Task Churn_and_sign_up_are_dated_events_with_a_reason_that_set_the_status_and_are_audited()
    {
        var tenDaysAgo = LocalNow().AddDays(-10);

        var churned = await AskAsync(Alex.Message($"cliente Ferretería El Sol retirado: se fue a la competencia {Iso(tenDaysAgo, "yyyy-MM-dd")}"));
        Assert.StartsWith("Listo: Ferretería El Sol S.A.S. se retiró el ", churned.Said());
        Assert.Contains("(«se fue a la competencia»). Estado: Retirado.", churned.Said());
        Assert.Equal(ClientStatus.Churned, (await ElSolAsync()).Status);

        var back = await AskAsync(Alex.Message("client ferreteria el sol signed up", "en-US"));
        Assert.StartsWith("Done: Ferretería El Sol S.A.S. signed up on ", back.Said());
        Assert.Equal(ClientStatus.Active, (await ElSolAsync()).Status);
        var again = await AskAsync(Alex.Message("cliente ferreteria el sol vinculado"));
        Assert.StartsWith("Eso ya estaba registrado", again.Said());

        // An old churn entered late does not undo the newer sign-up.
        await AskAsync(Alex.Message($"cliente ferreteria el sol retirado: cierre de sede {Iso(tenDaysAgo.AddDays(-30), "yyyy-MM-dd")}"));
        Assert.Equal(ClientStatus.Active, (await ElSolAsync()).Status);

        var events = await EventsAsync();
        Assert.Equal([LifecycleKind.Churn, LifecycleKind.Churn, LifecycleKind.SignUp], events.Select(e => e.Kind));
        Assert.Equal(DateOnly.FromDateTime(tenDaysAgo.Date), events[1].On);
        Assert.Equal("se fue a la competencia", events[1].Reason);
        Assert.Equal(3, await Bot.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == nameof(ClientLifecycleEvent))));
    }

    [Fact]
    public async Task A_churn_needs_its_reason_a_past_date_and_someone_who_may_change_the_client()
    {
        var noReason = await AskAsync(Alex.Message("cliente ferreteria el sol retirado"));
        var future = await AskAsync(Alex.Message($"cliente ferreteria el sol vinculado {Iso(LocalNow().AddDays(5), "yyyy-MM-dd")}"));
        var notHers = await AskAsync(Lynne.Message("cliente ferreteria el sol retirado: no paga"));
        var vague = await AskAsync(Alex.Message("cliente ferreteria el sol"));

        Assert.StartsWith("El dato «Motivo» no es válido", noReason.Said());
        Assert.StartsWith("El dato «Fecha» no es válido", future.Said());
        Assert.StartsWith("No tienes permiso para registrar la vinculación o el retiro de clientes", notHers.Said());
        Assert.StartsWith("Dime el cliente y qué pasó", vague.Said());
        Assert.Empty(await EventsAsync());
        Assert.NotEqual(ClientStatus.Churned, (await ElSolAsync()).Status);
    }

    [Fact]
    public async Task A_team_lead_reassigns_within_the_team_and_a_director_anywhere()
    {
        var byAlex = await AskAsync(Alex.Message("cambiar responsable ferreteria el sol a Megan"));
        var outside = await AskAsync(Megan.Message("cambiar responsable ferreteria el sol a Diego Siciliani"));
        var toHerself = await AskAsync(Megan.Message("cambiar responsable de Ferretería El Sol a meganb@contoso.example"));
        var again = await AskAsync(Megan.Message("cambiar responsable ferreteria el sol a Megan Bowen"));
        var byDiego = await AskAsync(Diego.Message("change owner ferreteria el sol to Alex", "en-US"));

        Assert.StartsWith("No tienes permiso para asignar clientes a otra persona", byAlex.Said());
        Assert.StartsWith("No tienes permiso para asignar clientes a otra persona", outside.Said());
        Assert.Equal("Listo: Ferretería El Sol S.A.S. ahora está a cargo de Megan Bowen (antes: Alex Wilber).", toHerself.Said());
        Assert.StartsWith("Ferretería El Sol S.A.S. ya está a cargo de Megan Bowen.", again.Said());
        Assert.Equal("Done: Ferretería El Sol S.A.S. is now owned by Alex Wilber (before: Megan Bowen).", byDiego.Said());
        var alexId = await Bot.WithDbAsync(db => db.People.Where(p => p.Name == "Alex Wilber").Select(p => p.Id).SingleAsync());
        Assert.Equal(alexId, (await ElSolAsync()).OwnerId);
        Assert.Equal(2, await Bot.WithDbAsync(db => db.AuditLog.CountAsync(a => a.EntityType == nameof(Client) && a.Action == "updated")));
    }

    [Fact]
    public async Task Every_stage_a_deal_enters_is_a_dated_row_and_older_deals_get_theirs_from_the_audit_log()
    {
        await SaveElSolDealAsync();
        await AskAsync(Alex.Message("mover suministro 2027 a propuesta"));
        await AskAsync(Alex.Message("mover suministro 2027 a negociación"));
        var deal = await Bot.WithDbAsync(db => db.Opportunities.SingleAsync());

        async Task<List<(Stage?, Stage)>> RowsAsync() => (await Bot.WithDbAsync(db => db.OpportunityStageChanges.Where(c => c.OpportunityId == deal.Id)
            .OrderBy(c => c.At).ToListAsync())).Select(c => (c.FromStage, c.ToStage)).ToList();
        var written = await RowsAsync();
        Assert.Equal([(null, Stage.Hunting), (Stage.Hunting, Stage.Proposal), (Stage.Proposal, Stage.Negotiation)], written);

        // A deal from before the history was kept: its rows come from the audit log, at the audited times.
        await Bot.WithDbAsync(db => db.OpportunityStageChanges.ExecuteDeleteAsync());
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            var backfill = scope.ServiceProvider.GetServices<IDataBackfill>().OfType<StageHistoryBackfill>().Single();
            Assert.Equal(3, await backfill.RunAsync(default));
            Assert.Equal(0, await backfill.RunAsync(default)); // a second run finds nothing missing
        }
        Assert.Equal(written, await RowsAsync());
        var audited = await Bot.WithDbAsync(db => db.AuditLog.Where(a => a.EntityType == nameof(Opportunity)).OrderBy(a => a.Id).Select(a => a.At).ToListAsync());
        var rebuilt = await Bot.WithDbAsync(db => db.OpportunityStageChanges.OrderBy(c => c.At).Select(c => c.At).ToListAsync());
        Assert.All(rebuilt, at => Assert.Contains(at, audited));
    }

    [Fact]
    public async Task A_visit_logged_as_signed_up_signs_the_client_up_and_links_the_deal_it_names()
    {
        await SaveElSolDealAsync();
        var at = LocalNow().AddHours(-2);
        JsonObject Log(string opportunity) => new()
        {
            ["command"] = "visits.log",
            ["visitId"] = "",
            ["clientQuery"] = "Ferretería El Sol",
            ["date"] = Iso(at, "yyyy-MM-dd"),
            ["time"] = Iso(at, "HH:mm"),
            ["duration"] = "60",
            ["type"] = "follow-up",
            ["outcome"] = "signed-up",
            ["interviewee"] = "Carlos Ruiz",
            ["opportunity"] = opportunity,
        };

        var unknown = await AskAsync(Alex.Submit(Log("contrato de gas")));
        Assert.Contains("no es una de las oportunidades del cliente (Suministro 2027)", unknown.Card()?.AllText() ?? unknown.Said());
        Assert.Empty(await Bot.WithDbAsync(db => db.Visits.ToListAsync()));

        await AskAsync(Alex.Submit(Log("suministro")));
        var visit = await Bot.WithDbAsync(db => db.Visits.SingleAsync());
        var deal = await Bot.WithDbAsync(db => db.Opportunities.SingleAsync());
        Assert.Equal((deal.Id, "Suministro 2027"), (visit.OpportunityId!.Value, visit.Opportunity));
        var signUp = Assert.Single(await EventsAsync());
        Assert.Equal((LifecycleKind.SignUp, DateOnly.FromDateTime(at.Date)), (signUp.Kind, signUp.On));
        Assert.Equal(ClientStatus.Active, (await ElSolAsync()).Status);
    }
}

public sealed class SqliteClientLifecycleTests : ClientLifecycleTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresClientLifecycleTests : ClientLifecycleTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
