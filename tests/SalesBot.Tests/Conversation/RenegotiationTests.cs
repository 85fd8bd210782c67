using SalesBot.Features.Pipeline;
using SalesBot.Features.Renegotiations;

namespace SalesBot.Tests.Conversation;

/// <summary>Seed 004 end to end through the pipeline: requirement, areas, proposal through approvals, client, change or reasons.</summary>
public abstract class RenegotiationTests : OfferApprovalTestsBase
{
    private Activities _adele = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _adele = new Activities(Connector.ServiceUrl) { UserId = "user-id-5", UserName = "Adele Vance", AadObjectId = "00000000-0000-0000-0000-0000000000025" };
        await AskAsync(_adele.Message("hola"));
        await AskAsync(Lynne.Message("hola"));
        await using var scope = Bot.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedDemoAreas>().ExecuteAsync(Actor.CommandLine("test"), default);
    }

    private async Task<List<AreaConsultation>> ConsultationsAsync() =>
        (await Bot.WithDbAsync(db => db.AreaConsultations.ToListAsync())).OrderBy(c => c.Area).ToList(); // enum order: Legal, HR, Operations, Finance

    private Activities Contact(Area area) => area switch
    {
        Area.Legal => _adele,
        Area.HumanResources => Lynne,
        Area.Operations => Isaiah,
        _ => Diego,
    };

    private async Task<JsonObject> AnswerAsync(AreaConsultation c, bool viable, string? comment = null) =>
        await AskAsync(Contact(c.Area).Submit(new JsonObject
        {
            ["command"] = "renegotiations.answer",
            ["consultationId"] = c.Id.ToString(),
            ["viable"] = viable ? "true" : "false",
            ["comment"] = comment,
        }));

    private async Task StartAndAgreeAsync()
    {
        var started = await AskAsync(Alex.Message("renegociación Ferretería El Sol: ampliar a 60 puestos desde enero"));
        Assert.Equal("Renegociación con Ferretería El Sol S.A.S. abierta. Consulté a Jurídica (Adele Vance), Talento humano (nómina) (Lynne Robbins), Operaciones (Isaiah Langer), Financiera (Diego Siciliani); te aviso cuando respondan.",
            started["text"]!.GetValue<string>());
        foreach (var c in await ConsultationsAsync())
        {
            Assert.Contains("ampliar a 60 puestos desde enero", (await NextInAsync(Contact(c.Area).ConversationId)).Card().AllText());
            Assert.Equal("Gracias, registré tu respuesta.", (await AnswerAsync(c, viable: true))["text"]!.GetValue<string>());
        }
        Assert.StartsWith("Las áreas ven viable la renegociación con Ferretería El Sol S.A.S.", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Viable_and_accepted_changes_the_contract_and_tells_Legal_and_payroll()
    {
        await StartAndAgreeAsync();
        var deal = await Bot.WithDbAsync(db => db.Opportunities.SingleAsync());
        Assert.Equal((Stage.Proposal, "Renegociación: ampliar a 60 puestos desde enero"), (deal.Stage, deal.Title));

        var early = await AskAsync(Alex.Message("renegociación Ferretería El Sol interesado"));
        Assert.Equal("La oferta de la renegociación todavía no está aprobada. Espera la aprobación de su oferta y vuelve a cerrarla.", early.Said());

        await AskAsync(Alex.Submit(Offer(deal.Id, unitPrice: "100.000")));
        await InvokeAsync(Megan, Execute("offers.approve", (await StepsAsync()).Single().Id));
        Assert.StartsWith("Megan Bowen aprobó tu oferta v1", (await NextInAsync(Alex.ConversationId))["text"]!.GetValue<string>());
        var changed = await AskAsync(Alex.Message("renegociación Ferretería El Sol interesado"));

        Assert.Equal("Listo: el contrato con Ferretería El Sol S.A.S. cambia; avisé a Jurídica y a nómina.", changed["text"]!.GetValue<string>());
        Assert.StartsWith("Cambio de contrato con Ferretería El Sol S.A.S.", (await NextInAsync(_adele.ConversationId))["text"]!.GetValue<string>());
        Assert.StartsWith("Cambio de contrato con Ferretería El Sol S.A.S.", (await NextInAsync(Lynne.ConversationId))["text"]!.GetValue<string>());
        Assert.Equal((RenegotiationStatus.ContractChanged, Stage.Won), await Bot.WithDbAsync(async db =>
            ((await db.Renegotiations.SingleAsync()).Status, (await db.Opportunities.SingleAsync()).Stage)));
    }

    [Fact]
    public async Task Not_viable_records_the_areas_reasons_and_a_comment_is_required_to_say_no()
    {
        await AskAsync(Alex.Message("renegociación Ferretería El Sol: bajar la tarifa a la mitad"));
        var consultations = await ConsultationsAsync();
        foreach (var c in consultations) await NextInAsync(Contact(c.Area).ConversationId); // each area's card

        var noComment = await AnswerAsync(consultations[0], viable: false);
        Assert.StartsWith("El dato «Comentario» no es válido: es obligatorio si no es viable", noComment["text"]!.GetValue<string>());
        await AnswerAsync(consultations[0], viable: false, comment: "El contrato no lo permite");
        foreach (var c in consultations.Skip(1)) await AnswerAsync(c, viable: true);
        var twice = await AnswerAsync(consultations[1], viable: false, comment: "cambié de idea");

        Assert.StartsWith("Esta consulta ya se respondió. Quien consultó ya tiene la respuesta", twice.Said());
        var told = await Bot.WithDbAsync(db => db.Renegotiations.SingleAsync());
        Assert.Equal((RenegotiationStatus.NotViable, "legal: El contrato no lo permite"), (told.Status, told.Reasons));
        Assert.Equal(0, await Bot.WithDbAsync(db => db.Opportunities.CountAsync()));
    }

    [Fact]
    public async Task Viable_but_not_interested_records_the_clients_reason_and_loses_the_deal()
    {
        await StartAndAgreeAsync();

        var closed = await AskAsync(Alex.Message("renegociación Ferretería El Sol no interesado: el precio sigue alto"));
        var byLynne = await AskAsync(Lynne.Message("renegociación Ferretería El Sol: otra cosa"));

        Assert.StartsWith("Registré que Ferretería El Sol S.A.S. no se interesó", closed["text"]!.GetValue<string>());
        Assert.Equal((RenegotiationStatus.ClientNotInterested, "el precio sigue alto", Stage.Lost), await Bot.WithDbAsync(async db =>
            ((await db.Renegotiations.SingleAsync()).Status, (await db.Renegotiations.SingleAsync()).Reasons, (await db.Opportunities.SingleAsync()).Stage)));
        Assert.Contains("No tienes permiso", byLynne.Said());
    }
}

public sealed class SqliteRenegotiationTests : RenegotiationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => Task.FromResult(TestDatabase.Sqlite());
}

public sealed class PostgresRenegotiationTests : RenegotiationTests
{
    protected override Task<TestDatabase> CreateDatabaseAsync() => TestDatabase.PostgresAsync();
}
