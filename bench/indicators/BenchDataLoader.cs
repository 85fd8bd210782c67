using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace SalesBot.Bench;

/// <summary>How much is loaded: the issue's figures, and an organisation of the size that produces them.</summary>
public sealed record DataShape(int Teams, int ExecutivesPerTeam, int Clients, int Opportunities, int Visits, int BillingRows, int Pqrs)
{
    public static readonly DataShape Issue = new(Teams: 20, ExecutivesPerTeam: 9, Clients: 50_000, Opportunities: 100_000, Visits: 1_000_000,
        BillingRows: 500_000, Pqrs: 30_000);

    /// <summary>The weekly digest's benchmark (issue 15): 200 teams over 100,000 deals, fewer visits.</summary>
    public static readonly DataShape Digests = new(Teams: 200, ExecutivesPerTeam: 3, Clients: 50_000, Opportunities: 100_000, Visits: 100_000,
        BillingRows: 10_000, Pqrs: 30_000);

    public int Executives => Teams * ExecutivesPerTeam;

    /// <summary>Each executive's visits fill 9 slots a day (08:00 to 16:00), Monday to Saturday, one after the other.</summary>
    public const int VisitSlotsPerWeek = 9 * 6;

    public int VisitWeeks => (int)Math.Ceiling(Math.Ceiling((double)Visits / Executives) / VisitSlotsPerWeek);
}

public sealed record LoadStep(string Table, long Rows, TimeSpan Took);

public sealed record LoadReport(IReadOnlyList<LoadStep> Steps, TimeSpan Vacuum, TimeSpan Total);

/// <summary>
/// Fills the migrated schema with two years of a sales organisation, set-based (INSERT ... SELECT
/// over generate_series) so a million rows take seconds, not the hours row-by-row EF inserts would.
/// Rows are dated from <paramref name="now"/>: the last whole month is the busiest one measured.
/// Enum columns hold the enum names, as the EF configurations store them (HasConversion&lt;string&gt;);
/// Roles is the flags integer. One transaction: an interrupted load leaves nothing behind, and the
/// next run starts over instead of measuring half the data.
/// </summary>
public sealed class BenchDataLoader(NpgsqlConnection connection, DataShape shape, DateTimeOffset now, DateOnly today, string timeZone, TextWriter log)
{
    /// <summary>The director's directory id: the mark of a database this benchmark loaded.</summary>
    public const string MarkerAadObjectId = "bench-0";

    public static async Task<bool> IsBenchDataAsync(NpgsqlConnection connection, CancellationToken ct) =>
        await BenchDatabase.ScalarAsync(connection, """SELECT EXISTS (SELECT 1 FROM "People" WHERE "AadObjectId" = @marker)""", ct, ("marker", MarkerAadObjectId)) is true;

    public static async Task<bool> IsCompleteAsync(NpgsqlConnection connection, DataShape shape, CancellationToken ct)
    {
        if (await BenchDatabase.ScalarAsync(connection, """SELECT to_regclass('"Visits"') IS NOT NULL AND to_regclass('"Goals"') IS NOT NULL""", ct) is not true)
            return false;
        return await IsBenchDataAsync(connection, ct) && await BenchDatabase.ScalarAsync(connection, $"""
            SELECT (SELECT count(*) FROM "Visits") = {shape.Visits}
               AND (SELECT count(*) FROM "Opportunities") = {shape.Opportunities}
               AND (SELECT count(*) FROM "ClientBillings") = {shape.BillingRows}
               AND (SELECT count(*) FROM "Goals") > 0
            """, ct) is true;
    }

