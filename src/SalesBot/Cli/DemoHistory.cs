using System.Globalization;
using SalesBot.Features.Clients;
using SalesBot.Features.Indicators;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Shared.Calendar;
using SalesBot.Features.Visits;

namespace SalesBot.Cli;

/// <summary>
/// `seed-demo --history`: a quarter of history for the demo organisation, dated from today, so a
/// newcomer's first `mi pipeline` and `indicadores` show real figures. It goes in through the same
/// imports an organisation uses at go-live (clients in every segment, sign-ups and churn, billing,
/// deals with the dates of their stages, visits done and planned, plans, goals), makes offers through
/// the approval use cases (sent, awaiting approval, sent back for changes) and registers a few
/// PQRs, some near their due date and some past it. Written once: a second run leaves it alone.
/// </summary>
public sealed class DemoHistory(IServiceProvider sp, BusinessCalendar calendar, TimeProvider clock)
{
    private const string Marker = "900500004"; // Textiles del Valle: its billing means the history is there

    public async Task<string> SeedAsync(Actor actor, CancellationToken ct)
    {
        var db = sp.GetRequiredService<SalesBotDbContext>();
        if (await db.ClientBillings.AnyAsync(b => db.Clients.Any(c => c.Id == b.ClientId && c.TaxId == Marker), ct))
            return "Demo history already there: left as it was.";
        var today = calendar.LocalDate(clock.GetUtcNow());
        // "Day d of the month k months ago", never after today.
        string Day(int monthsAgo, int day)
        {
            var month = new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo);
            var date = month.AddDays(Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)) - 1);
            return (date > today ? today : date).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        string Month(int monthsAgo) => new DateOnly(today.Year, today.Month, 1).AddMonths(-monthsAgo).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        static IReadOnlyList<ImportCells> Rows(params Dictionary<string, string?>[] rows) =>
            rows.Select((r, i) => new ImportCells(i + 2, field => r.GetValueOrDefault(field))).ToList();
        const string alex = "alexw@contoso.example", megan = "meganb@contoso.example";

        var clients = new (string Name, string Nit, string Segment, string Owner, string City)[]
        {
            ("Conjunto Residencial El Prado", "900500001", "regulated", alex, "Bogotá"),
            ("Edificio Torre Norte", "900500002", "regulated", alex, "Bogotá"),
            ("Centro Comercial Las Américas", "900500003", "regulated", megan, "Bogotá"),
            ("Textiles del Valle S.A.", Marker, "enterprise", alex, "Cali"),
            ("Logística Andina S.A.S.", "900500005", "enterprise", megan, "Bogotá"),
            ("Panadería La Espiga", "900500006", "non-regulated", alex, "Chía"),
            ("Clínica Santa Fe", "900500007", "government", megan, "Bogotá"),
            ("Agroindustrias del Sur", "900500008", "large-producer", alex, "Neiva"),
        };
        await Check("clients", sp.GetRequiredService<ImportClients>().ExecuteAsync(actor,
            clients.Select((c, i) => (i + 2, new ClientInput(c.Name, c.Nit, c.Segment, "prospect", c.Owner, null, c.City, "Referido", null, null, null, null))).ToList(), ct));
        await Check("sign-ups", sp.GetRequiredService<ImportSignups>().ExecuteAsync(actor, Rows(
            new() { ["nit"] = Marker, ["date"] = Day(3, 2), ["kind"] = "signup" },
            new() { ["nit"] = "900500005", ["date"] = Day(3, 15), ["kind"] = "signup" },
            new() { ["nit"] = "900500008", ["date"] = Day(3, 1), ["kind"] = "signup" },
            new() { ["nit"] = "900500001", ["date"] = Day(2, 5), ["kind"] = "signup" },
            new() { ["nit"] = "900500006", ["date"] = Day(2, 20), ["kind"] = "signup" },
            new() { ["nit"] = "900500003", ["date"] = Day(1, 3), ["kind"] = "signup" },
            new() { ["nit"] = "900500002", ["date"] = Day(0, 2), ["kind"] = "signup" },
            new() { ["nit"] = "900500006", ["date"] = Day(1, 25), ["kind"] = "churn", ["reason"] = "Cerró el local" }), ct));
        var billing = new List<Dictionary<string, string?>>();
        for (var m = 5; m >= 1; m--)
        {
            billing.Add(new() { ["nit"] = Marker, ["month"] = Month(m), ["amount"] = (42_000_000 + (5 - m) * 3_500_000).ToString(CultureInfo.InvariantCulture) });
            billing.Add(new() { ["nit"] = "900500005", ["month"] = Month(m), ["amount"] = (31_000_000 - (5 - m) * 800_000).ToString(CultureInfo.InvariantCulture) });
        }
        await Check("billing", sp.GetRequiredService<ImportBilling>().ExecuteAsync(actor, Rows([.. billing]), ct));
        Dictionary<string, string?> Deal(string nit, string name, string owner, int seats, int unit, int months, string stage, string created,
            string? qualification = null, string? proposal = null, string? negotiation = null, string? won = null, string? lost = null, string? reason = null) => new()
            {
                ["nit"] = nit,
                ["name"] = name,
                ["owner"] = owner,
                ["seats"] = seats.ToString(CultureInfo.InvariantCulture),
                ["unit-value"] = unit.ToString(CultureInfo.InvariantCulture),
                ["months"] = months.ToString(CultureInfo.InvariantCulture),
                ["stage"] = stage,
                ["created-on"] = created,
                ["qualification-on"] = qualification,
                ["proposal-on"] = proposal,
                ["negotiation-on"] = negotiation,
                ["won-on"] = won,
                ["lost-on"] = lost,
                ["lost-reason"] = reason,
                ["service-type"] = "Energía",
                ["expected-close"] = null,
            };
        await Check("opportunities", sp.GetRequiredService<ImportOpportunities>().ExecuteAsync(actor, Rows(
            Deal("900500001", "Suministro El Prado 2027", alex, 120, 180_000, 24, "won", Day(3, 3), proposal: Day(2, 1), won: Day(1, 12)),
            Deal("900500002", "Torre Norte energía", alex, 80, 210_000, 36, "negotiation", Day(2, 5), Day(2, 10), Day(1, 2), Day(1, 20)),
            Deal(Marker, "Textiles contrato marco", alex, 300, 150_000, 24, "proposal", Day(2, 8), proposal: Day(1, 15)),
            Deal("900500005", "Logística flota eléctrica", megan, 60, 400_000, 12, "qualification", Day(1, 3), Day(1, 10)),
            Deal("900500006", "La Espiga hornos", alex, 10, 350_000, 12, "lost", Day(3, 10), proposal: Day(2, 5), lost: Day(1, 8), reason: "Precio"),
            Deal("900500008", "Agroindustrias riego", alex, 40, 500_000, 24, "hunting", Day(0, 1)),
            Deal("900500003", "Las Américas iluminación", megan, 200, 120_000, 24, "won", Day(3, 5), proposal: Day(3, 20), won: Day(2, 15)),
            Deal("900500007", "Clínica Santa Fe respaldo", megan, 30, 600_000, 36, "proposal", Day(2, 1), Day(2, 12), Day(0, 1))), ct));
        var visits = new List<Dictionary<string, string?>>();
        var nits = clients.Select(c => (c.Nit, c.Owner)).ToList();
        for (var m = 3; m >= 0; m--)
            for (var d = 3; d <= 27; d += 3)
            {
                var (nit, owner) = nits[(d + m) % nits.Count];
                var date = Day(m, d);
                if (string.CompareOrdinal(date, today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) >= 0) continue;
                visits.Add(new()
                {
                    ["nit"] = nit,
                    ["owner"] = owner,
                    ["date"] = date,
                    ["time"] = d % 2 == 0 ? "10:00" : "15:00",
                    ["duration"] = "60",
                    ["type"] = d % 4 == 0 ? "prospecting" : "follow-up",
                    ["status"] = d % 7 == 0 ? "cancelled" : "done",
                    ["outcome"] = d % 7 == 0 ? null : d % 5 == 0 ? "follow-up-needed" : "interested",
                    ["contact"] = "Contacto del cliente",
                });
            }
        for (var ahead = 1; ahead <= 3; ahead++)
        {
            var (nit, owner) = nits[ahead];
            visits.Add(new()
            {
                ["nit"] = nit,
                ["owner"] = owner,
                ["date"] = calendar.AddBusinessDays(today, ahead).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["time"] = "09:00",
                ["duration"] = "60",
                ["type"] = "follow-up",
                ["status"] = "scheduled",
                ["contact"] = "Contacto del cliente",
            });
        }
        await Check("visits", sp.GetRequiredService<ImportVisits>().ExecuteAsync(actor, Rows([.. visits]), ct));
        var plans = new List<Dictionary<string, string?>>();
        for (var m = 3; m >= 0; m--)
        {
            plans.Add(new() { ["owner"] = alex, ["month"] = Month(m), ["planned"] = "8" });
            plans.Add(new() { ["owner"] = megan, ["month"] = Month(m), ["planned"] = "6" });
        }
        await Check("visit plans", sp.GetRequiredService<ImportVisitPlans>().ExecuteAsync(actor, Rows([.. plans]), ct));
        var goals = new List<Dictionary<string, string?>>();
        for (var m = 3; m >= 0; m--)
        {
            goals.Add(new() { ["indicator"] = "budget_execution_regulated", ["scope"] = "person:" + alex, ["month"] = Month(m), ["target"] = "1" });
            goals.Add(new() { ["indicator"] = "budget_execution_regulated", ["scope"] = "person:" + megan, ["month"] = Month(m), ["target"] = "1" });
            goals.Add(new() { ["indicator"] = "budget_execution_non_regulated", ["scope"] = "company", ["month"] = Month(m), ["target"] = "150000000" });
            goals.Add(new() { ["indicator"] = "conversion", ["scope"] = "company", ["month"] = Month(m), ["target"] = "40" });
            goals.Add(new() { ["indicator"] = "visit_compliance", ["scope"] = "company", ["month"] = Month(m), ["target"] = "90" });
            goals.Add(new() { ["indicator"] = "pqr_timeliness", ["scope"] = "company", ["month"] = Month(m), ["target"] = "95" });
            goals.Add(new() { ["indicator"] = "churn", ["scope"] = "company", ["month"] = Month(m), ["target"] = "2" });
        }
        await Check("goals", sp.GetRequiredService<ImportGoals>().ExecuteAsync(actor, Rows([.. goals]), ct));
        // PQRs: one just filed, one near its due date, one past it (each goes to its client's executive).
        var pqrs = new[]
        {
            ("DEMO-0001", "900.123.456-8", "peticion", BusinessDaysBefore(today, 1), "Solicitan copia de las facturas del último semestre."),
            ("DEMO-0002", Marker, "reclamo", BusinessDaysBefore(today, 13), "Reclaman un cobro doble en la factura del mes pasado."),
            ("DEMO-0003", "900500005", "queja", BusinessDaysBefore(today, 20), "Queja por la demora en la visita técnica."),
        };
        await Check("PQRs", sp.GetRequiredService<ImportPqrs>().ExecuteAsync(actor,
            pqrs.Select((p, i) => (i + 2, new PqrInput(p.Item1, p.Item2, null, p.Item3, "email", p.Item4.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T09:00", p.Item5))).ToList(), ct));
        await SeedOffersAsync(db, today, ct);
        return $"Demo history ready: {clients.Length} clients, their sign-ups and billing, 8 deals with their stage dates, {visits.Count} visits, plans, goals, 3 offers and 3 PQRs.";
    }

    /// <summary>
    /// Offers through the real use cases, as the people would have made them: one approved along
    /// its chain and sent to the client, one waiting for approval, and one of Megan's sent back
    /// for changes. Their approval cards are not sent: nobody has a chat with the bot yet.
    /// </summary>
    private async Task SeedOffersAsync(SalesBotDbContext db, DateOnly today, CancellationToken ct)
    {
        var alex = Actor.For(await db.People.SingleAsync(p => p.Email == "alexw@contoso.example", ct));
        var megan = Actor.For(await db.People.SingleAsync(p => p.Email == "meganb@contoso.example", ct));
        var validUntil = today.AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task<Offer> Submit(Actor who, string deal, string quantity, string unitPrice, string discount)
        {
            var id = await db.Opportunities.Where(o => o.Title == deal).Select(o => o.Id).SingleAsync(ct);
            var input = new OfferInput([("Suministro de energía", quantity, unitPrice, "12")], discount, "low", validUntil, null);
            var submitted = await sp.GetRequiredService<SubmitOffer>().ExecuteAsync(who, id, input, ct);
            if (!submitted.Ok) throw new InvalidOperationException($"demo history (offer for {deal}): {submitted.Error!.Code}");
            await db.SaveChangesAsync(ct);
            return submitted.Value!.Offer;
        }
        // Each pending step decided by its own approver, as from their card.
        async Task Decide(Offer offer, Decision decision, string comment, bool wholeChain)
        {
            while (offer.Steps.FirstOrDefault(s => s.Status == StepStatus.Pending) is { } step)
            {
                var approver = Actor.For(await db.People.SingleAsync(p => p.Id == step.ApproverId, ct));
                var decided = await sp.GetRequiredService<DecideApproval>().ExecuteAsync(approver, step.Id, decision, comment, ct);
                if (!decided.Ok) throw new InvalidOperationException($"demo history (decision): {decided.Error!.Code}");
                await db.SaveChangesAsync(ct);
                if (!wholeChain) return;
            }
        }

        var torreNorte = await Submit(alex, "Torre Norte energía", "80", "210000", "5");
        await Decide(torreNorte, Decision.Approve, "Buen margen, adelante.", wholeChain: true);
        var sent = await sp.GetRequiredService<ClientDecision>().MarkSentAsync(alex, torreNorte.OpportunityId, ct);
        if (!sent.Ok) throw new InvalidOperationException($"demo history (offer sent): {sent.Error!.Code}");
        await db.SaveChangesAsync(ct);
        await Submit(alex, "Textiles contrato marco", "300", "150000", "8");
        var clinica = await Submit(megan, "Clínica Santa Fe respaldo", "30", "600000", "12");
        await Decide(clinica, Decision.RequestChanges, "Bajemos el descuento al 10 %.", wholeChain: false);
    }

    private DateOnly BusinessDaysBefore(DateOnly day, int n)
    {
        for (var counted = 0; counted < n;)
        {
            day = day.AddDays(-1);
            if (calendar.IsBusinessDay(day)) counted++;
        }
        return day;
    }

    private static async Task Check(string what, Task<Result<IReadOnlyList<ImportRow>>> run)
    {
        var result = await run;
        if (!result.Ok) throw new InvalidOperationException($"demo history ({what}): {result.Error!.Code}");
        if (result.Value!.FirstOrDefault(r => r.Outcome == ImportOutcome.Rejected) is { } rejected)
            throw new InvalidOperationException($"demo history ({what}) line {rejected.Line} was rejected: {rejected.Reasons[0]}");
    }

    private static async Task Check(string what, Task<Result<IReadOnlyList<PqrImportRow>>> run)
    {
        var result = await run;
        if (!result.Ok) throw new InvalidOperationException($"demo history ({what}): {result.Error!.Code}");
        if (result.Value!.FirstOrDefault(r => r.Outcome == PqrImportOutcome.Rejected) is { } rejected)
            throw new InvalidOperationException($"demo history ({what}) line {rejected.Line} was rejected: {rejected.Reasons[0]}");
    }
}
