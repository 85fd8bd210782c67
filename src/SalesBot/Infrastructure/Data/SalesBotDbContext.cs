using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SalesBot.Features.Assistant;
using SalesBot.Features.Clients;
using SalesBot.Features.Organization;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Renegotiations;
using SalesBot.Features.Visits;
using SalesBot.Features.Shared;
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
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<Offer> Offers => Set<Offer>();
    public DbSet<ApprovalStep> ApprovalSteps => Set<ApprovalStep>();
    public DbSet<SentCard> SentCards => Set<SentCard>();
    public DbSet<Delegation> Delegations => Set<Delegation>();
    public DbSet<Renegotiation> Renegotiations => Set<Renegotiation>();
    public DbSet<AreaConsultation> AreaConsultations => Set<AreaConsultation>();
    public DbSet<AreaContact> AreaContacts => Set<AreaContact>();
    public DbSet<VisitPlan> VisitPlans => Set<VisitPlan>();
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

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        try
        {
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
            WriteAudit();
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            AfterSaveChanges?.Invoke(this);
        }
    }

    private void WriteAudit() =>
        AuditWriter.AddEntries(this, Audit ?? new AuditContext(), Clock, t => typeof(IAudited).IsAssignableFrom(t));

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Person>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.AadObjectId).HasMaxLength(128).IsRequired();
            e.HasIndex(p => p.AadObjectId).IsUnique();
            e.Property(p => p.Name).HasMaxLength(200).IsRequired();
            e.Property(p => p.Email).HasMaxLength(254).IsRequired();
            e.HasIndex(p => p.Email);
            e.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(p => p.Manager).WithMany().HasForeignKey(p => p.ManagerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Team>(e =>
        {
            e.HasKey(t => t.Id);
            e.Property(t => t.Name).HasMaxLength(100).IsRequired();
            e.HasIndex(t => t.Name).IsUnique();
            e.Property(t => t.ChannelConversationId).HasMaxLength(256);
            e.Property(t => t.ChannelName).HasMaxLength(200);
            e.Property(t => t.Country).HasMaxLength(2);
            e.Property(t => t.Subdivision).HasMaxLength(6);
            e.Property(t => t.TimeZone).HasMaxLength(64);
        });
        b.Entity<LanguagePreference>(e =>
        {
            e.HasKey(p => p.UserKey);
            e.Property(p => p.UserKey).HasMaxLength(128);
            e.Property(p => p.Language).HasMaxLength(8).IsRequired();
        });
        b.Entity<Client>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Name).HasMaxLength(200).IsRequired();
            e.Property(c => c.NormalizedName).HasMaxLength(200).IsRequired();
            e.Property(c => c.TaxId).HasMaxLength(20);
            // NIT is unique when present; clients without one are told apart by name and city.
            e.HasIndex(c => c.TaxId).IsUnique().HasFilter("\"TaxId\" IS NOT NULL");
            e.HasIndex(c => new { c.NormalizedName, c.NormalizedCity });
            e.HasIndex(c => c.OwnerId);
            e.Property(c => c.Segment).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Address).HasMaxLength(300);
            e.Property(c => c.City).HasMaxLength(100);
            e.Property(c => c.NormalizedCity).HasMaxLength(100);
            e.Property(c => c.LeadSource).HasMaxLength(100);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.OwnsMany(c => c.Contacts, contact =>
            {
                contact.ToTable("ClientContacts");
                contact.WithOwner().HasForeignKey("ClientId");
                contact.Property<int>("Id");
                contact.HasKey("Id");
                contact.Property(x => x.Name).HasMaxLength(200).IsRequired();
                contact.Property(x => x.Role).HasMaxLength(100);
                contact.Property(x => x.Email).HasMaxLength(254);
                contact.Property(x => x.Phone).HasMaxLength(20);
            });
            e.Navigation(c => c.Contacts).UsePropertyAccessMode(PropertyAccessMode.Field);
        });
        b.Entity<Pqr>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.FilingNumber).HasMaxLength(40).IsRequired();
            e.HasIndex(p => p.FilingNumber).IsUnique();
            e.Property(p => p.Type).HasConversion<string>().HasMaxLength(30);
            e.Property(p => p.Channel).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Description).HasMaxLength(8000).IsRequired();
            e.Property(p => p.Response).HasMaxLength(8000);
            e.Property(p => p.CalendarCountry).HasMaxLength(2);
            e.Property(p => p.CalendarSubdivision).HasMaxLength(6);
            e.Property(p => p.CalendarTimeZone).HasMaxLength(64);
            e.HasIndex(p => new { p.AssigneeId, p.Status });
            e.HasIndex(p => new { p.Status, p.DueDate });
            e.HasOne<Client>().WithMany().HasForeignKey(p => p.ClientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.AssigneeId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.AnsweredById).OnDelete(DeleteBehavior.Restrict);
            // An approver and an assignee can act at the same moment: only one change wins.
            e.Property(p => p.Version).IsConcurrencyToken();
        });
        b.Entity<Visit>(e =>
        {
            e.HasKey(v => v.Id);
            e.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Type).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Outcome).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.CalendarState).HasConversion<string>().HasMaxLength(20);
            e.Property(v => v.Interviewee).HasMaxLength(200);
            e.Property(v => v.Location).HasMaxLength(300);
            e.Property(v => v.Observations).HasMaxLength(VisitInput.MaxText);
            e.Property(v => v.InviteeEmail).HasMaxLength(254);
            e.Property(v => v.Notes).HasMaxLength(VisitInput.MaxText);
            e.Property(v => v.NextStep).HasMaxLength(500);
            e.Property(v => v.Opportunity).HasMaxLength(200);
            e.Property(v => v.CalendarEventId).HasMaxLength(512);
            e.Property(v => v.CalendarError).HasMaxLength(500);
            e.HasIndex(v => new { v.OwnerId, v.Start });
            // One visit per executive, client and start: a form submitted twice cannot make two.
            e.HasIndex(v => new { v.OwnerId, v.ClientId, v.Start }).IsUnique().HasFilter("\"Status\" <> 'Cancelled'");
            e.HasIndex(v => new { v.Status, v.Start });
            e.HasOne<Client>().WithMany().HasForeignKey(v => v.ClientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(v => v.LoggedById).OnDelete(DeleteBehavior.Restrict);
            // The owner, their lead and the reminder job may touch a visit at once: one change wins.
            e.Property(v => v.Version).IsConcurrencyToken();
        });
        b.Entity<Opportunity>(e =>
        {
            e.HasKey(o => o.Id);
            e.Property(o => o.Title).HasMaxLength(200).IsRequired();
            e.Property(o => o.NormalizedTitle).HasMaxLength(200).IsRequired();
            e.Property(o => o.ServiceType).HasMaxLength(100);
            e.Property(o => o.Segment).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Stage).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Currency).HasMaxLength(3).IsRequired();
            e.Property(o => o.LeadSource).HasMaxLength(100);
            e.Property(o => o.LostReason).HasMaxLength(500);
            // Money: 18 digits, 2 decimals (COP totals run to thousands of millions).
            e.Property(o => o.UnitValue).HasPrecision(18, 2);
            e.Property(o => o.MonthlyValue).HasPrecision(18, 2);
            e.Property(o => o.TotalValue).HasPrecision(18, 2);
            e.Ignore(o => o.WeightedValue);
            e.HasIndex(o => new { o.OwnerId, o.Stage });
            e.HasIndex(o => o.ClientId);
            e.HasOne<Client>().WithMany().HasForeignKey(o => o.ClientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(o => o.OwnerId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.Version).IsConcurrencyToken();
        });
        b.Entity<Offer>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasIndex(o => new { o.OpportunityId, o.Number }).IsUnique();
            e.HasIndex(o => new { o.OpportunityId, o.Status });
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Risk).HasConversion<string>().HasMaxLength(10);
            e.Property(o => o.Currency).HasMaxLength(3).IsRequired();
            e.Property(o => o.Notes).HasMaxLength(2000);
            e.Property(o => o.ClientReason).HasMaxLength(500);
            e.Property(o => o.Subtotal).HasPrecision(18, 2);
            e.Property(o => o.Total).HasPrecision(18, 2);
            e.Property(o => o.DiscountPercent).HasPrecision(5, 2);
            e.OwnsMany(o => o.Lines, line =>
            {
                line.ToTable("OfferLines");
                line.WithOwner().HasForeignKey("OfferId");
                line.Property<int>("Id");
                line.HasKey("Id");
                line.Property(l => l.Description).HasMaxLength(200).IsRequired();
                line.Property(l => l.UnitPrice).HasPrecision(18, 2);
                line.Ignore(l => l.Amount);
            });
            e.Navigation(o => o.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
            e.HasOne<Opportunity>().WithMany().HasForeignKey(o => o.OpportunityId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(o => o.RequesterId).OnDelete(DeleteBehavior.Restrict);
            e.Property(o => o.Version).IsConcurrencyToken();
        });
        b.Entity<ApprovalStep>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => new { s.OfferId, s.Order }).IsUnique();
            e.HasIndex(s => new { s.ApproverId, s.Status });
            e.Property(s => s.Level).HasConversion<string>().HasMaxLength(30);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.RoutedBecause).HasMaxLength(20);
            e.Property(s => s.Comment).HasMaxLength(1000);
            e.HasOne<Offer>().WithMany().HasForeignKey(s => s.OfferId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(s => s.ApproverId).OnDelete(DeleteBehavior.Restrict);
            // Two approvers (or two clicks) at once: only the first decision is saved; the turn is re-run for the other.
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        b.Entity<Delegation>(e =>
        {
            e.HasKey(d => d.Id);
            e.HasIndex(d => new { d.PersonId, d.Until });
            e.HasOne<Person>().WithMany().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(d => d.DeputyId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Renegotiation>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.Requirement).HasMaxLength(2000).IsRequired();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(r => r.Reasons).HasMaxLength(4000);
            e.HasIndex(r => new { r.ClientId, r.Status });
            e.HasOne<Client>().WithMany().HasForeignKey(r => r.ClientId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Person>().WithMany().HasForeignKey(r => r.RequesterId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Opportunity>().WithMany().HasForeignKey(r => r.OpportunityId).OnDelete(DeleteBehavior.Restrict);
            e.Property(r => r.Version).IsConcurrencyToken();
        });
        b.Entity<AreaConsultation>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Area).HasConversion<string>().HasMaxLength(20);
            e.Property(c => c.Comment).HasMaxLength(1000);
            e.HasIndex(c => new { c.RenegotiationId, c.Area }).IsUnique();
            e.HasOne<Renegotiation>().WithMany().HasForeignKey(c => c.RenegotiationId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.Property(c => c.Version).IsConcurrencyToken();
        });
        b.Entity<AreaContact>(e =>
        {
            e.HasKey(c => c.Area);
            e.Property(c => c.Area).HasConversion<string>().HasMaxLength(20);
            e.HasOne<Person>().WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<SentCard>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Key).HasMaxLength(100).IsRequired();
            e.HasIndex(c => c.Key);
            e.Property(c => c.ServiceUrl).HasMaxLength(512).IsRequired();
            e.Property(c => c.ConversationId).HasMaxLength(512).IsRequired();
            e.Property(c => c.ActivityId).HasMaxLength(256).IsRequired();
        });
        b.Entity<VisitPlan>(e =>
        {
            e.HasKey(p => new { p.OwnerId, p.Year, p.Month });
            e.HasOne<Person>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        });
        b.Entity<Scheduling.JobRun>(e =>
        {
            e.HasKey(r => new { r.Job, r.Period });
            e.Property(r => r.Job).HasMaxLength(100);
            e.Property(r => r.Period).HasMaxLength(20);
        });
        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("AuditLog");
            e.HasKey(a => a.Id);
            e.Property(a => a.ActorId).HasMaxLength(160).IsRequired();
            e.Property(a => a.ActorName).HasMaxLength(200);
            e.Property(a => a.Action).HasMaxLength(40).IsRequired();
            e.Property(a => a.EntityType).HasMaxLength(100).IsRequired();
            e.Property(a => a.EntityId).HasMaxLength(200).IsRequired();
            e.Property(a => a.CorrelationId).HasMaxLength(64);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasIndex(a => a.At);
        });
        b.Entity<OutboxMessage>(e =>
        {
            e.ToTable("Outbox");
            e.HasKey(m => m.Id);
            e.Property(m => m.TrackingKey).HasMaxLength(100);
            e.Property(m => m.ServiceUrl).HasMaxLength(512).IsRequired();
            e.Property(m => m.ConversationId).HasMaxLength(512).IsRequired();
            e.Property(m => m.ActivityId).HasMaxLength(256);
            e.Property(m => m.CorrelationId).HasMaxLength(64);
            e.HasIndex(m => new { m.FailedAt, m.NextAttemptAt });
        });
        b.Entity<ProcessedActivity>(e =>
        {
            e.HasKey(p => p.Key);
            e.Property(p => p.Key).HasMaxLength(900);
            e.HasIndex(p => p.ProcessedAt);
        });
        b.Entity<StoredConversationReference>(e =>
        {
            e.ToTable("ConversationReferences");
            e.HasKey(r => r.ConversationId);
            e.Property(r => r.ConversationId).HasMaxLength(512);
            e.Property(r => r.ChannelId).HasMaxLength(64).IsRequired();
            e.Property(r => r.ServiceUrl).HasMaxLength(512).IsRequired();
            e.Property(r => r.UserAadObjectId).HasMaxLength(128);
            e.HasIndex(r => new { r.UserAadObjectId, r.ConversationType });
            // Two install activities arrive together; only one of them may send the welcome card.
            e.Property(r => r.WelcomedAt).IsConcurrencyToken();
        });
    }
}

public sealed class SqliteSalesBotDbContext(DbContextOptions<SqliteSalesBotDbContext> options) : SalesBotDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder c)
    {
        // SQLite has no instant type: EF would store text it cannot compare in SQL. Ticks (UTC)
        // keep ordering and range queries in the database.
        c.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresSalesBotDbContext(DbContextOptions<PostgresSalesBotDbContext> options) : SalesBotDbContext(options);
