using System.Globalization;
using SalesBot.Bot;
using SalesBot.Features.Clients.Conversation;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>The opportunity form: new (with the client picker) or editing one (with its stage).</summary>
public sealed class OpportunityForm(ClientPicker picker, IOptions<PipelineOptions> pipeline)
{
    public static OpportunityInput ValuesFrom(CommandInput input) => new(input.Field("title"), input.Field("serviceType"), input.Field("segment"),
        input.Field("seats"), input.Field("unitValue"), input.Field("contractMonths"), input.Field("expectedClose"), input.Field("expectedFirstBilling"),
        input.Field("leadSource"), input.Field("probability"));

    public async Task ReplyAsync(BotTurn turn, OpportunityInput values, ClientPick? pick, string? error, CancellationToken ct,
        Opportunity? editing = null, string? subtitle = null, string? stage = null, string? lostReason = null)
    {
        turn.ReplyCard("opportunity-form", new
        {
            title = turn.T(editing is null ? "opportunities.newTitle" : "opportunities.editTitle"),
            subtitle,
            error,
            opportunityId = editing?.Id.ToString() ?? "",
            picker = await picker.CardDataAsync(turn, pick, ct),
            labels = new
            {
                title = turn.T("field.title"),
                titleHint = turn.T("opportunities.titleHint"),
                serviceType = turn.T("field.service-type"),
                seats = turn.T("field.seats"),
                unitValue = turn.T("field.unit-value"),
                contractMonths = turn.T("field.contract-months"),
                expectedClose = turn.T("field.expected-close"),
                expectedFirstBilling = turn.T("field.expected-first-billing"),
                leadSource = turn.T("field.lead-source"),
                probability = turn.T("field.probability"),
                probabilityHint = turn.T("opportunities.probabilityHint"),
                stage = turn.T("field.stage"),
                lostReason = turn.T("field.lost-reason"),
                required = turn.T("clients.required"),
                save = turn.T("opportunities.save"),
            },
            values = new
            {
                title = values.Title ?? "",
                serviceType = values.ServiceType ?? "",
                seats = values.Seats ?? "",
                unitValue = values.UnitValue ?? "",
                contractMonths = values.ContractMonths ?? "12",
                expectedClose = values.ExpectedClose ?? "",
                expectedFirstBilling = values.ExpectedFirstBilling ?? "",
                leadSource = values.LeadSource ?? "",
                probability = values.Probability ?? "",
                stage = stage ?? editing?.Stage.Code() ?? "",
                lostReason = lostReason ?? editing?.LostReason ?? "",
            },
            stages = Enum.GetValues<Stage>().Select(s => new
            {
                title = turn.T("stage." + s.Code()) + " (" + pipeline.Value.ProbabilityOf(s).ToString(CultureInfo.InvariantCulture) + " %)",
                value = s.Code(),
            }),
        });
    }
}
