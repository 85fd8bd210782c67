using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>"ayuda" / "help": every registered command with its description.</summary>
public sealed class HelpCommand(CommandRouter router) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var commands = router.All
            .Where(c => c.HelpKey is not null)
            .OrderBy(c => c.MenuOrder)
            .Select(c => new { name = turn.T(c.HelpKey!), description = turn.T(c.HelpKey + ".description") })
            .ToList();
        turn.ReplyCard("help", new
        {
            title = turn.T("help.title"),
            intro = turn.T("help.intro"),
            commands,
            footer = turn.T("help.footer"),
            actions = new[] { new { title = turn.T("action.menu"), command = AssistantActions.Menu } },
        });
        return Task.CompletedTask;
    }
}

/// <summary>"menú": a button for each command that asks to be in the menu.</summary>
public sealed class MenuCommand(CommandRouter router) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var items = router.All
            .Where(c => c.MenuTitleKey is not null)
            .OrderBy(c => c.MenuOrder)
            .Select(c => new { title = turn.T(c.MenuTitleKey!), command = c.Name })
            .ToList();
        turn.ReplyCard("menu", new { title = turn.T("menu.title"), intro = turn.T("menu.intro"), items });
        return Task.CompletedTask;
    }
}

/// <summary>"hola": the welcome card again.</summary>
public sealed class WelcomeCommand : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        // Where everyone reads it, the welcome says nothing about who the sender is (roles, team).
        if (SharedConversations.IsShared(turn.Activity)) WelcomeCard.ReplyToGroup(turn);
        else WelcomeCard.Reply(turn);
        return Task.CompletedTask;
    }
}

/// <summary>"idioma [es|en|auto]": without a choice shows the options; with one, switches.</summary>
public sealed class LanguageCommand(SetLanguagePreference setLanguage) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var choice = input.Field("language") ?? input.Text;
        if (string.IsNullOrWhiteSpace(choice))
        {
            turn.ReplyCard("language", new
            {
                title = turn.T("language.title"),
                current = turn.T("language.current", turn.T("language." + turn.Language)),
                choose = turn.T("language.choose"),
                options = SetLanguagePreference.Choices.Select(c => new { title = turn.T("language." + c), language = c }),
            });
            return;
        }

        var result = await setLanguage.ExecuteAsync(turn.Actor, choice, ct);
        if (!result.Ok)
        {
            turn.ReplyText(turn.T("language.unknown", Features.Shared.TextPreview.Of(choice)));
            return;
        }
        if (result.Value is { } language)
        {
            turn.Language = language;
            turn.ReplyText(turn.T("language.changed"));
        }
        else
        {
            turn.Language = LanguageResolver.FromLocale(turn.Activity.ClientLocale());
            turn.ReplyText(turn.T("language.changedAuto"));
        }
    }
}

/// <summary>"mi perfil": what the organisation knows about the user.</summary>
public sealed class ProfileCommand(MyProfile profile) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (await profile.ExecuteAsync(turn.Actor, ct) is not { Ok: true, Value: { } p })
        {
            turn.ReplyText(turn.T("profile.unknown", turn.UserKey));
            return;
        }
        var none = turn.T("profile.none");
        turn.ReplyCard("profile", new
        {
            title = turn.T("profile.title"),
            facts = new[]
            {
                new { label = turn.T("profile.name"), value = p.Name },
                new { label = turn.T("profile.email"), value = p.Email },
                new { label = turn.T("profile.roles"), value = RoleText(turn, p.Roles) },
                new { label = turn.T("profile.team"), value = p.Team ?? none },
                new { label = turn.T("profile.manager"), value = p.ManagerName ?? none },
            },
        });
    }

    internal static string RoleText(BotTurn turn, Role roles) =>
        string.Join(", ", RoleNames.Format(roles).Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r => turn.T("role." + r)));
}
