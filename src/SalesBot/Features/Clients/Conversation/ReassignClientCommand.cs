using System.Text.RegularExpressions;
using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>"cambiar responsable Ferretería El Sol a Megan Bowen" ("change owner X to Y"): another executive owns the client.</summary>
public sealed partial class ReassignClientCommand(ClientPicker picker, ReassignClient reassign) : IConversationCommand
{
    public async Task HandleAsync(BotTurn turn, CommandInput input, CancellationToken ct)
    {
        if (Said().Match(input.Text ?? "") is not { Success: true } said)
        {
            turn.ReplyText(turn.T("clients.reassignHowTo"));
            return;
        }
        if (await picker.NamedInTextAsync(turn, said.Groups["client"].Value, ct) is not { } client) return;
        var result = await reassign.ExecuteAsync(turn.Actor, client.Id, said.Groups["person"].Value, ct);
        if (!result.Ok)
        {
            turn.Refuse(result.Error!);
            return;
        }
        var done = result.Value!;
        turn.ReplyText(turn.T("clients.reassigned", done.Client.Name, done.Owner.Name, done.PreviousOwnerName ?? "-"));
    }

    // The client's name may hold an "a": the person is what follows the last " a " / " to ".
    [GeneratedRegex(@"^(?:de\s+|of\s+)?(?<client>.+)\s+(?:a|to|para)\s+(?<person>\S.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Said();
}
