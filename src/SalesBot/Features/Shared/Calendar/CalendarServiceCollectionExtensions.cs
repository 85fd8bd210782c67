using Microsoft.Extensions.Options;
using SalesBot.Features.Organization;

namespace SalesBot.Features.Shared.Calendar;

/// <summary>Settings of the business calendar that are not the organisation's own.</summary>
public sealed class CalendarOptions
{
    /// <summary>Folder of the per-country holiday corrections (COUNTRY.json); relative to the app's folder.</summary>
    public string HolidaysDirectory { get; set; } = "holidays";

    /// <summary>For companies that attend on Saturdays (<c>Pqrs:SaturdaysAreBusinessDays</c>).</summary>
    public bool SaturdaysAreBusinessDays { get; set; }
}

/// <summary>Builds business calendars from configuration: the organisation's own, or another country's.</summary>
public sealed class BusinessCalendarProvider(IOptions<OrganizationOptions> organization, IOptions<CalendarOptions> options)
{
    private readonly Lazy<BusinessCalendar> _default = new(() => Build(organization.Value.Country, organization.Value, options.Value));

    /// <summary>The organisation's calendar (Organization:Country, Organization:TimeZone).</summary>
    public BusinessCalendar Default => _default.Value;

    public BusinessCalendar Create(string country, string? subdivision = null) => Build(country, organization.Value, options.Value, subdivision);

    private static BusinessCalendar Build(string country, OrganizationOptions organization, CalendarOptions options, string? subdivision = null) =>
        BusinessCalendarFactory.Create(country, organization.TimeZone, options.SaturdaysAreBusinessDays,
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
