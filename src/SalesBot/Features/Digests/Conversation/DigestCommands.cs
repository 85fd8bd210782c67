using System.Globalization;
using System.Text.RegularExpressions;
using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Features.Language;
using SalesBot.Features.Shared;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>What users can ask of the weekly digest: each action's name and the phrases that ask for it.</summary>
public static class DigestActions
{
    public const string Weekly = "digests.weekly";
    public const string List = "digests.list";
    public const string Nudges = "digests.nudges";
    public const string SaveNudges = "digests.nudgesSave";
    public const string Snooze = "digests.snooze";

    public static readonly PhraseSet Phrases = new(
    [
        ("resumen semanal", Weekly),
        ("weekly digest", Weekly),
        ("mis avisos", Nudges),
        ("avisos", Nudges),
        ("my nudges", Nudges),
        ("nudges", Nudges),
    ]);
}

/// <summary>What «resumen semanal ...» asks: show, subscribe, cancel, or post now.</summary>
public sealed record DigestRequest(DigestRequestKind Kind, string? Team, DigestSlot Slot);

public enum DigestRequestKind
{
    Show,
    Subscribe,
    Cancel,
    Now,
}

/// <summary>
/// Reads «resumen semanal [equipo] [día] [hora]» (or «... suscribir» for the defaults), «... cancelar [equipo]», «... ahora [equipo]»:
/// the day and hour from the end (any order), the rest is the team's name. Defaults: Monday 08:00.
/// </summary>
public static partial class DigestRequestText
{
    public static DigestRequest? Parse(string? text)
    {
        var words = (text ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count == 0) return new DigestRequest(DigestRequestKind.Show, null, DigestSlot.Default);
        var first = TextFolding.Fold(words[0]);
        var kind = first switch
        {
            "suscribir" or "suscribe" or "subscribe" or "activar" or "on" => DigestRequestKind.Subscribe,
            "cancelar" or "cancel" or "cancela" or "stop" or "baja" => DigestRequestKind.Cancel,
            "ahora" or "now" or "preview" or "ya" => DigestRequestKind.Now,
            _ => DigestRequestKind.Subscribe,
        };
        if (kind != DigestRequestKind.Subscribe || first is "suscribir" or "suscribe" or "subscribe" or "activar" or "on") words.RemoveAt(0);
        var (day, hour) = (DigestSlot.Default.Day, DigestSlot.Default.Hour);
        for (var taken = 0; taken < 2 && words.Count > 0; taken++)
        {
            var last = TextFolding.Fold(words[^1]);
            if (DateReader.Weekday(last) is { } named) day = named;
            else if (Hour(words[^1]) is { } at) hour = at;
            else break;
            words.RemoveAt(words.Count - 1);
            // "el lunes a las 8", "los lunes": the little words before a day or an hour go too.
            while (words.Count > 0 && TextFolding.Fold(words[^1]) is "a" or "las" or "la" or "el" or "los" or "at" or "on" or "cada" or "every" or "de") words.RemoveAt(words.Count - 1);
        }
        var team = string.Join(' ', words).Trim();
        if (kind == DigestRequestKind.Subscribe && team.Length > 0 && words.Count > 0 && TeamLooksLikeAnHour(team)) return null;
        return new DigestRequest(kind, team.Length == 0 ? null : team, new DigestSlot(day, hour));
    }

    /// <summary>"8", "08:30", "8am", "3pm", "15h", "15:00".</summary>
    public static TimeOnly? Hour(string word)
    {
        var m = HourPattern().Match(word.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal));
        if (!m.Success) return null;
        var h = int.Parse(m.Groups["h"].Value, CultureInfo.InvariantCulture);
        var min = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
        if (m.Groups["pm"].Success && h < 12) h += 12;
        if (m.Groups["am"].Success && h == 12) h = 0;
        return h is >= 0 and < 24 && min is >= 0 and < 60 ? new TimeOnly(h, min) : null;
    }

    private static bool TeamLooksLikeAnHour(string team) => team.Any(char.IsDigit) && team.Contains(':', StringComparison.Ordinal);

    [GeneratedRegex(@"^(?<h>\d{1,2})(?::(?<m>\d{2}))?(?:h|hs|(?<am>am)|(?<pm>pm))?$")]
    private static partial Regex HourPattern();
}

