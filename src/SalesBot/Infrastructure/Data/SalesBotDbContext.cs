using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesBot.Features.Assistant;
using SalesBot.Features.Clients;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Renegotiations;
using SalesBot.Features.Visits;
using SalesBot.Infrastructure.Auditing;
using SalesBot.Infrastructure.Outbox;

namespace SalesBot.Infrastructure.Data;

/// <summary>
/// The one model, shared by both providers. Each provider has a subclass only so that each keeps
/// its own migration set (SQLite and PostgreSQL differ in column types).
/// </summary>
public abstract class SalesBotDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>
    /// Who acts in the current scope, and the clock: set each time the context is leased from the
    /// pool (a pooled context cannot take scoped services in its constructor).
    /// </summary>
    internal AuditContext? Audit { get; set; }
    internal TimeProvider Clock { get; set; } = TimeProvider.System;

    public DbSet<Person> People => Set<Person>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<LanguagePreference> LanguagePreferences => Set<LanguagePreference>();
    public DbSet<Client> Clients => Set<Client>();
    public DbSet<Pqr> Pqrs => Set<Pqr>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<ClientLifecycleEvent> ClientLifecycleEvents => Set<ClientLifecycleEvent>();
    public DbSet<ClientBilling> ClientBillings => Set<ClientBilling>();
    public DbSet<Features.Indicators.Goal> Goals => Set<Features.Indicators.Goal>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<OpportunityStageChange> OpportunityStageChanges => Set<OpportunityStageChange>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<ApprovalStep> ApprovalSteps => Set<ApprovalStep>();
    public DbSet<SentCard> SentCards => Set<SentCard>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Renegotiation> Renegotiations => Set<Renegotiation>();
    public DbSet<AreaConsultation> AreaConsultations => Set<AreaConsultation>();
    public DbSet<AreaContact> AreaContacts => Set<AreaContact>();
    public DbSet<VisitPlan> VisitPlans => Set<VisitPlan>();
    public DbSet<Features.Digests.DigestSubscription> DigestSubscriptions => Set<Features.Digests.DigestSubscription>();
    public DbSet<Features.Digests.NudgeSettings> NudgeSettings => Set<Features.Digests.NudgeSettings>();
    public DbSet<Features.Digests.NudgeSnooze> NudgeSnoozes => Set<Features.Digests.NudgeSnooze>();
    public DbSet<Scheduling.JobRun> JobRuns => Set<Scheduling.JobRun>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<ProcessedActivity> ProcessedActivities => Set<ProcessedActivity>();
    public DbSet<StoredConversationReference> ConversationReferences => Set<StoredConversationReference>();

    /// <summary>
    /// Called after every SaveChanges, however it ended. EF reports neither failure nor cancellation
    /// for an exception thrown between the interceptors' SavingChanges and its own try block (a later
    /// interceptor, change detection): the SQLite write gate is released here too.
    /// </summary>
    internal Action<DbContext>? AfterSaveChanges { get; set; }

    private readonly List<NewRow> _newRows = [];

    /// <summary>
    /// Adds a row the scope only creates, without tracking it: nothing in the scope reads it back
    /// through the context or changes it afterwards. A turn's commit writes it with a plain INSERT
    /// (<see cref="InsertOnlyChanges"/>) and its audit entry from the object; EF's Add was most of
    /// the cost of a logged visit's new row (its entry, foreign-key fix-up and snapshots: perf, 3 %
    /// of the turn, and its change detection and audit after). Any other save tracks it first.
    /// </summary>
    internal void AddNew(object row) =>
        // Its type is looked up once, here, where a row the model does not know is a mistake to report.
        _newRows.Add(new NewRow(row, Model.FindEntityType(row.GetType()) ?? throw new InvalidOperationException($"{row.GetType().Name} is not in the model")));

    /// <summary>The rows added with <see cref="AddNew"/> and not saved yet, with their entity types.</summary>
    internal IReadOnlyList<NewRow> NewRows => _newRows;

    /// <summary>Whether a save would write anything: a tracked change or a row added with <see cref="AddNew"/>.</summary>
    internal bool HasChanges() => _newRows.Count > 0 || ChangeTracker.HasChanges();

    /// <summary>The new rows were written (<see cref="InsertOnlyChanges"/>).</summary>
    internal void NewRowsSaved() => _newRows.Clear();

    /// <summary>Hands the untracked new rows to the change tracker, for a save that writes through it.</summary>
    private void TrackNewRows()
    {
        foreach (var (row, _) in _newRows) Add(row);
        _newRows.Clear();
    }

    public override void Dispose()
    {
        // A pooled context outlives its scope: the next lease must not write this one's rows.
        _newRows.Clear();
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        _newRows.Clear();
        return base.DisposeAsync();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
            TrackNewRows();
            using var detected = DetectChangesOnce();
            WriteAudit();
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }
        finally
        {
            AfterSaveChanges?.Invoke(this);
        }
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        try
        {
            TrackNewRows();
            using var detected = DetectChangesOnce();
            WriteAudit();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            AfterSaveChanges?.Invoke(this);
        }
    }

    /// <summary>
    /// Compares the tracked entities with their snapshots now, and not again until disposed:
    /// ChangeTracker.Entries, HasChanges and SaveChanges each compare every tracked entity otherwise
    /// (twice in a save, three times in a turn's commit: 1.5-1.8 % of a turn, bench/). For when the
    /// changes are final; inside it, whatever is added is added explicitly.
    /// </summary>
    internal ChangesDetected DetectChangesOnce()
    {
        var automatic = ChangeTracker.AutoDetectChangesEnabled;
        if (automatic) ChangeTracker.DetectChanges();
        ChangeTracker.AutoDetectChangesEnabled = false;
        return new ChangesDetected(ChangeTracker, automatic);
    }

    /// <summary>
    /// A save inside a transaction that its caller rolls back as a whole, or to a savepoint of its
    /// own, if the save fails (a turn's commit): EF's automatic savepoint would be two more statements.
    /// </summary>
    internal async Task SaveChangesWithoutSavepointAsync(CancellationToken ct)
    {
        var automatic = Database.AutoSavepointsEnabled;
        Database.AutoSavepointsEnabled = false;
        try
        {
            await SaveChangesAsync(ct);
        }
        finally
        {
            Database.AutoSavepointsEnabled = automatic;
        }
    }

    internal readonly struct ChangesDetected(Microsoft.EntityFrameworkCore.ChangeTracking.ChangeTracker tracker, bool automatic) : IDisposable
    {
        public void Dispose() => tracker.AutoDetectChangesEnabled = automatic;
    }

    /// <summary>Adds the audit entries of the tracked changes, for SaveChanges to write with them.</summary>
    internal void WriteAudit() =>
        AuditWriter.AddEntries(this, Audit ?? new AuditContext(), Clock, IsAudited);

    /// <summary>The audit entries of the tracked changes and the new rows, untracked: <see cref="InsertOnlyChanges"/> writes them itself.</summary>
    internal List<AuditEntry> AuditEntries() => AuditWriter.EntriesFor(this, _newRows, Audit ?? new AuditContext(), Clock, IsAudited);

    private static bool IsAudited(Type type) => typeof(IAudited).IsAssignableFrom(type);

    /// <summary>One configuration per entity, in <c>Infrastructure/Data/Model</c>.</summary>
    protected override void OnModelCreating(ModelBuilder b) => b.ApplyConfigurationsFromAssembly(typeof(SalesBotDbContext).Assembly);
}