    public async Task<LoadReport> LoadAsync(CancellationToken ct)
    {
        var total = Stopwatch.StartNew();
        var steps = new List<LoadStep>();
        await using (var transaction = await connection.BeginTransactionAsync(ct))
        {
            await BenchDatabase.ExecuteAsync(connection, Helpers, ct);
            foreach (var (table, sql) in Steps())
            {
                var watch = Stopwatch.StartNew();
                await BenchDatabase.ExecuteAsync(connection, sql, ct);
                var rows = (long)(await BenchDatabase.ScalarAsync(connection, $"SELECT count(*) FROM \"{table}\"", ct))!;
                steps.Add(new LoadStep(table, rows, watch.Elapsed));
                await log.WriteLineAsync($"   {table,-24} {rows,12:N0} rows {watch.Elapsed.TotalSeconds,7:F1} s");
            }
            await transaction.CommitAsync(ct);
        }
        if (!await IsCompleteAsync(connection, shape, ct)) throw new InvalidOperationException("the load finished without the expected row counts");
        // A production table is vacuumed and analysed by autovacuum long before anyone reads a
        // year of it: without this the planner would guess at a million rows it has no statistics
        // for, and index-only scans would visit the heap for every row (no visibility map yet).
        var vacuum = Stopwatch.StartNew();
        await BenchDatabase.ExecuteAsync(connection, "VACUUM (ANALYZE)", ct);
        await log.WriteLineAsync($"   {"VACUUM (ANALYZE)",-24} {"",12}      {vacuum.Elapsed.TotalSeconds,7:F1} s");
        return new LoadReport(steps, vacuum.Elapsed, total.Elapsed);
    }

    private string Today => Date(today);
    private string Now => string.Create(CultureInfo.InvariantCulture, $"TIMESTAMPTZ '{now.UtcDateTime:yyyy-MM-dd HH:mm:ss}+00'");
    private string Zone => "'" + timeZone.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>Visits run from this Monday, so the last of them are a week or two ahead of today.</summary>
    private string FirstMonday
    {
        get
        {
            var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
            return Date(monday.AddDays(-7 * (shape.VisitWeeks - 2)));
        }
    }

    private static string Date(DateOnly day) => string.Create(CultureInfo.InvariantCulture, $"DATE '{day:yyyy-MM-dd}'");

    /// <summary>
    /// Ids derived from numbers (md5 of a name), so every step can name a person, client or deal
    /// without joining to the rows it refers to. Session-only functions, gone when the load ends.
    /// </summary>
    private string Helpers => $$"""
        SELECT setseed(0.42);
        CREATE FUNCTION pg_temp.team_id(t int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT md5('bench-team-' || t)::uuid $f$;
        CREATE FUNCTION pg_temp.person_id(n int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT md5('bench-person-' || n)::uuid $f$;
        -- People: 0 is the director, 1..T the team leads (lead t leads team t), T+1.. the executives.
        CREATE FUNCTION pg_temp.executive_id(e int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT pg_temp.person_id({{shape.Teams}} + e) $f$;
        CREATE FUNCTION pg_temp.client_id(n int) RETURNS uuid LANGUAGE sql IMMUTABLE AS $f$ SELECT md5('bench-client-' || n)::uuid $f$;
        -- Client n is owned by executive (n - 1) % E + 1, so executive e owns e, e + E, e + 2E, ...; r in [0, 1) picks one.
        CREATE FUNCTION pg_temp.client_of(e int, r float8) RETURNS uuid LANGUAGE sql IMMUTABLE AS
            $f$ SELECT pg_temp.client_id(e + {{shape.Executives}} * floor(r * (({{shape.Clients}} - e) / {{shape.Executives}} + 1))::int) $f$;
        CREATE FUNCTION pg_temp.pick(options text[], r float8) RETURNS text LANGUAGE sql IMMUTABLE AS
            $f$ SELECT options[1 + floor(r * array_length(options, 1))::int] $f$;
        -- A local date and time of day in the organisation's time zone, as the instant stored.
        CREATE FUNCTION pg_temp.local(d date, t interval) RETURNS timestamptz LANGUAGE sql STABLE AS
            $f$ SELECT (d + t) AT TIME ZONE {{Zone}} $f$;
        """;