/// <summary>
/// «resumen semanal» in a team channel: shows the channel's subscriptions, subscribes a team,
/// cancels it, or posts this week's digest at once. What it answers is about the channel and the
/// team (who gets what, when), the same for everyone in it: it is said in the channel.
/// </summary>
public sealed class WeeklyDigestCommand(DigestSubscriptions subscriptions, BuildWeeklyDigest build, DigestChartLinks charts, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (ChannelOf(turn.Activity) is not { } channel)
        {
            turn.ReplyText(turn.T("digest.onlyInChannel"));
            return;
        }
        turn.RepliesPrivately = false;
        if (DigestRequestText.Parse(input.Text) is not { } request)
        {
            turn.ReplyText(turn.T("digest.howTo"));
            return;
        }
        switch (request.Kind)
        {
            case DigestRequestKind.Show:
                var here = await subscriptions.InChannelAsync(channel, ct);
                var lines = here.Count == 0
                    ? turn.T("digest.noneHere")
                    : string.Join("\n\n", here.Select(s => turn.T("digest.subscribed", s.TeamName, DayName(turn, s.Subscription.Day), turn.Format.Time(Today(s.Subscription.Hour)), s.Subscription.TimeZone)));
                turn.ReplyText(lines + "\n\n" + turn.T("digest.howTo"));
                return;
            case DigestRequestKind.Subscribe:
                var subscribed = await subscriptions.SubscribeAsync(turn.Actor, channel, request.Team, request.Slot, turn.Language, ct);
                if (!subscribed.Ok)
                {
                    turn.Refuse(subscribed.Error!);
                    return;
                }
                var team = await subscriptions.TeamAsync(turn.Actor, channel, request.Team, ct);
                var s = subscribed.Value!;
                turn.ReplyText(turn.T("digest.subscribed", team.Value!.Name, DayName(turn, s.Day), turn.Format.Time(Today(s.Hour)), s.TimeZone));
                return;
            case DigestRequestKind.Cancel:
                var cancelled = await subscriptions.CancelAsync(turn.Actor, channel, request.Team, ct);
                if (!cancelled.Ok)
                {
                    turn.Refuse(cancelled.Error!);
                    return;
                }
                turn.ReplyText(turn.T("digest.cancelled"));
                return;
            default:
                var which = await subscriptions.TeamAsync(turn.Actor, channel, request.Team, ct);
                if (!which.Ok)
                {
                    turn.Refuse(which.Error!);
                    return;
                }
                var digest = await build.ExecuteAsync(which.Value!.Id, clock.GetUtcNow(), ct);
                if (digest is not null) turn.ReplyCard(DigestCard.Template, DigestCard.Data(turn.Words, digest, chartUrl: charts.UrlFor(digest, turn.Language, which.Value!.Country)));
                return;
        }
    }

    /// <summary>The team channel a turn came from (a thread's conversation id carries ";messageid=..."), or null outside a channel.</summary>
    public static string? ChannelOf(Activity activity)
    {
        if (activity.Conversation?.ConversationType != "channel") return null;
        var id = activity.GetTeamsChannelData()?.Channel?.Id ?? activity.Conversation.Id;
        if (id is null) return null;
        var thread = id.IndexOf(';', StringComparison.Ordinal);
        return thread >= 0 ? id[..thread] : id;
    }

    private static string DayName(BotTurn turn, DayOfWeek day) => turn.Format.Culture.DateTimeFormat.GetDayName(day);

    private static DateTimeOffset Today(TimeOnly hour) => new(DateOnly.MinValue.ToDateTime(hour), TimeSpan.Zero);
}

/// <summary>
/// «Ver la lista completa» under a digest's list: that list in full, in the clicker's 1:1 chat
/// (the router sends it there from a channel), built now and only for someone who may see the
/// team's deals: its members, its lead, directors and administrators.
/// </summary>
public sealed class DigestListCommand(BuildWeeklyDigest build, TimeProvider clock) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var section = input.Field("section");
        if (!Guid.TryParse(input.Field("team"), out var teamId) || section is null || !DigestCard.Lists.Contains(section))
        {
            turn.ReplyText(turn.T("digest.howTo"));
            return;
        }
        var digest = await build.ReadAsync(turn.Actor, teamId, clock.GetUtcNow(), ct);
        if (!digest.Ok)
        {
            turn.Refuse(digest.Error!);
            return;
        }
        turn.ReplyCard(DigestCard.Template, DigestCard.Data(turn.Words, digest.Value!, section));
    }
}
