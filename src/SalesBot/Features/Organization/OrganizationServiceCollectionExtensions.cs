namespace SalesBot.Features.Organization;

public static class OrganizationServiceCollectionExtensions
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddScoped<AddPerson>();
        services.AddScoped<AddTeam>();
        services.AddScoped<ListPeople>();
        services.AddScoped<SeedDemoOrganization>();
        return services;
    }
}
