using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>The welcome card: who SalesBot is, what it knows about you, and where to start.</summary>
public static class WelcomeCard
{
    public static void Reply(BotTurn turn)
    {
        var firstName = turn.Person?.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()
            ?? turn.Activity.From?.Name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
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
        turn.ReplyCard("welcome", new
        {
            title = turn.T("welcome.title", firstName is null ? "" : ", " + firstName),
            intro = turn.T("welcome.intro"),
            status,
            hint = turn.T("welcome.tryHelp"),
            actions = new[]
            {
                new { title = turn.T("action.help"), command = "help" },
                new { title = turn.T("action.menu"), command = "menu" },
                new { title = turn.T("action.language"), command = "language" },
            },
        });
    }
}
