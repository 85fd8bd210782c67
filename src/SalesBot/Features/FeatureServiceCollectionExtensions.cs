using SalesBot.Features.Assistant;
using SalesBot.Features.Clients;
using SalesBot.Features.Digests;
using SalesBot.Features.Indicators;
using SalesBot.Features.Language;
using SalesBot.Features.Offers;
using SalesBot.Features.Pipeline;
using SalesBot.Features.Pqrs;
using SalesBot.Features.Renegotiations;
using SalesBot.Features.Reports;
using SalesBot.Features.Visits;

namespace SalesBot.Features;

public static class FeatureServiceCollectionExtensions
{
    /// <summary>
    /// The sales features, each a folder with its use cases, conversation, actions (names, phrases,
    /// card verbs) and jobs. Registered together so the bot and the registry's tests see the same set.
    /// </summary>
    public static IServiceCollection AddSalesBotFeatures(this IServiceCollection services, IConfiguration configuration) => services
        .AddAssistant()                            // welcome, help, menu, language, profile
        .AddLanguage(configuration)                // natural language: reader, routes, confirmation
        .AddClients()                              // client portfolio: create, search, import
        .AddVisits(configuration)                  // visits: schedule (Outlook or .ics), log, plan, reminders
        .AddPipeline(configuration)                // opportunities: stages, history, pipeline views
        .AddOffers(configuration)                  // offers and their approval chain from cards
        .AddRenegotiations()                       // contract renegotiation: areas, proposal, change
        .AddPqrs(configuration)                    // PQRs: API, routing, answers
        .AddIndicators(configuration)              // goals and the indicators the seeds measure
        .AddReports(configuration)                 // the monthly report: card, XLSX, sent every month
        .AddDigests(configuration);                // the weekly digest in team channels
}
