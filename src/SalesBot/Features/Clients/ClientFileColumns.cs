namespace SalesBot.Features.Clients;

/// <summary>
/// The columns of a portfolio file (CSV or XLSX), Spanish names first, English accepted. Headers
/// are matched folded: case, accents and spaces do not matter ("Dirección" = "direccion").
/// </summary>
public static class ClientFileColumns
{
    public static readonly (string Field, string[] Headers, string Meaning)[] Columns =
    [
        ("name", ["nombre", "name", "razon_social"], "client name (required)"),
        ("nit", ["nit", "tax_id"], "NIT, e.g. 900.123.456-7 (check digit optional; verified when given)"),
        ("segment", ["segmento", "segment"], "regulated, non-regulated, large-producer, enterprise, government (or regulado, no regulado, gran productor, empresarial, gobierno)"),
        ("status", ["estado", "status"], "prospect, active, churned (or prospecto, activo, retirado); default prospect"),
        ("owner", ["propietario", "ejecutivo", "owner", "owner_email"], "email of the executive who owns the client"),
        ("address", ["direccion", "address"], "street address"),
        ("city", ["ciudad", "city"], "city (with the name, identifies a client without NIT)"),
        ("lead-source", ["fuente", "origen", "lead_source"], "how the client came (referral, event, web...)"),
        ("contact-name", ["contacto", "contacto_nombre", "contact_name"], "main contact's name"),
        ("contact-role", ["cargo", "contacto_cargo", "contact_role"], "main contact's role"),
        ("contact-email", ["email", "contacto_email", "contact_email"], "main contact's email"),
        ("contact-phone", ["telefono", "contacto_telefono", "contact_phone"], "main contact's phone"),
    ];

    public static string[] HeadersOf(string field) => Columns.Single(c => c.Field == field).Headers;

    public static bool IsKnown(string foldedHeader) => Columns.Any(c => c.Headers.Contains(foldedHeader));
}
