using SalesBot.Features.Clients;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Pqrs;

/// <summary>A PQR as it arrives from a card, a file or the customer-service system: text only.</summary>
public sealed record PqrInput(string? FilingNumber, string? ClientNit, Guid? ClientId, string? Type, string? Channel, string? FiledAt, string? Description);

public enum RegistrationOutcome
{
    Created,
    AlreadyRegistered,
}

/// <summary>
/// Files a PQR: validates it, computes its legal due date, routes it to an executive and tells
/// them. Registering the same radicado with the same content again returns the PQR already there
/// (the customer-service system retries); with other content it is a conflict. Customer service
/// and administrators register PQRs.
/// </summary>
public sealed class RegisterPqr(SalesBotDbContext db, BusinessCalendar calendar, TimeProvider clock, PqrRouting routing, IPqrNotifications notifications,
    TeamCalendars teamCalendars)
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);

    public static bool MayRegister(Actor actor) => actor.Has(Role.CustomerService) || actor.Has(Role.Admin);

    public async Task<Result<PqrRegistration>> ExecuteAsync(Actor actor, PqrInput input, CancellationToken ct)
    {
        if (!MayRegister(actor))
            return DomainError.Forbidden("pqrs.register");

        var errors = new List<DomainError>();
        var number = input.FilingNumber?.Trim();
        if (string.IsNullOrEmpty(number) || number.Length > 40 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.'))
            errors.Add(DomainError.Invalid("radicado", "radicado"));
        if (!PqrTypes.TryParse(input.Type ?? "", out var type)) errors.Add(DomainError.Invalid("type", "one-of", string.Join(", ", PqrTypes.Codes)));
        var channel = PqrChannels.Parse(input.Channel);
        if (channel is null) errors.Add(DomainError.Invalid("channel", "one-of", string.Join(", ", PqrChannels.Codes)));
        var filedAt = input.FiledAt is null ? null : FiledAt.TryParse(input.FiledAt, calendar.TimeZone);
        if (filedAt is null) errors.Add(DomainError.Invalid("filed-at", "date-time"));
        else if (filedAt > clock.GetUtcNow() + FutureTolerance) errors.Add(DomainError.Invalid("filed-at", "future"));
        var description = input.Description?.Trim();
        if (string.IsNullOrEmpty(description) || description.Length > 8000) errors.Add(DomainError.Invalid("description", "required-max", "8000"));
        var client = await FindClientAsync(input, errors, ct);
        if (errors.Count > 0) return Result<PqrRegistration>.Refused(errors);

        // A file may list the same radicado twice: the first row is not in the database yet.
        var existing = db.Pqrs.Local.FirstOrDefault(p => p.FilingNumber == number)
            ?? await db.Pqrs.FirstOrDefaultAsync(p => p.FilingNumber == number, ct);
        if (existing is not null)
        {
            if (!existing.SameFiling(client!.Id, type, channel!.Value, filedAt!.Value.ToUniversalTime(), description!)) return DomainError.Conflict("pqr", number!);
            var assignedTo = existing.AssigneeId is { } assigneeId ? (await db.People.FindAsync([assigneeId], ct))?.Name : null;
            return new PqrRegistration(existing, RegistrationOutcome.AlreadyRegistered, assignedTo);
        }

        var now = clock.GetUtcNow();
        // The term runs on the business days of whoever answers it: the assignee's team's calendar at filing.
        var assignee = await routing.ChooseAssigneeAsync(client!, ct);
        var choice = await teamCalendars.ChoiceOfPersonAsync(assignee?.Id, ct);
        var termCalendar = teamCalendars.For(choice);
        if (!termCalendar.Covers(termCalendar.LocalDate(filedAt!.Value)))
            return DomainError.Invalid("filed-at", "date-time");
        var pqr = new Pqr(number!, client!.Id, type, channel!.Value, filedAt!.Value.ToUniversalTime(), description!,
            new PqrDeadline(termCalendar).DueDate(type, filedAt.Value), now);
        pqr.RunsOn(choice);
        db.Pqrs.Add(pqr);
        if (assignee is not null)
        {
            pqr.AssignTo(assignee.Id, now);
            await notifications.AssignedAsync(pqr, client, assignee, ct);
        }
        return new PqrRegistration(pqr, RegistrationOutcome.Created, assignee?.Name);
    }

    private async Task<Client?> FindClientAsync(PqrInput input, List<DomainError> errors, CancellationToken ct)
    {
        if (input.ClientId is { } id)
        {
            var byId = await db.Clients.FindAsync([id], ct);
            if (byId is null) errors.Add(DomainError.NotFound("client", id.ToString()));
            return byId;
        }
        if (string.IsNullOrWhiteSpace(input.ClientNit))
        {
            errors.Add(DomainError.Invalid("client", "client"));
            return null;
        }
        var nit = Nit.Normalize(input.ClientNit, out var nitError);
        if (nitError is not null)
        {
            errors.Add(nitError);
            return null;
        }
        var client = await db.Clients.FirstOrDefaultAsync(c => c.TaxId == nit, ct);
        if (client is null) errors.Add(DomainError.NotFound("client", input.ClientNit.Trim()));
        return client;
    }
}

/// <summary>A registered PQR: new, or the same filing already there; with the name of whoever answers it, if anyone.</summary>
public sealed record PqrRegistration(Pqr Pqr, RegistrationOutcome Outcome, string? AssigneeName);
