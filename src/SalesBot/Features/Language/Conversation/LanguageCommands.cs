using SalesBot.Bot;


namespace SalesBot.Features.Language.Conversation;

/// <summary>
/// "Confirmar" on a sentence's confirmation card: the command it showed runs as a typed command,
/// through the exact recognizer (never the language reader again), as the person who clicks it;
/// the use case authorises them as it would have had they typed it.
/// </summary>
public sealed class RunConfirmedCommand(IIntentRecognizer recognizer, CommandRouter router, IServiceProvider scope) : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        var typed = input.Field("typed");
        if (string.IsNullOrWhiteSpace(typed) || TurnInput.IsTooLong(typed)
            || recognizer.Recognize(typed) is not { } intent || router.Find(intent.Command) is not { } command
            || command.Name.StartsWith("nlu.", StringComparison.Ordinal))
        {
            turn.ReplyText(turn.T("error.invalidSubmit"));
            return Task.CompletedTask;
        }
        return CommandRouter.RunAsync(scope, turn, command, new CommandInput(intent.Remainder, null), ct);
    }
}

/// <summary>"Cancelar" on a sentence's confirmation card: nothing was done, and it says so.</summary>
public sealed class DismissCommand : IConversationCommand
{
    public Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        turn.ReplyText(turn.T("language.dismissed"));
        return Task.CompletedTask;
    }
}
