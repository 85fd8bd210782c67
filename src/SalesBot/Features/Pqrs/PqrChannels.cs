namespace SalesBot.Features.Pqrs;

public static class PqrChannels
{
    private static readonly (PqrChannel Channel, string Code, string[] Aliases)[] Table =
    [
        (PqrChannel.Office, "office", ["oficina", "presencial"]),
        (PqrChannel.Phone, "phone", ["telefono", "llamada"]),
        (PqrChannel.Web, "web", ["pagina web", "portal"]),
        (PqrChannel.Email, "email", ["correo", "correo electronico", "e mail"]),
    ];

    public static IReadOnlyList<string> Codes => Table.Select(t => t.Code).ToList();

    public static string Code(this PqrChannel channel) => Table.Single(t => t.Channel == channel).Code;

    public static PqrChannel? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var folded = TextFolding.Fold(text);
        foreach (var (channel, code, aliases) in Table)
            if (code == folded || aliases.Contains(folded)) return channel;
        return null;
    }
}
