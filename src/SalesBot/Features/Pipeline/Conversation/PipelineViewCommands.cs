using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Offers.Conversation;

namespace SalesBot.Features.Pipeline.Conversation;

/// <summary>"mi pipeline" / "pipeline del equipo": count, total and weighted value by stage, and the open deals with their buttons.</summary>
public sealed class PipelineReply(ViewPipeline view)
{
    public async Task ReplyAsync(BotTurn turn, bool team, string? stageText, CancellationToken ct)
    {
        // "mi pipeline negociación": the deals in that stage.
        Stage? only = null;
        if (!string.IsNullOrWhiteSpace(stageText))
        {
            var folded = Shared.TextFolding.Fold(stageText);
            foreach (var filler in new[] { "en ", "in ", "de " })
                if (folded.StartsWith(filler, StringComparison.Ordinal)) folded = folded[filler.Length..];
            only = Stages.Codes.Parse(folded);
            if (only is null)
            {
                turn.ReplyText(turn.T("opportunities.stageHowTo", stageText.Length > 40 ? stageText[..40] : stageText,
                    string.Join(", ", Stages.Codes.Values.Select(s => turn.T("stage." + s.Code())))));
                return;
            }
        }
        var result = await view.ExecuteAsync(turn.Actor, team, ct, only);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var culture = turn.Format.Culture;
        var pipeline = result.Value!;
        var open = pipeline.Stages.Where(s => Stages.Open.Contains(s.Stage)).ToList();
        // One currency per organisation (Organization:Currency): the sums are in it.
        var currency = pipeline.Open.FirstOrDefault()?.Currency ?? "COP";
        string Money(decimal v) => turn.Format.Money(v, currency);
        turn.ReplyCard("pipeline", new
        {
            title = turn.T(team ? "opportunities.teamPipelineTitle" : "opportunities.pipelineTitle"),
            summary = turn.T("opportunities.pipelineSummary", open.Sum(s => s.Count), Money(open.Sum(s => s.Total)), Money(open.Sum(s => s.Weighted))),
            stages = pipeline.Stages.Select(s => new
            {
                name = turn.T("stage." + s.Stage.Code()) + " · " + s.Count.ToString(culture),
                figure = Stages.Open.Contains(s.Stage) ? Money(s.Total) + " · " + turn.T("opportunities.weighted", Money(s.Weighted)) : Money(s.Total),
            }),
            openTitle = only is { } stage ? turn.T("opportunities.inStageTitle", turn.T("stage." + stage.Code())) : turn.T("opportunities.openTitle"),
            emptyStage = only is { } none && pipeline.Open.Count == 0 ? turn.T("opportunities.noneInStage", turn.T("stage." + none.Code())) : null,
            deals = pipeline.Open.Select(o => new
            {
                heading = o.Title + " · " + o.ClientName,
                detail = string.Join(" · ", new[]
                {
                    team ? o.OwnerName : null,
                    turn.T("stage." + o.Stage.Code()),
                    turn.Format.Percent(o.Probability),
                    turn.Format.Money(o.TotalValue, o.Currency),
                    o.ExpectedClose is { } close ? turn.T("opportunities.closeOn", turn.Format.ShortDate(close)) : null,
                }.Where(x => x is not null)),
                actions = new[]
                {
                    new { title = turn.T("opportunities.edit"), command = OpportunityActions.Edit, opportunityId = o.Id.ToString() },
                    new { title = turn.T("opportunities.history"), command = OpportunityActions.History, opportunityId = o.Id.ToString() },
                    new { title = turn.T("offers.newButton"), command = OfferActions.New, opportunityId = o.Id.ToString() },
                },
            }),
            footer = new[] { new { title = turn.T("action.opportunities.new"), command = OpportunityActions.New } },
        });
    }
}

public sealed class MyPipelineCommand(PipelineReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, team: false, input.Text, ct);
}

public sealed class TeamPipelineCommand(PipelineReply reply) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct) => reply.ReplyAsync(turn, team: true, input.Text, ct);
}

/// <summary>"historial <oportunidad>" or the Historial button: who changed what, when.</summary>
public sealed class OpportunityHistoryCommand(OpportunityHistory history, DealPicker deals, Shared.Calendar.BusinessCalendar calendar) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await deals.FindOneAsync(turn, input.Field("opportunityId") ?? input.Text, ct) is not { } found) return;
        var result = await history.ExecuteAsync(turn.Actor, found.Deal.Id, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var (deal, entries) = result.Value;
        turn.ReplyCard("indicator", new
        {
            title = turn.T("opportunities.historyTitle", deal.Title),
            summary = turn.T("opportunities.historySummary", entries.Count),
            summaryColor = "Default",
            rows = entries.Select(e => new
            {
                name = turn.Format.DateTime(TimeZoneInfo.ConvertTime(e.At, calendar.TimeZone)) + " · " + e.Who,
                detail = e.Fact is { } fact
                    ? Told(turn, fact)
                    : string.Join("; ", e.Changes.Select(c => Field(turn, c.Field) + ": " + Value(turn, deal.Currency, c.Field, c.Before) + " → "
                        + Value(turn, deal.Currency, c.Field, c.After))),
                figure = turn.T("history." + e.Action),
                weight = "Default",
            }),
            note = turn.T("opportunities.historyNote"),
        });
    }

    private static string Field(BotTurn turn, string name) => turn.T("oppfield." + name);

    /// <summary>A fact of the history in the reader's words: labels in their language, amounts as their culture writes them.</summary>
    private static string Told(BotTurn turn, HistoryFact fact) => turn.T(fact.Key, fact.Args.Select(a => a switch
    {
        HistoryFact.Label label => turn.T(label.Key),
        HistoryFact.Amount amount => turn.Format.Money(amount.Value, amount.Currency),
        _ => a,
    }).ToArray());

    /// <summary>An audited value as the reader writes it: labels for codes, money and dates formatted.</summary>
    private static string Value(BotTurn turn, string currency, string field, string? value)
    {
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        return value switch
        {
            null => "-",
            _ when field == "Stage" && Enum.TryParse<Stage>(value, out var stage) && Enum.IsDefined(stage) => turn.T("stage." + stage.Code()),
            _ when field == "Segment" && Enum.TryParse<Clients.ClientSegment>(value, out var segment) && Enum.IsDefined(segment) =>
                turn.T("segment." + Clients.ClientSegments.Code(segment)),
            _ when field is "UnitValue" or "TotalValue" && decimal.TryParse(value, System.Globalization.NumberStyles.Number, invariant, out var money) =>
                turn.Format.Money(money, currency),
            _ when field is "Probability" or "ProbabilityOverride" && decimal.TryParse(value, invariant, out var percent) => turn.Format.Percent(percent),
            _ when field is "ExpectedClose" or "ExpectedFirstBilling" && DateOnly.TryParse(value, invariant, out var date) => turn.Format.ShortDate(date),
            _ => value,
        };
    }
}
