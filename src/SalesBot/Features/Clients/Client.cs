namespace SalesBot.Features.Clients;

/// <summary>Market segment of a client, as the seeds name them.</summary>
public enum ClientSegment
{
    Regulated,
    NonRegulated,
    LargeProducer,
    Enterprise,
    Government,
}

public enum ClientStatus
{
    Prospect,
    Active,
    Churned,
}

/// <summary>A company in the portfolio (cartera): who it is, who owns the relationship, whom to talk to.</summary>
public sealed class Client : IAudited
{
    private readonly List<ClientContact> _contacts = [];

    private Client() { }

    public Client(ClientDetails details, Guid? ownerId, DateTimeOffset at)
    {
        Id = NewId.Next();
        CreatedAt = at;
        Apply(details, ownerId, at);
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";

    /// <summary>The name folded for matching (case, accents, punctuation): "Ferretería El Sol S.A.S." -> "ferreteria el sol s a s".</summary>
    public string NormalizedName { get; private set; } = "";

    /// <summary>The NIT's digits without the check digit (see <see cref="Nit"/>); unique in the organisation.</summary>
    public string? TaxId { get; private set; }
    public ClientSegment Segment { get; private set; }
    public ClientStatus Status { get; private set; }
    public Guid? OwnerId { get; private set; }
    public string? Address { get; private set; }
    public string? City { get; private set; }
    public string? NormalizedCity { get; private set; }
    public string? LeadSource { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public IReadOnlyList<ClientContact> Contacts => _contacts;

    /// <summary>Replaces the client's data; says whether anything changed (re-imports change nothing).</summary>
    public bool Apply(ClientDetails details, Guid? ownerId, DateTimeOffset at)
    {
        var changed = Name != details.Name || TaxId != details.TaxId || Segment != details.Segment || Status != details.Status
            || OwnerId != ownerId || Address != details.Address || City != details.City || LeadSource != details.LeadSource
            || !_contacts.Select(c => c.Key).SequenceEqual(details.Contacts.Select(c => c.Key));
        if (!changed) return false;
        Name = details.Name;
        NormalizedName = TextFolding.Fold(details.Name);
        TaxId = details.TaxId;
        Segment = details.Segment;
        Status = details.Status;
        OwnerId = ownerId;
        Address = details.Address;
        City = details.City;
        NormalizedCity = details.City is null ? null : TextFolding.Fold(details.City);
        LeadSource = details.LeadSource;
        _contacts.Clear();
        _contacts.AddRange(details.Contacts);
        UpdatedAt = at;
        return true;
    }

    /// <summary>Another executive now owns the relationship.</summary>
    public void AssignOwner(Guid ownerId, DateTimeOffset at)
    {
        OwnerId = ownerId;
        UpdatedAt = at;
    }

    /// <summary>The status a client's latest sign-up or churn gives it.</summary>
    public void FollowLifecycle(LifecycleKind latest, DateTimeOffset at)
    {
        var status = latest == LifecycleKind.SignUp ? ClientStatus.Active : ClientStatus.Churned;
        if (status == Status) return;
        Status = status;
        UpdatedAt = at;
    }
}

/// <summary>A person to talk to at the client.</summary>
public sealed record ClientContact(string Name, string? Role, string? Email, string? Phone)
{
    internal string Key => $"{Name}|{Role}|{Email}|{Phone}";
}

/// <summary>Validated client data, as a use case receives it from a card, the importer or a seed.</summary>
public sealed record ClientDetails(
    string Name, string? TaxId, ClientSegment Segment, ClientStatus Status,
    string? Address, string? City, string? LeadSource, IReadOnlyList<ClientContact> Contacts);