public sealed class SqliteSalesBotDbContext(DbContextOptions<SqliteSalesBotDbContext> options) : SalesBotDbContext(options)
{
    /// <summary>Set on a context leased to a scope: the connections its per-turn lookups run on (see <see cref="TurnLookup{TResult}"/>).</summary>
    internal SqliteTurnReads? TurnReads { get; set; }

    /// <summary>While set, a connection EF opens for a query stays open (see <see cref="SqliteHeldConnection"/>).</summary>
    internal bool HoldsConnection { get; set; }

    /// <summary>Whether EF opened this lease's connection: if not, there is nothing to close (see <see cref="SqliteHeldConnection"/>).</summary>
    internal bool OpenedConnection { get; set; }

    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // SQLite has no instant type: EF would store text it cannot compare in SQL. The binary
        // converter stores one integer from the clock time and the offset, which keeps ordering,
        // equality and range queries in the database among instants of one offset. Every use case
        // stores UTC (Npgsql refuses anything else for PostgreSQL's timestamptz), so all compare.
        c.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        c.Properties<decimal>().HaveConversion<MinorUnitsConverter>();
    }
}

public sealed class PostgresSalesBotDbContext(DbContextOptions<PostgresSalesBotDbContext> options) : SalesBotDbContext(options);

/// <summary>A row added untracked (<see cref="SalesBotDbContext.AddNew"/>) and its entity type.</summary>
internal readonly record struct NewRow(object Row, Microsoft.EntityFrameworkCore.Metadata.IEntityType Type);
