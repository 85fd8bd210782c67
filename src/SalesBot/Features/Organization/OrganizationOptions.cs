namespace SalesBot.Features.Organization;

/// <summary>Where the company is: its country (public holidays), time zone, culture and currency.</summary>
public sealed class OrganizationOptions
{
    public const string Section = "Organization";

    public string Country { get; set; } = "CO";
    public string TimeZone { get; set; } = "America/Bogota";
    /// <summary>How Spanish is written (dates, thousands): es-CO, es-BO or es-MX; unset, the country's.</summary>
    public string? Culture { get; set; }
    public string Currency { get; set; } = "COP";

    /// <summary>The Spanish culture in use: the configured one, else the country's (Mexico groups thousands with commas).</summary>
    public string SpanishCulture => Culture ?? SpanishCultureOf(Country);

    /// <summary>How Spanish is written in a country: a Bolivian team reads es-BO even in a Colombian organisation.</summary>
    public static string SpanishCultureOf(string country) => country.ToUpperInvariant() switch
    {
        "BO" => "es-BO",
        "MX" => "es-MX",
        _ => "es-CO",
    };

    public static readonly IReadOnlyList<string> SpanishCultures = ["es-CO", "es-BO", "es-MX"];
}
