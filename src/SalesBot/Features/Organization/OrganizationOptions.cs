namespace SalesBot.Features.Organization;

/// <summary>Where the company is: its country (public holidays), time zone, culture and currency.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public string Country { get; set; } = "CO";
    public string TimeZone { get; set; } = "America/Bogota";
    public string Culture { get; set; } = "es-CO";
    public string Currency { get; set; } = "COP";
}
