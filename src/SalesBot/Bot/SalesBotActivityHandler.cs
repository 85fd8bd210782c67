using System.Text.Json.Nodes;
using SalesBot.Features.Assistant.Conversation;
using SalesBot.Features.Language.Conversation;
using SalesBot.Teams.Hosting;
using SalesBot.Teams.Schema;

namespace SalesBot.Bot;

/// <summary>
/// Routes one turn: typed text through the recognizer to a command, card buttons by their
/// "command" data, installs and new members to the welcome. Everything else is the features' job.
/// </summary>
public sealed class SalesBotActivityHandler(
    BotTurn turn,
    StoredConversationReference conversation,
    CommandRouter router,
    IIntentRecognizer recognizer,
    IServiceProvider scope,
    TimeProvider clock) : ActivityHandler
{
    protected override Task OnMessageAsync(ITurnContext context, CancellationToken ct)
    {
        var activity = context.Activity;
        if (activity.Value is not null && !TurnInput.IsWithinBounds(activity.Value))
        {
            turn.ReplyText(turn.T("input.cardTooLarge"));
            return Task.CompletedTask;
        }
        if (activity.Value is JsonObject data)
        {
            var command = router.Find(data["command"] is JsonValue v && v.TryGetValue<string>(out var name) ? name : null);
            if (command is null)
            {
                turn.ReplyText(turn.T("error.invalidSubmit"));
                return Task.CompletedTask;
            }
            return CommandRouter.RunAsync(scope, turn, command, new CommandInput(null, data), ct);
        }

        var text = activity.TextWithoutBotMention();
        if (string.IsNullOrWhiteSpace(text))
        {
            turn.ReplyText(turn.T("fallback.empty"));
            return Task.CompletedTask;
        }
        if (TurnInput.IsTooLong(text))
        {
            turn.ReplyText(turn.T("input.messageTooLong", text.Length, TurnInput.MaxMessageLength));
            return Task.CompletedTask;
        }
        var typed = recognizer.Recognize(text) is { } intent && router.Find(intent.Command) is { } recognized ? (recognized, intent.Remainder) : ((CommandDescriptor, string)?)null;
        // A command typed whole ("ayuda", "mis visitas") needs no reading.
        if (typed is ({ } whole, "")) return CommandRouter.RunAsync(scope, turn, whole, CommandInput.Empty, ct);
        return AnswerSentenceAsync(text, typed, ct);
    }

    /// <summary>A sentence, or a command with words after it: read for what it asks (resolved only for such turns).</summary>
    private async Task AnswerSentenceAsync(string text, (CommandDescriptor Command, string Remainder)? typed, CancellationToken ct)
    {
        if (!await scope.GetRequiredService<SentenceAnswer>().TryAnswerAsync(turn, text, typed, ct)) await Fallback(text);
    }

    /// <summary>
    /// A message nobody could place: said so, with the two commands it most likely meant as buttons
    /// (those the person may use), or the menu when nothing comes close.
    /// </summary>
    private Task Fallback(string text)
    {
        turn.ReplyText(turn.T("fallback.text", TextPreview.Of(text)));
        var likely = recognizer.Likely(text, 4).Select(router.Find)
            .Where(c => c is { HelpKey: not null } && (c.Help is null || c.Help.IsFor(turn.Actor.Roles))).Take(2).ToList();
        if (likely.Count > 0)
        {
            turn.ReplyCard("menu", new
            {
                title = turn.T("fallback.didYouMean"),
                intro = turn.T("fallback.didYouMeanIntro"),
                items = likely.Select(c => new { title = c!.MenuTitleKey is { } menuTitle ? turn.T(menuTitle) : CommandWords(turn.T(c.HelpKey!)), command = c.Name }),
            });
            return Task.CompletedTask;
        }
        return router.Find(AssistantActions.Menu) is { } menu
            ? CommandRouter.Create(scope, menu).HandleAsync(turn, CommandInput.Empty, CancellationToken.None)
            : Task.CompletedTask;
    }

    /// <summary>"informe mensual [mes] [equipo]" as a button: the command's words, without its placeholders.</summary>
    private static string CommandWords(string usage)
    {
        var cut = usage.IndexOfAny(['[', '<', '(']);
        return (cut > 0 ? usage[..cut] : usage).Trim();
    }

    protected override Task OnInstallationAddAsync(ITurnContext context, CancellationToken ct) => WelcomeOnce();

    protected override Task OnBotAddedAsync(ITurnContext context, CancellationToken ct) => IsPersonal ? WelcomeInPersonalChat() : WelcomeOnce();

    protected override Task OnInstallationRemoveAsync(ITurnContext context, CancellationToken ct)
    {
        conversation.WelcomedAt = null;
        return Task.CompletedTask;
    }

    protected override Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, ITurnContext context, CancellationToken ct)
    {
        // In a personal chat the "member" is the user themself: same as installing.
        if (IsPersonal) return WelcomeInPersonalChat();
        foreach (var member in members) WelcomeCard.ReplyToNewMember(turn, member.Name);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Teams sends a personal install's conversationUpdate without a locale, beside an
    /// installationUpdate that has it: that one welcomes, so the welcome's language does not depend
    /// on which of the two arrives first.
    /// </summary>
    private Task WelcomeInPersonalChat() => turn.Activity.ClientLocale() is null ? Task.CompletedTask : WelcomeOnce();

    /// <summary>
    /// Teams announces an install twice (installationUpdate and conversationUpdate); the stored
    /// reference remembers the welcome, and its concurrency token stops two racing turns.
    /// </summary>
    private async Task WelcomeOnce()
    {
        if (conversation.WelcomedAt is not null) return;
        conversation.WelcomedAt = clock.GetUtcNow();
        if (!IsPersonal)
        {
            WelcomeCard.ReplyToGroup(turn);
            return;
        }
        WelcomeCard.Reply(turn, router);
        // Whatever waited for this person (e.g. an approval after SalesBot was installed for them) comes now.
        foreach (var opened in scope.GetServices<IPersonalChatOpened>()) await opened.OpenedAsync(turn, CancellationToken.None);
    }

    protected override async Task<InvokeResponse?> OnAdaptiveCardActionAsync(AdaptiveCardInvokeAction action, ITurnContext context, CancellationToken ct)
    {
        if (action.Verb!.Length > 100 || !TurnInput.IsWithinBounds(action.Data))
            return InvokeResponse.Error(400, "InputTooLarge", turn.T("input.cardTooLarge"));
        // Features register their verbs (e.g. "offers.approve"); the handler is created only for its own.
        if (router.FindCardAction(action.Verb) is { } registered) return await CommandRouter.Create(scope, registered).HandleAsync(turn, action, ct);
        // A form's button: Action.Execute named after the command its Action.Submit fallback sends.
        if (router.Find(action.Verb) is not { } command) return InvokeResponse.Error(400, "UnknownVerb", turn.T("error.invalidSubmit"));
        await CommandRouter.RunAsync(scope, turn, command, new CommandInput(null, action.Data ?? []), ct);
        return AnswerInPlace(context);
    }

    /// <summary>
    /// A form answered through Action.Execute: a card it replies with (the form again, with what was
    /// wrong) replaces the clicked one; text replies stay in the chat, the first also shown at once.
    /// A shared conversation sees neither: the answer went to the clicker's 1:1 chat.
    /// </summary>
    private InvokeResponse AnswerInPlace(ITurnContext context)
    {
        if (turn.RepliesPrivately) return InvokeResponse.Message(turn.T("privacy.sentPrivately"));
        var replies = context.Outgoing.ToList();
        var card = replies.FirstOrDefault(r => r.Attachments is [{ ContentType: ContentTypes.AdaptiveCard, Content: { } }]);
        if (card is null) return InvokeResponse.Message(replies.Select(r => r.Text).FirstOrDefault(t => !string.IsNullOrEmpty(t)) ?? turn.T("card.done"));
        context.Withdraw(card);
        return InvokeResponse.Card(card.Attachments![0].Content!);
    }

    protected override async Task<InvokeResponse?> OnSearchAsync(SearchInvokeValue search, ITurnContext context, CancellationToken ct)
    {
        // Resolved only for search invokes: most turns never need a dataset.
        var dataset = scope.GetServices<ISearchDataset>().FirstOrDefault(d => string.Equals(d.Name, search.Dataset, StringComparison.OrdinalIgnoreCase));
        if (dataset is null) return InvokeResponse.Error(400, "UnknownDataset", turn.T("error.invalidSubmit"));
        // Teams asks for pages of up to 15 as the user types; never more than 50 at once.
        var top = Math.Clamp(search.QueryOptions?.Top ?? 15, 1, 50);
        var skip = Math.Clamp(search.QueryOptions?.Skip ?? 0, 0, TurnInput.MaxSearchSkip);
        var query = search.QueryText ?? "";
        if (query.Length > TurnInput.MaxSearchQueryLength)
            return InvokeResponse.Error(400, "QueryTooLong", turn.T("input.searchTooLong", TurnInput.MaxSearchQueryLength));
        var results = await dataset.SearchAsync(turn, query, skip, top, ct);
        return InvokeResponse.SearchResults(results);
    }

    /// <summary>Message extension invokes (search, insert, unfurl, the message action): <see cref="MessageExtension.MessageExtensions"/>, resolved only for them.</summary>
    protected override async Task<InvokeResponse?> OnComposeExtensionAsync(string name, ITurnContext context, CancellationToken ct)
    {
        // A message action carries the whole message (read bounded by MessageText) and its form's data (checked on submit).
        if (name is not (InvokeNames.ComposeFetchTask or InvokeNames.ComposeSubmitAction) && !TurnInput.IsWithinBounds(turn.Activity.Value))
            return new InvokeResponse(400, new JsonObject { ["error"] = "The invoke's value is too large" });
        return await scope.GetRequiredService<MessageExtension.MessageExtensions>().HandleAsync(name, turn, ct);
    }

    private bool IsPersonal => turn.Activity.Conversation?.ConversationType is null or "personal";
}
