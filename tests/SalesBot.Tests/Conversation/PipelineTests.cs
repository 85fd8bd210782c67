using SalesBot.Features.Pipeline;
using SalesBot.Infrastructure.Data;

namespace SalesBot.Tests.Conversation;

/// <summary>Opportunities in chat: the form, the pipeline card, stage moves by text, lost with a reason, reopening, history.</summary>
public abstract class PipelineTests : DemoBotTest
{
    private static JsonObject Form(string title = "Suministro 2027", string seats = "40", string unit = "250.000", string months = "24",
        string? id = null, string? stage = null, string? lostReason = null) => new()
        {
            ["command"] = "opportunities.save",
            ["opportunityId"] = id ?? "",
            ["clientQuery"] = id is null ? "Ferretería El Sol" : null,
            ["title"] = title,
            ["serviceType"] = "Energía no regulada",
            ["seats"] = seats,
            ["unitValue"] = unit,
            ["contractMonths"] = months,
            ["expectedClose"] = Iso(LocalNow().AddDays(20), "yyyy-MM-dd"),
            ["stage"] = stage,
            ["lostReason"] = lostReason,
        };

    private Task<Opportunity> DealAsync() => Bot.WithDbAsync(db => db.Opportunities.SingleAsync());

    [Fact]
    public async Task An_opportunity_is_created_from_the_form_and_shows_in_the_pipeline_by_stage()
    {
        var form = (await AskAsync(Alex.Message("nueva oportunidad Ferretería"))).Card()!;
        Assert.Equal("Ferretería", Input(form, "clientQuery")["value"]!.GetValue<string>());

        var created = await AskAsync(Alex.Submit(Form()));
        var pipeline = (await AskAsync(Alex.Message("mi pipeline"))).Card()!.AllText();

        Assert.Equal("Listo: «Suministro 2027» para Ferretería El Sol S.A.S.: $ 10.000.000 al mes por 24 meses = $ 240.000.000. Etapa Cacería (10 %).",
            created["text"]!.GetValue<string>());
        var deal = await DealAsync();
        Assert.Equal((240_000_000m, Stage.Hunting, "COP"), (deal.TotalValue, deal.Stage, deal.Currency));
        Assert.Contains("1 oportunidades abiertas: $ 240.000.000 en total, $ 24.000.000 ponderado.", pipeline);
        Assert.Contains("Cacería · 1", pipeline);
        Assert.Contains("Suministro 2027 · Ferretería El Sol S.A.S.", pipeline);
    }

    [Fact]
    public async Task A_team_in_another_country_reads_Spanish_as_that_country_writes_it()
    {
        await using (var scope = Bot.Services.CreateAsyncScope())
        {
            var moved = await scope.ServiceProvider.GetRequiredService<SetTeamCalendar>().ExecuteAsync(Actor.CommandLine("test"), DemoOrganization.TeamName,
                new Features.Shared.Calendar.CalendarChoice("MX", null, "America/Monterrey"), default);
            Assert.True(moved.Ok, moved.Error?.Code);
            await scope.ServiceProvider.GetRequiredService<SalesBotDbContext>().SaveChangesAsync();
        }

        var created = await AskAsync(Alex.Submit(Form()));

        // Monterrey groups thousands with commas; the money stays in the organisation's currency.
        Assert.Equal("Listo: «Suministro 2027» para Ferretería El Sol S.A.S.: $ 10,000,000 al mes por 24 meses = $ 240,000,000. Etapa Cacería (10 %).",
            created["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bad_values_bring_the_form_back_and_save_nothing()
    {
        var back = (await AskAsync(Alex.Submit(Form(title: "", seats: "0", unit: "mucho", months: "500")))).Card()!.AllText();
        var byLynne = await AskAsync(Lynne.Submit(Form()));

        Assert.Contains("El dato «Nombre de la oportunidad» no es válido", back);
        Assert.Contains("El dato «Puestos» no es válido: debe estar entre 1 y 1000000", back);
        Assert.Contains("El dato «Valor unitario por puesto (mensual)» no es válido: un valor en pesos", back);
        Assert.Contains("El dato «Meses de contrato» no es válido: debe estar entre 1 y 120", back);
        Assert.Contains("No tienes permiso", byLynne.Card().AllText() + byLynne["text"]);
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Opportunities.CountAsync()));
    }

    [Fact]
    public async Task Stages_move_by_text_lost_needs_a_reason_and_only_the_team_lead_reopens()
    {
        await AskAsync(Alex.Submit(Form()));

        var moved = await AskAsync(Alex.Message("mover suministro a negociación"));
        var noReason = await AskAsync(Alex.Message("perdida suministro"));
        var lost = await AskAsync(Alex.Message("perdida suministro 2027: el cliente eligió otro proveedor por precio"));
        var alexReopens = await AskAsync(Alex.Message("mover suministro a propuesta"));
        var meganReopens = await AskAsync(Megan.Message("mover suministro a propuesta"));

        Assert.Equal("«Suministro 2027» pasó a Negociación (75 %).", moved["text"]!.GetValue<string>());
        Assert.StartsWith("Para marcarla perdida necesito el motivo", noReason["text"]!.GetValue<string>());
        Assert.Equal("«Suministro 2027» pasó a Perdida (0 %).", lost["text"]!.GetValue<string>());
        Assert.Equal("«Suministro 2027» está perdida. Solo el responsable de equipo puede reabrirla: pídeselo a tu líder.", alexReopens.Said());
        Assert.Equal("«Suministro 2027» pasó a Propuesta (50 %).", meganReopens["text"]!.GetValue<string>());
        Assert.Equal((Stage.Proposal, (string?)null), ((await DealAsync()).Stage, (await DealAsync()).LostReason));
    }

    [Fact]
    public async Task Editing_changes_the_terms_and_the_history_shows_who_changed_what()
    {
        await AskAsync(Alex.Submit(Form()));
        var deal = await DealAsync();

        var card = (await AskAsync(Alex.Submit(new JsonObject { ["command"] = "opportunities.edit", ["opportunityId"] = deal.Id.ToString() }))).Card()!;
        Assert.Equal("40", Input(card, "seats")["value"]!.GetValue<string>());
        var saved = await AskAsync(Megan.Submit(Form(seats: "50", id: deal.Id.ToString(), stage: "hunting")));
        var stranger = await AskAsync(Lynne.Message("historial suministro"));
        var history = (await AskAsync(Alex.Message("historial suministro 2027"))).Card()!.AllText();

        Assert.Equal("Guardé «Suministro 2027» (total $ 300.000.000).", saved["text"]!.GetValue<string>());
        Assert.StartsWith("No encontré la oportunidad «suministro».", stranger.Said());
        Assert.Contains("Alex Wilber", history);
        Assert.Contains("Megan Bowen", history);
        Assert.Contains("Puestos: 40 → 50", history);
        Assert.Contains("Total: $ 240.000.000 → $ 300.000.000", history);
        // Read by people: names where the snapshot holds ids, labels where it holds codes.
        Assert.DoesNotContain(deal.ClientId.ToString(), history);
        Assert.DoesNotContain(deal.OwnerId.ToString(), history);
        Assert.Contains("Ejecutivo: - → Alex Wilber", history);
        Assert.Contains("Etapa: - → ", history);
        Assert.DoesNotContain("Etapa: - → 0", history);
    }
}

public sealed class SqlitePipelineTests : PipelineTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresPipelineTests : PipelineTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
