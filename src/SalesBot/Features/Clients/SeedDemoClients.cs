namespace SalesBot.Features.Clients;

/// <summary>Sample clients for the demo organisation, owned by its executive and team lead; repeatable.</summary>
public sealed class SeedDemoClients(ImportClients import)
{
    private static readonly ClientInput[] Samples =
    [
        new("Ferretería El Sol S.A.S.", "900.123.456-8", "enterprise", "prospect", "alexw@contoso.example", "Calle 10 # 20-30", "Bogotá", "Referido",
            "Carlos Ruiz", "Gerente de compras", "carlos.ruiz@ferreteriaelsol.example", "+57 601 555 0101"),
        new("Conjunto Residencial Los Pinos", null, "regulated", "active", "alexw@contoso.example", "Carrera 45 # 100-12", "Bogotá", "Visita en frío",
            "Luz Marina Gómez", "Administradora", "administracion@lospinos.example", "+57 601 555 0102"),
        new("Plásticos Andinos Ltda.", "800.456.789", "large-producer", "active", "alexw@contoso.example", "Zona Industrial Montevideo", "Bogotá", "Feria empresarial",
            "Jorge Pardo", "Jefe de planta", "jpardo@plasticosandinos.example", "+57 601 555 0103"),
        new("Hospital San Rafael", "890.000.111", "government", "prospect", "meganb@contoso.example", "Avenida 68 # 12-50", "Bogotá", "Licitación",
            "Ana Beltrán", "Coordinadora de servicios generales", "abeltran@hsanrafael.example", "+57 601 555 0104"),
        new("Distribuidora La Luna", null, "non-regulated", "churned", "meganb@contoso.example", "Calle 80 # 15-20", "Medellín", "Web",
            "Pedro Arango", "Gerente", "pedro@laluna.example", "+57 604 555 0105"),
    ];

    public async Task<Result<IReadOnlyList<ImportRow>>> ExecuteAsync(Actor actor, CancellationToken ct) =>
        await import.ExecuteAsync(actor, Samples.Select((s, i) => (i + 1, s)).ToList(), ct);
}
