using System.Net.Mail;

namespace SalesBot.Features.Clients;

/// <summary>
/// Client data as typed by a person or read from a file: text only. <see cref="Validate"/> turns
/// it into <see cref="ClientDetails"/> or says, field by field, what is wrong.
/// </summary>
public sealed record ClientInput(
    string? Name, string? TaxId, string? Segment, string? Status, string? OwnerEmail,
    string? Address, string? City, string? LeadSource,
    string? ContactName = null, string? ContactRole = null, string? ContactEmail = null, string? ContactPhone = null)
{
    public (ClientDetails? Details, IReadOnlyList<DomainError> Errors) Validate()
    {
        var errors = new List<DomainError>();
        var name = Clean(Name);
        if (name is null || name.Length > 200) errors.Add(DomainError.Invalid("name", "required-max", "200"));

        string? taxId = null;
        if (Clean(TaxId) is { } nit)
        {
            taxId = Nit.Normalize(nit, out var nitError);
            if (nitError is not null) errors.Add(nitError);
        }

        var segment = ClientSegments.Parse(Segment);
        if (segment is null) errors.Add(DomainError.Invalid("segment", "one-of", string.Join(", ", ClientSegments.Codes)));
        var status = Clean(Status) is null ? ClientStatus.Prospect : ClientStatuses.Parse(Status);
        if (status is null) errors.Add(DomainError.Invalid("status", "one-of", string.Join(", ", ClientStatuses.Codes)));

        foreach (var (field, value, max) in new[] { ("address", Address, 300), ("city", City, 100), ("lead-source", LeadSource, 100) })
            if (Clean(value) is { Length: var length } && length > max) errors.Add(DomainError.Invalid(field, "max", max.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        var contacts = new List<ClientContact>();
        var contactName = Clean(ContactName);
        if (contactName is not null || Clean(ContactEmail) is not null || Clean(ContactPhone) is not null)
        {
            if (contactName is null || contactName.Length > 200) errors.Add(DomainError.Invalid("contact-name", "required-max", "200"));
            if (Clean(ContactEmail) is { } email && !IsEmail(email)) errors.Add(DomainError.Invalid("contact-email", "not-email"));
            if (Clean(ContactPhone) is { } phone && !IsPhone(phone)) errors.Add(DomainError.Invalid("contact-phone", "phone"));
            if (contactName is not null) contacts.Add(new ClientContact(contactName, Clean(ContactRole), Clean(ContactEmail), Clean(ContactPhone)));
        }

        if (errors.Count > 0) return (null, errors);
        return (new ClientDetails(name!, taxId, segment!.Value, status!.Value, Clean(Address), Clean(City), Clean(LeadSource), contacts), []);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool IsEmail(string text) =>
        text.Length <= 254 && MailAddress.TryCreate(text, out var a) && a.Address == text && a.Host.Contains('.');

    private static bool IsPhone(string text) =>
        text.Length is >= 7 and <= 20 && text.All(c => char.IsDigit(c) || c is ' ' or '+' or '(' or ')' or '-');
}

public static class ClientSegments
{
    private static readonly (ClientSegment Segment, string Code, string[] Aliases)[] Table =
    [
        (ClientSegment.Regulated, "regulated", ["regulado", "mercado regulado", "residencial", "residential"]),
        (ClientSegment.NonRegulated, "non-regulated", ["no regulado", "mercado no regulado", "nonregulated", "non regulated"]),
        (ClientSegment.LargeProducer, "large-producer", ["gran productor", "grandes productores", "large producer"]),
        (ClientSegment.Enterprise, "enterprise", ["empresarial", "empresa", "empresas"]),
        (ClientSegment.Government, "government", ["gobierno", "oficial", "publico", "sector publico"]),
    ];

    public static IReadOnlyList<string> Codes => Table.Select(t => t.Code).ToList();

    public static string Code(this ClientSegment segment) => Table.Single(t => t.Segment == segment).Code;

    public static ClientSegment? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = TextFolding.Fold(text);
        foreach (var (segment, code, aliases) in Table)
            if (TextFolding.Fold(code) == folded || aliases.Any(a => TextFolding.Fold(a) == folded)) return segment;
        return null;
    }
}

public static class ClientStatuses
{
    private static readonly (ClientStatus Status, string Code, string[] Aliases)[] Table =
    [
        (ClientStatus.Prospect, "prospect", ["prospecto"]),
        (ClientStatus.Active, "active", ["activo", "vinculado"]),
        (ClientStatus.Churned, "churned", ["retirado", "desvinculado", "inactivo"]),
    ];

    public static IReadOnlyList<string> Codes => Table.Select(t => t.Code).ToList();

    public static string Code(this ClientStatus status) => Table.Single(t => t.Status == status).Code;

    public static ClientStatus? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = TextFolding.Fold(text);
        foreach (var (status, code, aliases) in Table)
            if (code == folded || aliases.Contains(folded)) return status;
        return null;
    }
}
