namespace SalesBot.Features.Shared.Calendar;

/// <summary>Settings of the business calendar that are not the organisation's own.</summary>
public sealed class CalendarOptions
{
    /// <summary>Folder of the per-country holiday corrections (COUNTRY.json); relative to the app's folder.</summary>
    public string HolidaysDirectory { get; set; } = "holidays";

    /// <summary>For companies that attend on Saturdays (<c>Pqrs:SaturdaysAreBusinessDays</c>).</summary>
    public bool SaturdaysAreBusinessDays { get; set; }
}

/// <summary>Builds business calendars from configuration: the organisation's own, or another country's, region's or zone's.</summary>
public sealed class BusinessCalendarProvider(IOptions<OrganizationOptions> organization, IOptions<CalendarOptions> options)
{
    private readonly Lazy<BusinessCalendar> _default = new(() => Build(organization.Value.Country, null, organization.Value.TimeZone, options.Value));
    private readonly System.Collections.Concurrent.ConcurrentDictionary<CalendarChoice, BusinessCalendar> _built = new();

    /// <summary>The organisation's calendar (Organization:Country, Organization:TimeZone).</summary>
    public BusinessCalendar Default => _default.Value;

    public BusinessCalendar Create(string country, string? subdivision = null) =>
        Build(country, subdivision, organization.Value.TimeZone, options.Value);

    /// <summary>
    /// The calendar of a choice (a team's, a PQR's), built once; null parts are the organisation's.
    /// Throws <see cref="BusinessCalendarFactory.CalendarException"/> for an unknown country, region or zone.
    /// </summary>
    public BusinessCalendar For(CalendarChoice choice)
    {
        if (choice == CalendarChoice.Organization) return Default;
        return _built.GetOrAdd(choice, c => Build(c.Country ?? organization.Value.Country, c.Subdivision, c.TimeZone ?? organization.Value.TimeZone, options.Value));
    }

    private static BusinessCalendar Build(string country, string? subdivision, string timeZone, CalendarOptions options) =>
        BusinessCalendarFactory.Create(country, timeZone, options.SaturdaysAreBusinessDays,
            Path.IsPathRooted(options.HolidaysDirectory) ? options.HolidaysDirectory : Path.Combine(AppContext.BaseDirectory, options.HolidaysDirectory),
            subdivision);
}

public static class CalendarServiceCollectionExtensions
{
    public static IServiceCollection AddBusinessCalendar(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CalendarOptions>().Configure(o =>
        {
            o.HolidaysDirectory = configuration["Holidays:Directory"] ?? o.HolidaysDirectory;
            o.SaturdaysAreBusinessDays = configuration.GetValue("Pqrs:SaturdaysAreBusinessDays", false);
        });
        services.AddSingleton<BusinessCalendarProvider>();
        services.AddSingleton(sp => sp.GetRequiredService<BusinessCalendarProvider>().Default);
        return services;
    }
}

/// <summary>Stops the bot at start when the organisation's calendar cannot be built, saying why.</summary>
internal sealed class OrganizationCalendarValidator(IOptions<CalendarOptions> calendar) : IValidateOptions<OrganizationOptions>
{
    public ValidateOptionsResult Validate(string? name, OrganizationOptions options)
    {
        if (!OrganizationOptions.SpanishCultures.Contains(options.SpanishCulture))
            return ValidateOptionsResult.Fail($"Organization:Culture is {options.Culture}: it must be one of {string.Join(", ", OrganizationOptions.SpanishCultures)}.");
        try
        {
            new BusinessCalendarProvider(Options.Create(options), calendar).Default.Holidays(DateTime.UtcNow.Year);
            return ValidateOptionsResult.Success;
        }
        catch (BusinessCalendarFactory.CalendarException e)
        {
            return ValidateOptionsResult.Fail(e.Message);
        }
    }
}
