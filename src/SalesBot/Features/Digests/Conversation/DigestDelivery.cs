using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>The digest card posted at the channel's root, and the 1:1 notice when a channel refuses it for good.</summary>
public sealed class DigestDelivery(TeamChannels channels, PersonalChat chat, CardRenderer cards, Localizer localizer) : IDigestDelivery
{
    public Task<bool> PostAsync(string channelId, string language, string? teamCountry, WeeklyDigest digest, string trackingKey, CancellationToken ct)
    {
        var words = new Wording(localizer, localizer.ReaderOf(language, teamCountry));
        var activity = new Activity
        {
            Attachments = [cards.RenderAttachment(DigestCard.Template, DigestCard.Data(words, digest))],
            Summary = words.T("digest.title", digest.TeamName),
        };
        return channels.PostAsync(channelId, activity, trackingKey, ct);
    }

    public Task ChannelGoneAsync(Person subscriber, string teamName, CancellationToken ct) =>
        chat.SendAsync(subscriber, reader => new Activity { Text = new Wording(localizer, reader).T("digest.channelGone", teamName) }, ct);
}
