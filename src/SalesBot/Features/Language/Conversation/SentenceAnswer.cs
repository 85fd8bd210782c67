using SalesBot.Bot;

namespace SalesBot.Features.Language.Conversation;

/// <summary>
/// Answers a sentence the exact commands do not place (or place by a misleading first word): the
/// reader says what it asks, the feature's route turns that into its command, which runs at once
/// when it only reads or opens a form (nothing is written until the form is submitted), and is
/// shown on a card with Confirm and Cancel when it would write.
/// </summary>
public sealed class SentenceAnswer(IMessageReader reader, TurnReading reading, IntentRoutes routes, CommandRouter router, IServiceProvider scope)
{
    /// <param name="typed">the exact command the text starts with, if any, with what followed it.</param>
    /// <returns>false when the sentence asks for nothing SalesBot does (the caller says so).</returns>
    public async Task<bool> TryAnswerAsync(BotTurn turn, string text, (CommandDescriptor Command, string Remainder)? typed, CancellationToken ct)
    {
        // A command only ever typed ("plan de visitas 12 Alex", "delegar ...") is never second-guessed.
        if (typed is { } only && !routes.Understands(only.Command.Name)) return await RunTypedAsync(turn, only, ct);
        var understanding = await reader.ReadAsync(text, reading.For(turn), ct);
        var route = routes.For(understanding.Intent);
        // A typed command keeps its meaning unless the sentence plainly asks for something else the bot does.
        var keepsTyped = typed is { } exact && (route is null || routes.Means(exact.Command.Name, understanding.Intent));
        if (!keepsTyped && route?.Call(understanding, turn) is { } call && router.Find(call.Action) is { } command)
        {
            if (call.NeedsConfirmation)
            {
                turn.RepliesPrivately = SharedConversations.AnswersPrivately(turn.Activity, command.Name);
                Confirm(turn, call.Typed!);
            }
            else await CommandRouter.RunAsync(scope, turn, command, call.Input, ct);
            return true;
        }
        return typed is { } fallback && await RunTypedAsync(turn, fallback, ct);
    }

    private async Task<bool> RunTypedAsync(BotTurn turn, (CommandDescriptor Command, string Remainder) typed, CancellationToken ct)
    {
        await CommandRouter.RunAsync(scope, turn, typed.Command, new CommandInput(typed.Remainder, null), ct);
        return true;
    }

    private static void Confirm(BotTurn turn, string typed) =>
        turn.ReplyCard("intent-confirm", new
        {
            text = turn.T("language.confirm"),
            typed,
            confirm = turn.T("language.confirmButton"),
            cancel = turn.T("language.cancelButton"),
            run = LanguageActions.Run,
            dismiss = LanguageActions.Dismiss,
        });
}
