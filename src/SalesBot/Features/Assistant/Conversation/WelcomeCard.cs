using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>The welcome card: who SalesBot is, what it knows about you, and where to start.</summary>
public static class WelcomeCard
{
    /// <summary>In a personal chat: greets the user by name and says what the organisation knows of them.</summary>
    public static void Reply(BotTurn turn, CommandRouter router)
    {
        var firstName = FirstName(turn.Person?.Name ?? turn.Activity.From?.Name);
        string status;
        if (turn.Person is { } person)
        {
            var team = person.Team is null ? "" : turn.T("welcome.knownTeam", person.Team.Name);
            status = turn.T("welcome.known", ProfileCommand.RoleText(turn, person.Roles), team);
        }
        else
        {
            status = turn.T("welcome.unknown");
        }
        var steps = FirstStepsOf(router, turn.Actor.Roles);
        Send(turn, turn.T("welcome.title", firstName is null ? "" : ", " + firstName), status,
            turn.T(steps.Count > 0 ? "welcome.firstSteps" : "welcome.tryHelp"),
            steps.Select(c => new { title = turn.T(c.HelpKey + ".example") }).ToArray());
    }

    /// <summary>The three most useful first commands for the person's main role (none for someone not registered yet).</summary>
    public static IReadOnlyList<CommandDescriptor> FirstStepsOf(CommandRouter router, Role roles)
    {
        var primary = HelpTopic.PrimaryOf(roles);
        if (primary == Role.None) return [];
        return router.All.Where(c => c.HelpKey is not null && c.Help is { } help && (help.FirstStepFor & primary) != 0)
            .OrderBy(c => c.Help!.Area).ThenBy(c => c.Help!.Rank).Take(3).ToList();
    }

    /// <summary>In a team channel or group chat the bot was added to: addresses everyone; a team's channel also learns how to get the weekly digest.</summary>
    public static void ReplyToGroup(BotTurn turn) =>
        Send(turn, turn.T("welcome.teamTitle"), null,
            turn.T("welcome.team") + (turn.Activity.Conversation?.ConversationType == "channel" ? " " + turn.T("welcome.channelDigest") : ""));

    /// <summary>To someone who joined a team the bot is in.</summary>
    public static void ReplyToNewMember(BotTurn turn, string? name) =>
        Send(turn, turn.T("welcome.memberTitle", FirstName(name) is { } n ? ", " + n : ""), null, turn.T("welcome.member"));

    /// <param name="firstSteps">Buttons that send an example command as the person's own message, so they see how it is written.</param>
    private static void Send(BotTurn turn, string title, string? status, string hint, object[]? firstSteps = null) =>
        turn.ReplyCard("welcome", new
        {
            title,
            intro = turn.T("welcome.intro"),
            status,
            hint,
            firstSteps = firstSteps ?? [],
            actions = new[]
            {
                new { title = turn.T("action.help"), command = AssistantActions.Help },
                new { title = turn.T("action.language"), command = AssistantActions.Language },
            },
        });

    private static string? FirstName(string? name) => name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
