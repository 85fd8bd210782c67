using System.Text.Json;
using SalesBot.Teams.Schema;

namespace SalesBot.Teams.Hosting;

/// <summary>
/// Dispatches an activity by type and Teams sub-case to overridable methods, like the SDK's
/// ActivityHandler: derived bots override only what they handle. Invokes nobody handles answer 501.
/// </summary>
public abstract class ActivityHandler : IBot
{
    public virtual Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        return a.Type switch
        {
            ActivityTypes.Message => Done(OnMessageAsync(turn, ct)),
            ActivityTypes.ConversationUpdate => Done(OnConversationUpdateAsync(turn, ct)),
            ActivityTypes.InstallationUpdate => Done(OnInstallationUpdateAsync(turn, ct)),
            ActivityTypes.MessageReaction => Done(OnMessageReactionAsync(turn, ct)),
            ActivityTypes.Event => Done(OnEventAsync(turn, ct)),
            ActivityTypes.Invoke => OnInvokeAsync(turn, ct),
            _ => Done(OnUnrecognizedActivityAsync(turn, ct)),
        };
    }

    protected virtual Task OnMessageAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    protected virtual Task OnConversationUpdateAsync(ITurnContext turn, CancellationToken ct)
    {
        var a = turn.Activity;
        var added = (a.MembersAdded ?? []).Where(m => m.Id != a.Recipient?.Id).ToList();
        var botAdded = (a.MembersAdded ?? []).Any(m => m.Id == a.Recipient?.Id);
        if (botAdded) return OnBotAddedAsync(turn, ct);
        if (added.Count > 0) return OnMembersAddedAsync(added, turn, ct);
        return Task.CompletedTask;
    }

    /// <summary>The bot itself was added to a personal chat, group chat or team.</summary>
    protected virtual Task OnBotAddedAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    /// <summary>People other than the bot joined a conversation the bot is in.</summary>
    protected virtual Task OnMembersAddedAsync(IReadOnlyList<ChannelAccount> members, ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    protected virtual Task OnInstallationUpdateAsync(ITurnContext turn, CancellationToken ct) =>
        turn.Activity.Action switch
        {
            "add" or "add-upgrade" => OnInstallationAddAsync(turn, ct),
            "remove" or "remove-upgrade" => OnInstallationRemoveAsync(turn, ct),
            _ => Task.CompletedTask,
        };

    protected virtual Task OnInstallationAddAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    protected virtual Task OnInstallationRemoveAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    protected virtual Task OnMessageReactionAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    protected virtual Task OnEventAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;
    protected virtual Task OnUnrecognizedActivityAsync(ITurnContext turn, CancellationToken ct) => Task.CompletedTask;

    protected virtual Task<InvokeResponse?> OnInvokeAsync(ITurnContext turn, CancellationToken ct)
    {
        if (turn.Activity.Name == InvokeNames.AdaptiveCardAction)
        {
            AdaptiveCardInvokeValue? value;
            try
            {
                value = turn.Activity.Value?.Deserialize<AdaptiveCardInvokeValue>(ActivityJson.Options);
            }
            catch (JsonException)
            {
                value = null;
            }
            if (value?.Action is not { Verb: { Length: > 0 } } action)
                return Task.FromResult<InvokeResponse?>(InvokeResponse.Error(400, "BadRequest", "Action.Execute without a verb"));
            return OnAdaptiveCardActionAsync(action, turn, ct);
        }
        if (turn.Activity.Name == InvokeNames.Search)
        {
            SearchInvokeValue? search;
            try
            {
                search = turn.Activity.Value?.Deserialize<SearchInvokeValue>(ActivityJson.Options);
            }
            catch (JsonException)
            {
                search = null;
            }
            if (search is not { Dataset: { Length: > 0 } })
                return Task.FromResult<InvokeResponse?>(InvokeResponse.Error(400, "BadRequest", "application/search without a dataset"));
            return OnSearchAsync(search, turn, ct);
        }
        if (InvokeNames.IsComposeExtension(turn.Activity.Name)) return OnComposeExtensionAsync(turn.Activity.Name!, turn, ct);
        return Task.FromResult<InvokeResponse?>(null);
    }

    /// <summary>A message extension invoke (composeExtension/*); unhandled (501) unless a bot overrides it.</summary>
    protected virtual Task<InvokeResponse?> OnComposeExtensionAsync(string name, ITurnContext turn, CancellationToken ct) =>
        Task.FromResult<InvokeResponse?>(null);

    /// <summary>Type-ahead search of a dataset; unhandled (501) unless a bot overrides it.</summary>
    protected virtual Task<InvokeResponse?> OnSearchAsync(SearchInvokeValue search, ITurnContext turn, CancellationToken ct) =>
        Task.FromResult<InvokeResponse?>(null);

    protected virtual Task<InvokeResponse?> OnAdaptiveCardActionAsync(AdaptiveCardInvokeAction action, ITurnContext turn, CancellationToken ct) =>
        Task.FromResult<InvokeResponse?>(null);

    private static async Task<InvokeResponse?> Done(Task task)
    {
        await task;
        return null;
    }
}
