using SalesBot.Bot;

namespace SalesBot.Features.Assistant.Conversation;

/// <summary>"ayuda" / "help": every registered command with its description.</summary>
public sealed class HelpCommand(CommandRouter router) : IConversationCommand
{
    /// <summary>How many commands of each area the short help shows: with five areas, a screen.</summary>
    public const int PerArea = 3;

    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var all = input.Field("all") == "true" || TextFolding.Fold(input.Text ?? "").Trim() is "todo" or "all" or "ver todo" or "see all";
        var roles = turn.Actor.Roles;
        // The same for everyone with these roles in this language: built once (the commands are registered at start).
        turn.ReplySharedCard("help", $"{(int)roles}/{all}", t => Data(t, roles, all));
        return Task.CompletedTask;
    }

    private object Data(BotTurn turn, Role roles, bool all)
    {
        var mine = router.All.Where(c => c.HelpKey is not null && c.Help is { } help && help.IsFor(roles)).ToList();
        var areas = mine.GroupBy(c => c.Help!.Area).OrderBy(g => g.Key)
            .Select(g => (Area: g.Key, Commands: g.OrderBy(c => c.Help!.Rank).Take(all ? int.MaxValue : PerArea).ToList()))
            .ToList();
        var hidden = mine.Count - areas.Sum(a => a.Commands.Count);
        return new
        {
            title = turn.T("help.title"),
            intro = turn.T(roles == Role.None ? "help.unknownIntro" : all ? "help.introAll" : "help.intro"),
            areas = areas.Select(a => new
            {
                title = turn.T("helparea." + a.Area),
                commands = a.Commands.Select(c => new
                {
                    name = turn.T(c.HelpKey!),
                    description = turn.T(c.HelpKey + ".description"),
                    // Commands a sentence reaches show one as well ("or write it as you would say it").
                    example = turn.Has(c.HelpKey + ".sentence")
                        ? turn.T("help.exampleAndSentence", turn.T(c.HelpKey + ".example"), turn.T(c.HelpKey + ".sentence"))
                        : turn.T("help.example", turn.T(c.HelpKey + ".example")),
                }),
            }),
            more = hidden > 0 ? turn.T("help.more", hidden) : null,
            footer = turn.T("help.footer"),
            actions = (hidden > 0 ? new[] { new { title = turn.T("help.all"), command = AssistantActions.Help, all = "true" } } : [])
                .Append(new { title = turn.T("action.menu"), command = AssistantActions.Menu, all = "" }),
        };
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
public sealed class WelcomeCommand(CommandRouter router) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        // Where everyone reads it, the welcome says nothing about who the sender is (roles, team).
        if (SharedConversations.IsShared(turn.Activity)) WelcomeCard.ReplyToGroup(turn);
        else WelcomeCard.Reply(turn, router);
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
