using System.Text.Json.Nodes;

namespace SalesBot.Bot.MessageExtension;

/// <summary>
/// An action command on a message ("Registrar visita"), registered by its feature: the form it opens
/// in a dialog, filled from the message, and what its submission does. Both reply as any command
/// does (the form as a card, the outcome as text or a card); <see cref="MessageExtensions"/> turns
/// a form into the dialog and sends the outcome to the user's 1:1 chat.
/// </summary>
public interface IMessageAction
{
    /// <summary>The manifest's action command id ("registrarVisita").</summary>
    string CommandId { get; }

    /// <summary>The dialog's title.</summary>
    string TitleKey { get; }

    /// <summary>How much of the message's text the form takes (the field it fills).</summary>
    int MaxMessageText { get; }

    /// <summary>Replies with the form, filled from the message's text (already plain text and capped).</summary>
    Task OpenAsync(BotTurn turn, string messageText, CancellationToken ct);

    /// <summary>Runs the form's submission, authorised as the user; replies with the form again when something is wrong.</summary>
    Task SubmitAsync(BotTurn turn, JsonObject data, CancellationToken ct);
}
