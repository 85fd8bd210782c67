using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Organization;

/// <summary>Creates a sales team, optionally with the channel it posts to. Only administrators may; names are unique.</summary>
public sealed class AddTeam(SalesBotDbContext db, BusinessCalendarProvider calendars)
{
    public async Task<Result<Team>> ExecuteAsync(Actor actor, string name, string? channelConversationId, CancellationToken ct,
        CalendarChoice? calendar = null)
    {
        if (!actor.Has(Role.Admin)) return DomainError.Forbidden("teams.add");
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            return DomainError.Invalid("name", "required-max", "100");
        if (ValidateChannelId(channelConversationId) is { } invalid) return invalid;
        var trimmed = name.Trim();
        if (await db.Teams.AnyAsync(t => t.Name == trimmed, ct)) return DomainError.Conflict("team", trimmed);

        var team = new Team(trimmed);
        if (channelConversationId is not null) team.LinkChannel(channelConversationId, null);
        if (calendar is not null)
        {
            var choice = SetTeamCalendar.Check(calendars, calendar);
            if (!choice.Ok) return choice.Error!;
            team.UseCalendar(choice.Value!.Country, choice.Value.Subdivision, choice.Value.TimeZone);
        }
        db.Teams.Add(team);
        return team;
    }

    internal static DomainError? ValidateChannelId(string? channelConversationId) =>
        channelConversationId is not null
        && (string.IsNullOrWhiteSpace(channelConversationId) || channelConversationId.Length > 256 || channelConversationId.Any(char.IsWhiteSpace))
            ? DomainError.Invalid("channel-id", "channel-id")
            : null;
}
