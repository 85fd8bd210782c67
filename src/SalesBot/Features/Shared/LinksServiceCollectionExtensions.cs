namespace SalesBot.Features.Shared;

public static class LinksServiceCollectionExtensions
{
    /// <summary>Links:* and the signer of public links; every feature that gives out links asks for it, registered once.</summary>
    public static IServiceCollection AddLinks(this IServiceCollection services, IConfiguration configuration)
    {
        if (services.Any(d => d.ServiceType == typeof(SignedLinks))) return services;
        services.AddOptions<LinksOptions>().Bind(configuration.GetSection(LinksOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LinksOptions>>(new ValidateOptions<LinksOptions>(null, o => o.Problem() is null,
            "Links:BaseUrl must be an absolute http(s) URL and Links:SigningKey at least 32 characters"));
        services.AddSingleton<SignedLinks>();
        services.AddSingleton<RecordLinks>();
        return services;
    }
}