    private IEnumerable<(string Table, string Sql)> Steps()
    {
        var (teams, executives) = (shape.Teams, shape.Executives);
        // Team numbers as wide as the largest ("Ventas 007" among 200): lpad cuts what is longer.
        var width = Math.Max(2, shape.Teams.ToString(CultureInfo.InvariantCulture).Length);
        yield return ("Teams", $"""
            INSERT INTO "Teams" ("Id", "Name")
            SELECT pg_temp.team_id(t), 'Ventas ' || lpad(t::text, {width}, '0') FROM generate_series(1, {teams}) t;
            """);

        // Roles: CommercialDirector = 4, TeamLead = 2, Executive = 1 (Role is a flags enum stored as int).
        yield return ("People", $"""
            INSERT INTO "People" ("Id", "AadObjectId", "Name", "Email", "Roles", "TeamId", "ManagerId")
            SELECT pg_temp.person_id(0), '{MarkerAadObjectId}', 'Directora Comercial', 'directora.comercial@ventas.example', 4, NULL::uuid, NULL::uuid
            UNION ALL
            SELECT pg_temp.person_id(t), 'bench-' || t, 'Líder Ventas ' || lpad(t::text, {width}, '0'), 'lider' || lpad(t::text, {width}, '0') || '@ventas.example',
                   2, pg_temp.team_id(t), pg_temp.person_id(0)
            FROM generate_series(1, {teams}) t
            UNION ALL
            SELECT pg_temp.executive_id(e), 'bench-' || ({teams} + e), 'Ejecutivo ' || lpad(e::text, 3, '0'), 'ejecutivo' || lpad(e::text, 3, '0') || '@ventas.example',
                   1, pg_temp.team_id((e - 1) % {teams} + 1), pg_temp.person_id((e - 1) % {teams} + 1)
            FROM generate_series(1, {executives}) e;
            """);

        // Segments and statuses in the proportions of a utility's portfolio. An active client signed
        // up in the last 3 years (one in ten predates the records: no event at all), one in fourteen
        // churned and came back; a churned client signed up 2 months to 3 years ago and left 15 days
        // later at the earliest.
        yield return ("Clients", $"""
            CREATE TEMP TABLE b_client ON COMMIT DROP AS
            SELECT n, pg_temp.client_id(n) AS id, (n - 1) % {executives} + 1 AS executive,
                   CASE WHEN r1 < 0.40 THEN 'Regulated' WHEN r1 < 0.62 THEN 'NonRegulated' WHEN r1 < 0.80 THEN 'Enterprise'
                        WHEN r1 < 0.90 THEN 'LargeProducer' ELSE 'Government' END AS segment,
                   CASE WHEN r2 < 0.68 THEN 'Active' WHEN r2 < 0.80 THEN 'Churned' ELSE 'Prospect' END AS status,
                   r3, r4, r5, r6, NULL::date AS signed_on, NULL::date AS churned_on, NULL::date AS returned_on
            FROM (SELECT n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6 FROM generate_series(1, {shape.Clients}) n) s;
            UPDATE b_client SET signed_on = CASE WHEN status = 'Churned' OR r3 < 0.17 THEN {Today} - (60 + floor(r4 * 1035))::int
                                                 ELSE {Today} - (1 + floor(r4 * 1095))::int END
            WHERE status = 'Churned' OR status = 'Active' AND r3 >= 0.10;
            UPDATE b_client SET churned_on = signed_on + (15 + floor(r5 * ({Today} - signed_on - 30)))::int
            WHERE status = 'Churned' OR status = 'Active' AND r3 >= 0.10 AND r3 < 0.17;
            UPDATE b_client SET returned_on = churned_on + (1 + floor(r6 * ({Today} - churned_on - 1)))::int
            WHERE status = 'Active' AND churned_on IS NOT NULL;

            INSERT INTO "Clients" ("Id", "Name", "NormalizedName", "TaxId", "Segment", "Status", "OwnerId", "Address", "City", "NormalizedCity",
                                   "LeadSource", "CreatedAt", "UpdatedAt")
            SELECT id, 'Cliente ' || lpad(n::text, 5, '0') || ' S.A.S.', 'cliente ' || lpad(n::text, 5, '0') || ' s a s', (800000000 + n)::text,
                   segment, status, pg_temp.executive_id(executive),
                   'Calle ' || (n % 150 + 1) || ' # ' || (n % 90 + 1) || '-' || (n % 70 + 10),
                   (ARRAY['Bogotá', 'Medellín', 'Cali', 'Barranquilla', 'Bucaramanga', 'Pereira'])[n % 6 + 1],
                   (ARRAY['bogota', 'medellin', 'cali', 'barranquilla', 'bucaramanga', 'pereira'])[n % 6 + 1],
                   'Referido', created, created
            FROM (SELECT b.*, pg_temp.local(coalesce(signed_on - 20, {Today} - (30 + floor(r4 * 1000))::int), '09:00') AS created FROM b_client b) c;
            """);

        yield return ("ClientLifecycleEvents", $"""
            INSERT INTO "ClientLifecycleEvents" ("Id", "ClientId", "Kind", "On", "Reason", "RecordedAt")
            SELECT gen_random_uuid(), id, kind, day, reason, pg_temp.local(day, '18:00')
            FROM (SELECT id, 'SignUp' AS kind, signed_on AS day, NULL AS reason FROM b_client WHERE signed_on IS NOT NULL
                  UNION ALL SELECT id, 'Churn', churned_on, 'Se fue con la competencia' FROM b_client WHERE churned_on IS NOT NULL
                  UNION ALL SELECT id, 'SignUp', returned_on, NULL FROM b_client WHERE returned_on IS NOT NULL) e;
            """);

        // Client-months over the 24 whole months before this one, for a random set of clients that
        // are or were active (24 rows each): an enterprise bills more than a household.
        yield return ("ClientBillings", $"""
            CREATE TEMP TABLE b_billed ON COMMIT DROP AS
            SELECT (row_number() OVER (ORDER BY r) - 1)::int AS k, id,
                   CASE segment WHEN 'Enterprise' THEN 20e6 + r2 * 180e6 WHEN 'LargeProducer' THEN 10e6 + r2 * 90e6 ELSE 1e6 + r2 * 19e6 END AS base
            FROM (SELECT id, segment, random() AS r, random() AS r2 FROM b_client WHERE status <> 'Prospect') s;
            INSERT INTO "ClientBillings" ("ClientId", "Year", "Month", "Amount", "ImportedAt")
            SELECT b.id, extract(year FROM m)::int, extract(month FROM m)::int,
                   round((b.base * (0.85 + 0.3 * random()) * (1 + 0.004 * (r % 24)))::numeric, 2), pg_temp.local((m + interval '1 month 2 days')::date, '07:00')
            FROM generate_series(0, {shape.BillingRows} - 1) r
            JOIN b_billed b ON b.k = r / 24
            CROSS JOIN LATERAL (SELECT date_trunc('month', {Today}::timestamp) - make_interval(months => 24 - (r % 24)::int) AS m) billed_month;
            """);

        // Deals created over two years, each bound for an end: a quarter won (some skipping
        // negotiation), three in ten lost at any open stage, the rest stopping at an open stage. They
        // walk their stages from Hunting one to three weeks apart, and stop where now finds them: a
        // recent deal bound to be won is still open, as it would be. The stage history is that walk.
        yield return ("Opportunities", $"""
            CREATE TEMP TABLE b_deal ON COMMIT DROP AS
            SELECT n, md5('bench-deal-' || n)::uuid AS id, executive, pg_temp.client_of(executive, r1) AS client_id,
                   bound[1:least(array_length(bound, 1), 1 + floor(extract(epoch FROM {Now} - created) / extract(epoch FROM step))::int)] AS path,
                   created, step, 1 + floor(r6 * 60)::int AS seats, 50000 + floor(r7 * 450000)::int AS unit,
                   (ARRAY[12, 24, 36])[1 + floor(r8 * 3)::int] AS months, CASE WHEN r9 < 0.10 THEN 'NonRegulated' END AS segment
            FROM (SELECT n, (n - 1) % {executives} + 1 AS executive, r1, r6, r7, r8, r9,
                         CASE WHEN r2 < 0.25 THEN CASE WHEN r3 < 0.3 THEN ARRAY['Hunting', 'Qualification', 'Proposal', 'Won']
                                                       ELSE ARRAY['Hunting', 'Qualification', 'Proposal', 'Negotiation', 'Won'] END
                              WHEN r2 < 0.55 THEN (ARRAY['Hunting', 'Qualification', 'Proposal', 'Negotiation'])[1:1 + floor(r3 * 4)::int] || ARRAY['Lost']
                              ELSE (ARRAY['Hunting', 'Qualification', 'Proposal', 'Negotiation'])[1:1 + floor(r3 * 4)::int] END AS bound,
                         {Now} - (1 + r4 * 729) * interval '1 day' AS created, (7 + 14 * r5) * interval '1 day' AS step
                  FROM (SELECT n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
                        FROM generate_series(1, {shape.Opportunities}) n) s) d;

            INSERT INTO "Opportunities" ("Id", "ClientId", "OwnerId", "Title", "NormalizedTitle", "ServiceType", "Segment", "Seats", "UnitValue",
                                         "ContractMonths", "Currency", "MonthlyValue", "TotalValue", "Stage", "Probability", "ProbabilityOverride",
                                         "ExpectedClose", "ExpectedFirstBilling", "LeadSource", "LostReason", "LastActivityAt", "CreatedAt", "Version",
                                         "WeightedValue")
            SELECT id, client_id, pg_temp.executive_id(executive), 'Oportunidad ' || lpad(n::text, 6, '0'), 'oportunidad ' || lpad(n::text, 6, '0'),
                   'Conectividad', segment, seats, unit, months, 'COP', seats * unit, seats * unit * months::numeric, stage, probability, NULL,
                   (created + interval '60 days')::date, NULL, 'Referido', CASE WHEN stage = 'Lost' THEN 'Precio' END,
                   created + (array_length(path, 1) - 1) * step, created, gen_random_uuid(), round(seats * unit * months::numeric * probability / 100, 2)
            FROM (SELECT d.*, path[array_length(path, 1)] AS stage,
                         CASE path[array_length(path, 1)] WHEN 'Hunting' THEN 10 WHEN 'Qualification' THEN 25 WHEN 'Proposal' THEN 50
                                                          WHEN 'Negotiation' THEN 75 WHEN 'Won' THEN 100 ELSE 0 END AS probability
                  FROM b_deal d) x;
            """);

        yield return ("OpportunityStageChanges", """
            INSERT INTO "OpportunityStageChanges" ("Id", "OpportunityId", "FromStage", "ToStage", "At")
            SELECT gen_random_uuid(), d.id, CASE WHEN s.i > 1 THEN d.path[s.i - 1] END, s.stage, d.created + (s.i - 1) * d.step
            FROM b_deal d CROSS JOIN LATERAL unnest(d.path) WITH ORDINALITY AS s(stage, i);
            """);

        // Each executive's visits fill the working week from the first Monday on, to a client of
        // theirs: past ones mostly done (logged two hours after they started), some cancelled, a few
        // never logged; those still ahead scheduled. One slot per executive and hour keeps the unique
        // (owner, client, start) index satisfied.
        yield return ("Visits", $"""
            INSERT INTO "Visits" ("Id", "OwnerId", "ClientId", "Status", "Start", "End", "Type", "Interviewee", "Location", "Observations", "Outcome",
                                  "LoggedAt", "LoggedById", "CalendarState", "CalendarTransactionId", "ReminderSentAt", "FollowUpAskedAt", "CreatedAt", "Version")
            SELECT gen_random_uuid(), owner_id, client_id, status, start, start + interval '1 hour',
                   pg_temp.pick(ARRAY['Prospecting', 'FollowUp', 'Loyalty', 'QualityCheck', 'Collections'], r3),
                   'Gerente administrativo', 'Sede principal del cliente',
                   CASE WHEN status = 'Done' THEN 'Revisamos el consumo del último trimestre y las condiciones del contrato vigente.' END,
                   CASE WHEN status = 'Done' THEN pg_temp.pick(ARRAY['Interested', 'NotInterested', 'FollowUpNeeded', 'SignedUp', 'ClientAbsent'], r4) END,
                   CASE WHEN status = 'Done' THEN start + interval '2 hours' END, CASE WHEN status = 'Done' THEN owner_id END,
                   'Embedded', gen_random_uuid(), CASE WHEN start < {Now} THEN start - interval '1 day' END,
                   CASE WHEN status = 'Done' THEN start + interval '3 hours' END, start - interval '5 days', gen_random_uuid()
            FROM (SELECT owner_id, client_id, start, r3, r4,
                         CASE WHEN start > {Now} THEN CASE WHEN r2 < 0.03 THEN 'Cancelled' ELSE 'Scheduled' END
                              WHEN r2 < 0.90 THEN 'Done' WHEN r2 < 0.96 THEN 'Cancelled' ELSE 'Scheduled' END AS status
                  FROM (SELECT pg_temp.executive_id(e) AS owner_id, pg_temp.client_of(e, r1) AS client_id,
                               pg_temp.local({FirstMonday} + (slot / {DataShape.VisitSlotsPerWeek}) * 7 + (slot % {DataShape.VisitSlotsPerWeek}) / 9,
                                             make_interval(hours => 8 + slot % 9)) AS start, r2, r3, r4
                        FROM (SELECT r % {executives} + 1 AS e, r / {executives} AS slot, random() r1, random() r2, random() r3, random() r4
                              FROM generate_series(0, {shape.Visits} - 1) r) g) v) w;
            """);

        // Every executive-month the visits cover, set by the team lead: about what they do (9 a day, 6
        // days a week, nine in ten done), so compliance lands around 80-110%.
        yield return ("VisitPlans", $"""
            INSERT INTO "VisitPlans" ("OwnerId", "Year", "Month", "Planned", "SetById", "SetAt")
            SELECT pg_temp.executive_id(e), extract(year FROM m)::int, extract(month FROM m)::int, 190 + floor(random() * 60)::int,
                   pg_temp.person_id((e - 1) % {teams} + 1), pg_temp.local((m - interval '3 days')::date, '08:00')
            FROM generate_series(1, {executives}) e
            CROSS JOIN generate_series(date_trunc('month', {FirstMonday}::timestamp), date_trunc('month', {Today}::timestamp), interval '1 month') m;
            """);

        // PQRs filed over two years, due 21 days later (about 15 business days), assigned to an
        // executive (2 % still unassigned). Past their due date 95 % were answered, 92 % of those on
        // time, the rest are overdue; of those still running a third are answered.
        yield return ("Pqrs", $"""
            INSERT INTO "Pqrs" ("Id", "FilingNumber", "ClientId", "Type", "Channel", "FiledAt", "Description", "DueDate", "Status", "AssigneeId",
                                "AssignedAt", "Response", "AnsweredAt", "AnsweredById", "AnsweredOnTime", "RegisteredAt", "EscalatedAt",
                                "OverdueAlertedAt", "Version")
            SELECT gen_random_uuid(), 'BENCH-' || lpad(n::text, 7, '0'), pg_temp.client_of(e, r1),
                   pg_temp.pick(ARRAY['Peticion', 'Queja', 'Reclamo', 'Recurso', 'SolicitudDocumentos', 'Consulta'], r2),
                   pg_temp.pick(ARRAY['Office', 'Phone', 'Web', 'Email'], r3), filed_at,
                   'El cliente solicita revisar el valor facturado en el último periodo y el detalle de los consumos.', due,
                   CASE WHEN answered THEN CASE WHEN r9 < 0.7 THEN 'Answered' ELSE 'Closed' END
                        ELSE CASE WHEN r9 < 0.5 THEN 'Open' ELSE 'InProgress' END END,
                   assignee, CASE WHEN assignee IS NOT NULL THEN filed_at + interval '1 hour' END,
                   CASE WHEN answered THEN 'Se revisó la factura y se envió el detalle al cliente.' END,
                   CASE WHEN NOT answered THEN NULL
                        WHEN on_time THEN least(filed_at + r8 * (due - filed_on) * interval '1 day', {Now})
                        ELSE least(pg_temp.local(due + 1 + floor(r8 * 10)::int, '10:00'), {Now}) END,
                   CASE WHEN answered THEN assignee END, CASE WHEN answered THEN on_time END, filed_at,
                   CASE WHEN NOT answered AND due < {Today} THEN pg_temp.local(due - 2, '09:00') END,
                   CASE WHEN NOT answered AND due < {Today} THEN pg_temp.local(due + 1, '09:00') END,
                   gen_random_uuid()
            FROM (SELECT p.*, assignee IS NOT NULL AND CASE WHEN due < {Today} THEN r6 < 0.95 ELSE r6 < 0.35 END AS answered,
                         due >= {Today} OR r7 < 0.92 AS on_time
                  FROM (SELECT q.*, filed_on + 21 AS due, pg_temp.local(filed_on, make_interval(mins => 480 + floor(r4 * 540)::int)) AS filed_at,
                               CASE WHEN r5 < 0.02 THEN NULL ELSE pg_temp.executive_id(e) END AS assignee
                        FROM (SELECT n, (n - 1) % {executives} + 1 AS e, {Today} - 1 - floor(random() * 700)::int AS filed_on,
                                     random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8, random() r9
                              FROM generate_series(1, {shape.Pqrs}) n) q) p) a;
            """);

        // Goals the way a company sets them: sign-ups, won value and visit compliance per executive,
        // every indicator with a goal per team and for the company (whose scope id is empty), every month.
        yield return ("Goals", $"""
            WITH months AS (SELECT m FROM generate_series(date_trunc('month', {FirstMonday}::timestamp), date_trunc('month', {Today}::timestamp), interval '1 month') m),
            scopes AS (SELECT 'Person' AS kind, pg_temp.executive_id(e) AS scope_id FROM generate_series(1, {executives}) e
                       UNION ALL SELECT 'Team', pg_temp.team_id(t) FROM generate_series(1, {teams}) t
                       UNION ALL SELECT 'Company', '00000000-0000-0000-0000-000000000000'::uuid),
            targets (kind, indicator, low, high, digits) AS (VALUES
                ('Person', 'BudgetExecutionRegulated', 2, 3, 0), ('Person', 'BudgetExecutionNonRegulated', 6e8, 8.5e8, -6),
                ('Person', 'VisitCompliance', 85, 95, 0),
                ('Team', 'BudgetExecutionRegulated', 20, 28, 0), ('Team', 'BudgetExecutionNonRegulated', 6e9, 7.5e9, -6), ('Team', 'Conversion', 30, 45, 0),
                ('Team', 'VisitCompliance', 85, 95, 0), ('Team', 'PqrTimeliness', 90, 98, 0), ('Team', 'Churn', 1, 2, 1),
                ('Company', 'BudgetExecutionRegulated', 420, 520, 0), ('Company', 'BudgetExecutionNonRegulated', 1.2e11, 1.4e11, -6),
                ('Company', 'Conversion', 35, 35, 0), ('Company', 'VisitCompliance', 90, 90, 0), ('Company', 'PqrTimeliness', 95, 95, 0),
                ('Company', 'Churn', 1.2, 1.2, 1))
            INSERT INTO "Goals" ("Id", "Indicator", "ScopeKind", "ScopeId", "Year", "Month", "Target", "SetAt")
            SELECT gen_random_uuid(), t.indicator, s.kind, s.scope_id, extract(year FROM m)::int, extract(month FROM m)::int,
                   round((t.low + random() * (t.high - t.low))::numeric, t.digits), pg_temp.local((m - interval '5 days')::date, '08:00')
            FROM scopes s JOIN targets t ON t.kind = s.kind CROSS JOIN months;
            """);
    }
}
