namespace SalesBot.Features.Pqrs;

/// <summary>
/// The columns of a PQR file (CSV or XLSX) as customer-service systems export them, Spanish names
/// first. Headers are matched folded: case, accents and spaces do not matter.
/// </summary>
public static class PqrFileColumns
{
    public static readonly (string Field, string[] Headers, string Meaning)[] Columns =
    [
        ("radicado", ["radicado", "numero_radicado", "filing_number"], "filing number, unique (required)"),
        ("nit", ["nit", "nit_cliente", "client_nit"], "the client's NIT; the client must be in the portfolio (required)"),
        ("type", ["tipo", "type"], "peticion, queja, reclamo, recurso, solicitud_documentos, consulta (required)"),
        ("channel", ["canal", "channel"], "office, phone, web, email (or oficina, telefono, correo) (required)"),
        ("filed-at", ["fecha_radicacion", "radicada", "filed_at"], "date and time filed, 2026-03-27T16:30 or 27/03/2026 16:30, local time (required)"),
        ("description", ["descripcion", "description"], "what the client asks (required; never logged)"),
    ];

    public static string[] HeadersOf(string field) => Columns.Single(c => c.Field == field).Headers;

    public static bool IsKnown(string foldedHeader) => Columns.Any(c => c.Headers.Contains(foldedHeader));
}
