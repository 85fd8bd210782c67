using SalesBot.Bot;

namespace SalesBot.Features.Clients.Conversation;

/// <summary>The client form card, in the user's language, filled with what they typed so far.</summary>
public static class ClientForm
{
    public static void Reply(BotTurn turn, ClientInput values, string? error) =>
        turn.ReplyCard("client-form", new
        {
            title = turn.T("clients.formTitle"),
            error,
            labels = new
            {
                name = turn.T("field.name"),
                nit = turn.T("field.nit"),
                nitHint = "900.123.456-8",
                segment = turn.T("field.segment"),
                status = turn.T("field.status"),
                address = turn.T("field.address"),
                city = turn.T("field.city"),
                leadSource = turn.T("field.lead-source"),
                contact = turn.T("clients.contact"),
                contactName = turn.T("field.contact-name"),
                contactRole = turn.T("field.contact-role"),
                contactEmail = turn.T("field.contact-email"),
                contactPhone = turn.T("field.contact-phone"),
                required = turn.T("clients.required"),
                save = turn.T("clients.save"),
            },
            // Every value is present (empty when unknown): the templating leaves a missing one as "${...}".
            values = new
            {
                name = values.Name ?? "",
                nit = values.TaxId ?? "",
                segment = ClientSegments.Parse(values.Segment)?.Code() ?? "",
                status = (ClientStatuses.Parse(values.Status) ?? ClientStatus.Prospect).Code(),
                address = values.Address ?? "",
                city = values.City ?? "",
                leadSource = values.LeadSource ?? "",
                contactName = values.ContactName ?? "",
                contactRole = values.ContactRole ?? "",
                contactEmail = values.ContactEmail ?? "",
                contactPhone = values.ContactPhone ?? "",
            },
            segments = ClientSegments.Codes.Select(c => new { title = turn.T("segment." + c), value = c }),
            statuses = ClientStatuses.Codes.Select(c => new { title = turn.T("status." + c), value = c }),
        });
}

/// <summary>Client words in the user's language.</summary>
public static class ClientText
{
    public static string Error(BotTurn turn, DomainError error) => turn.Describe(error);

    public static object[] Facts(BotTurn turn, ClientSummary c)
    {
        var facts = new List<object>();
        if (c.TaxId is { } nit) facts.Add(new { label = turn.T("field.nit"), value = Nit.Format(nit) });
        facts.Add(new { label = turn.T("field.segment"), value = turn.T("segment." + c.Segment.Code()) });
        facts.Add(new { label = turn.T("field.status"), value = turn.T("status." + c.Status.Code()) });
        if (c.City is { } city) facts.Add(new { label = turn.T("field.city"), value = city });
        facts.Add(new { label = turn.T("clients.owner"), value = c.OwnerName ?? turn.T("clients.unassigned") });
        return [.. facts];
    }
}
