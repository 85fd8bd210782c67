using SalesBot.Bot.Localization;
using SalesBot.Features.Digests;
using SalesBot.Features.Organization;

namespace SalesBot.Cli;

/// <summary>`digests add|remove`: the team, the channel, and when (the defaults of a channel's subscription).</summary>
public static partial class CliParser
{
    private static CliCommand Digests(string verb, ParsedOptions o)
    {
        var team = o.Single("team") is { Length: > 0 } t ? t : throw new CliArgumentException("--team is required.");
        var channel = o.Single("channel-id") is { Length: > 0 } c ? c : throw new CliArgumentException("--channel-id is required (19:...@thread.tacv2).");
        if (AddTeam.ValidateChannelId(channel) is { } error) throw new CliArgumentException(English.Refusal(Localizer.English, error));
        var day = DigestSlot.Default.Day;
        if (o.Single("day") is { } dayText)
            day = Features.Language.DateReader.Weekday(Features.Shared.TextFolding.Fold(dayText)) ?? throw new CliArgumentException($"--day '{dayText}' is not a weekday (lunes, monday...).");
        var hour = DigestSlot.Default.Hour;
        if (o.Single("hour") is { } hourText)
            hour = Features.Digests.Conversation.DigestRequestText.Hour(hourText) ?? throw new CliArgumentException($"--hour '{hourText}' is not an hour such as 08:00.");
        var language = o.Single("language") ?? "es";
        if (language is not ("es" or "en")) throw new CliArgumentException("--language must be es or en.");
        return new DigestsCommand(verb, team, channel, new DigestSlot(day, hour), language, o.HostArgs);
    }
}
