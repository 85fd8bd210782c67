using SalesBot.Bot;
using SalesBot.Bot.Cards;
using SalesBot.Bot.Localization;
using SalesBot.Teams.Schema;

namespace SalesBot.Features.Renegotiations.Conversation;

/// <summary>The consultation card's data: the requirement, who asks, and the two answers.</summary>
public static class ConsultationCard
{
    public static object Data(Func<string, object?[], string> t, AreaConsultation consultation, Renegotiation renegotiation, string clientName, string requester) => new
    {
        title = t("renegotiations.consultTitle", [t("area." + Areas.Codes.Code(consultation.Area), [])]),
        facts = new[] { new { label = t("offers.client", []), value = clientName }, new { label = t("offers.requester", []), value = requester } },
        requirement = renegotiation.Requirement,
        commentLabel = t("renegotiations.commentLabel", []),
        viable = t("renegotiations.viableButton", []),
        notViable = t("renegotiations.notViableButton", []),
        consultationId = consultation.Id.ToString(),
    };
}

/// <summary>The areas' consultation cards and the renegotiation's notices, in each person's chat with the bot.</summary>
public sealed class RenegotiationNotice(PersonalChat chat, CardRenderer cards, Localizer localizer,
    Infrastructure.Graph.TeamsAppInstaller installer, ILogger<RenegotiationNotice> logger)
    : IRenegotiationNotifications
{
    public async Task ConsultAsync(Renegotiation renegotiation, AreaConsultation consultation, Person areaContact, string clientName, string requester,
        CancellationToken ct)
    {
        var sent = await chat.SendAsync(areaContact, reader => PersonalChat.Card(cards.RenderAttachment("consultation",
            ConsultationCard.Data((key, args) => localizer.Get(reader.Language, key, args), consultation, renegotiation, clientName, requester))), ct);
        // Without a chat: installed for them through Graph when configured (the card comes when it opens), else under "renegociaciones".
        if (!sent && !installer.Request(areaContact.AadObjectId))
            logger.LogWarning("Area contact {Person} has no chat with the bot; they find the consultation under 'renegociaciones'", areaContact.AadObjectId);
    }

    public async Task TellAsync(Person person, string messageKey, object?[] args, CancellationToken ct)
    {
        if (!await chat.SendAsync(person, reader => new Activity { Text = localizer.Get(reader.Language, messageKey, args) }, ct))
            logger.LogWarning("{Person} has no chat with the bot; not told ({Message})", person.AadObjectId, messageKey);
    }
}
