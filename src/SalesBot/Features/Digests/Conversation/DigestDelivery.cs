using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Digests.Conversation;

/// <summary>The digest card posted at the channel's root, and the 1:1 notice when a channel refuses it for good.</summary>
public sealed class DigestDelivery(TeamChannels channels, PersonalChat chat, CardRenderer cards, Localizer localizer, DigestChartLinks charts) : IDigestDelivery
{
    public Task<bool> PostAsync(string channelId, string language, string? teamCountry, WeeklyDigest digest, string trackingKey, DateTimeOffset? notBefore, CancellationToken ct)
    {
        var words = new Wording(localizer, localizer.ReaderOf(language, teamCountry));
        var activity = new Activity
        {
            Attachments = [cards.RenderAttachment(DigestCard.Template, DigestCard.Data(words, digest, chartUrl: charts.UrlFor(digest, language, teamCountry)))],
            Summary = words.T("digest.title", digest.TeamName),
        };
        return channels.PostAsync(channelId, activity, trackingKey, ct, notBefore);
    }

    public Task ChannelGoneAsync(Person subscriber, string teamName, CancellationToken ct) =>
        chat.SendAsync(subscriber, reader => new Activity { Text = new Wording(localizer, reader).T("digest.channelGone", teamName) }, ct);

    public Task<bool> SendNudgesAsync(Person executive, Nudges nudges, CancellationToken ct) =>
        chat.SendAsync(executive, reader => PersonalChat.Card(cards.RenderAttachment(NudgeCard.Template, NudgeCard.Data(new Wording(localizer, reader), nudges))), ct);

    public Task<bool> SendNextStepAsync(Person executive, NudgeItem step, CancellationToken ct) =>
        chat.SendAsync(executive, reader =>
        {
            var words = new Wording(localizer, reader);
            return PersonalChat.Card(cards.RenderAttachment(NudgeCard.Template, new
            {
                title = words.T("nudges.todayTitle"),
                intro = words.T("nudges.todayIntro"),
                sections = new[] { new { heading = words.T("nudges.kind." + NudgeKinds.NextSteps), items = new[] { NudgeCard.Item(words, step) } } },
                settingsHint = words.T("nudges.settingsHint"),
            }));
        }, ct);
}
