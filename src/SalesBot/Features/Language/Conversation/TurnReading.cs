using SalesBot.Bot;
using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Language.Conversation;

/// <summary>
/// What a turn's message is read against: the speaker's locale (their language, and for Spanish
/// their team's country: "1.500" is fifteen hundred in Bogotá and La Paz, "1,500" in Monterrey)
/// and the moment, in their team's time zone ("mañana" after 19:00 in La Paz is still tomorrow there).
/// </summary>
public sealed class TurnReading(BusinessCalendar organization, TimeProvider clock)
{
    public ReadingContext For(BotTurn turn)
    {
        var team = turn.Person?.Team;
        var country = team?.Country ?? organization.Country;
        var zone = team?.TimeZone is { } id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : organization.TimeZone;
        var locale = turn.Language == "en" ? "en-US" : country switch
        {
            "BO" => "es-BO",
            "MX" => "es-MX",
            _ => "es-CO",
        };
        return new ReadingContext(locale, TimeZoneInfo.ConvertTime(clock.GetUtcNow(), zone));
    }
}
