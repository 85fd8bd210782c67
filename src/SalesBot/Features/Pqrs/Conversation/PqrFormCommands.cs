using System.Globalization;
using SalesBot.Bot;
using SalesBot.Bot.Localization;
using SalesBot.Features.Clients.Conversation;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs.Conversation;

/// <summary>What the PQR form holds: the values typed so far, as text, so a refused form comes back as it was sent.</summary>
public sealed record PqrFormValues(string? Radicado, string? Type, string? Channel, string? FiledDate, string? FiledTime, string? Description)
{
    public static PqrFormValues From(CommandInput input) => new(input.Field("radicado"), input.Field("type"), input.Field("channel"),
        input.Field("filedDate"), input.Field("filedTime"), input.Field("description"));

    /// <summary>The filing moment as the organisation's local time ("2026-03-27T16:30"), null when a part is missing.</summary>
    public string? FiledAt => string.IsNullOrWhiteSpace(FiledDate) || string.IsNullOrWhiteSpace(FiledTime)
        ? null
        : FiledDate.Trim() + "T" + FiledTime.Trim();
}

/// <summary>The PQR form card: filled with what was typed, the client picker, and why it came back.</summary>
public sealed class PqrForm(ClientPicker picker, BusinessCalendar calendar, TimeProvider clock)
{
    public async Task ReplyAsync(BotTurn turn, PqrFormValues values, ClientPick? pick, string? error, CancellationToken ct)
    {
        // A new form starts at the present moment in the organisation's time zone: most PQRs are typed as they arrive.
        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), calendar.TimeZone);
        turn.ReplyCard("pqr-form", new
        {
            title = turn.T("pqrs.formTitle"),
            error,
            labels = new
            {
                radicado = turn.T("field.radicado"),
                radicadoHint = "2026-000123",
                type = turn.T("field.type"),
                channel = turn.T("field.channel"),
                filedDate = turn.T("field.filed-at"),
                filedTime = turn.T("pqrs.filedTime"),
                description = turn.T("pqrs.descriptionLabel"),
                required = turn.T("clients.required"),
                save = turn.T("pqrs.register"),
            },
            picker = await picker.CardDataAsync(turn, pick, ct),
            values = new
            {
                radicado = values.Radicado ?? "",
                type = values.Type is { } t && PqrTypes.TryParse(t, out var type) ? type.Code() : "",
                channel = PqrChannels.Parse(values.Channel)?.Code() ?? "",
                filedDate = values.FiledDate ?? now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                filedTime = values.FiledTime ?? now.ToString("HH:mm", CultureInfo.InvariantCulture),
                description = values.Description ?? "",
            },
            types = PqrTypes.Codes.Select(c => new
            {
                title = turn.T("pqrs.typeWithTerm", turn.T("pqrtype." + c), PqrTypes.TryParse(c, out var pt) ? pt.TermInBusinessDays() : 0),
                value = c,
            }),
            channels = PqrChannels.Codes.Select(c => new { title = turn.T("pqrchannel." + c), value = c }),
        });
    }
}

/// <summary>"nueva pqr": the form, for the people who register PQRs (customer service, administrators).</summary>
public sealed class NewPqrCommand(PqrForm form) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (!RegisterPqr.MayRegister(turn.Actor))
        {
            turn.ReplyText(turn.T("pqrs.onlyCustomerService"));
            return;
        }
        var radicado = string.IsNullOrWhiteSpace(input.Text) ? null : input.Text.Trim();
        await form.ReplyAsync(turn, new PqrFormValues(radicado, null, null, null, null, null), null, null, ct);
    }
}

/// <summary>
/// The form's Register button. Bad data, or a client still to be chosen, shows the form again with
/// what was typed and why; a second press registers nothing new (the radicado is the key).
/// </summary>
public sealed class RegisterPqrCommand(RegisterPqr register, ClientPicker picker, PqrForm form) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var values = PqrFormValues.From(input);
        var pick = await picker.ResolveAsync(turn, input, ct);
        if (pick.Client is null)
        {
            await form.ReplyAsync(turn, values, pick, pick.Problem, ct);
            return;
        }
        var (registration, errors) = await register.ExecuteAsync(turn.Actor,
            new PqrInput(values.Radicado, null, pick.Client.Id, values.Type, values.Channel, values.FiledAt, values.Description), ct);
        var (pqr, outcome) = (registration?.Pqr, registration?.Outcome ?? default);
        if (pqr is null)
        {
            await form.ReplyAsync(turn, values, pick, turn.Describe(errors), ct);
            return;
        }
        var assignee = registration!.AssigneeName;
        var key = outcome == RegistrationOutcome.AlreadyRegistered ? "pqrs.alreadyRegistered" : "pqrs.registered";
        turn.ReplyText(turn.T(key, pqr.FilingNumber, pick.Client.Name, turn.T("pqrtype." + pqr.Type.Code()),
            turn.Format.Date(pqr.DueDate), pqr.Type.TermInBusinessDays())
            + " " + (assignee is null ? turn.T("pqrs.unassigned") : turn.T("pqrs.assignedTo", assignee)));
    }
}
