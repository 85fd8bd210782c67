using SalesBot.Features.Shared.Calendar;

namespace SalesBot.Features.Organization;

public static class OrganizationServiceCollectionExtensions
{
    public static IServiceCollection AddOrganization(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<OrganizationOptions>().Bind(configuration.GetSection(OrganizationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrganizationOptions>, OrganizationCalendarValidator>();
        services.AddScoped<AddPerson>();
        services.AddScoped<AddTeam>();
        services.AddScoped<SetTeamCalendar>();
        services.AddScoped<TeamCalendars>();
        services.AddScoped<ListPeople>();
        services.AddScoped<MyProfile>();
        services.AddScoped<PeopleDirectory>();
        services.AddScoped<SeedDemoOrganization>();
        return services;
    }
}
