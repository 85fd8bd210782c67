using System.Text.RegularExpressions;
using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>
/// "cliente Ferretería El Sol vinculado [fecha]", "cliente Ferretería El Sol retirado: se fue a la
/// competencia [fecha]" (English "client X signed up [date]", "client X churned: reason [date]"):
/// the client's sign-up or churn, dated (today when no date is given).
/// </summary>
public sealed partial class ClientLifecycleCommand(ClientPicker picker, ClientLifecycle lifecycle, Shared.Calendar.BusinessCalendar calendar, TimeProvider clock)
    : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (Said().Match(input.Text ?? "") is not { Success: true } said)
        {
            turn.ReplyText(turn.T("clients.lifecycleHowTo"));
            return;
        }
        var kind = said.Groups["signup"].Success ? LifecycleKind.SignUp : LifecycleKind.Churn;
        var rest = said.Groups["rest"].Value.Trim();
        DateOnly? on = null;
        if (TrailingDate().Match(rest) is { Success: true } dated)
        {
            on = Shared.ReportingPeriod.Date(dated.Groups["date"].Value, calendar.LocalDate(clock.GetUtcNow()).Year,
                monthFirst: turn.Language == Bot.Localization.Localizer.English);
            if (on is null)
            {
                turn.Refuse(DomainError.Invalid("lifecycle-date", "date"));
                return;
            }
            rest = rest[..dated.Index].Trim();
        }
        if (await picker.NamedInTextAsync(turn, said.Groups["name"].Value, ct) is not { } client) return;
        var result = await lifecycle.RecordAsync(turn.Actor, client.Id, kind, on, rest.Length > 0 ? rest : null, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var recorded = result.Value!;
        var key = (kind, recorded.Changed) switch
        {
            (LifecycleKind.SignUp, true) => "clients.signedUp",
            (LifecycleKind.Churn, true) => "clients.churned",
            _ => "clients.lifecycleAlready",
        };
        turn.ReplyText(turn.T(key, recorded.Client.Name, turn.Format.Date(recorded.Event.On), recorded.Event.Reason ?? "",
            turn.T("status." + recorded.Client.Status.Code())));
    }

    [GeneratedRegex(@"^(?<name>.+?)\s+(?:(?<signup>vinculad[oa]|se\s+vincul[oó]|signed\s+up|joined)|(?<churn>retirad[oa]|desvinculad[oa]|se\s+retir[oó]|churned|left))(?:\s*[:,-]?\s*(?<rest>.*))?$",
        RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex Said();

    [GeneratedRegex(@"(?:^|\s)(?:el\s+|on\s+)?(?<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}(?:/\d{4})?)\s*$", RegexOptions.IgnoreCase | RegexOptions.NonBacktracking)]
    private static partial Regex TrailingDate();
}
