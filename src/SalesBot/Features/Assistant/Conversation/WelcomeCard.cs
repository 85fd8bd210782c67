using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>The welcome card: who SalesBot is, what it knows about you, and where to start.</summary>
public static class WelcomeCard
{
    /// <summary>In a personal chat: greets the user by name and says what the organisation knows of them.</summary>
    public static void Reply(BotTurn turn)
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
        Send(turn, turn.T("welcome.title", firstName is null ? "" : ", " + firstName), status, turn.T("welcome.tryHelp"));
    }

    /// <summary>In a team channel or group chat the bot was added to: addresses everyone.</summary>
    public static void ReplyToGroup(BotTurn turn) =>
        Send(turn, turn.T("welcome.teamTitle"), null, turn.T("welcome.team"));

    /// <summary>To someone who joined a team the bot is in.</summary>
    public static void ReplyToNewMember(BotTurn turn, string? name) =>
        Send(turn, turn.T("welcome.memberTitle", FirstName(name) is { } n ? ", " + n : ""), null, turn.T("welcome.member"));

    private static void Send(BotTurn turn, string title, string? status, string hint) =>
        turn.ReplyCard("welcome", new
        {
            title,
            intro = turn.T("welcome.intro"),
            status,
            hint,
            actions = new[]
            {
                new { title = turn.T("action.help"), command = AssistantActions.Help },
                new { title = turn.T("action.menu"), command = AssistantActions.Menu },
                new { title = turn.T("action.language"), command = AssistantActions.Language },
            },
        });

    private static string? FirstName(string? name) => name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
