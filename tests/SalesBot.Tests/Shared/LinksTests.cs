using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SalesBot.Features.Visits;
using SalesBot.Features.Shared;

namespace SalesBot.Tests.Shared;

/// <summary>One setting for every public link (Links:BaseUrl, Links:SigningKey), the visits' earlier names still read.</summary>
public sealed class LinksTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));

    private static VisitIcsLinks Links(LinksOptions links, VisitOptions? visits = null) =>
        new(Options.Create(visits ?? new VisitOptions()), Options.Create(links), Clock);

    [Fact]
    public void The_links_setting_signs_ics_links_and_the_visits_names_still_work()
    {
        var (visit, owner) = (Guid.NewGuid(), Guid.NewGuid());
        var byLinks = Links(new LinksOptions { BaseUrl = "https://salesbot.contoso.example/", SigningKey = Key });
        var byVisits = Links(new LinksOptions(), new VisitOptions { PublicBaseUrl = "https://old.contoso.example", LinkSigningKey = Key });
        var both = Links(new LinksOptions { BaseUrl = "https://salesbot.contoso.example" }, new VisitOptions { PublicBaseUrl = "https://old.contoso.example", LinkSigningKey = Key });
        var none = Links(new LinksOptions { BaseUrl = "https://salesbot.contoso.example" });

        var url = byLinks.UrlFor(visit, owner)!;
        Assert.StartsWith($"https://salesbot.contoso.example/visits/{visit}.ics?owner={owner}&exp=", url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        Assert.True(byLinks.IsValid(visit, owner, long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]));
        Assert.False(byLinks.IsValid(visit, Guid.NewGuid(), long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]));
        Assert.StartsWith("https://old.contoso.example/visits/", byVisits.UrlFor(visit, owner));
        Assert.StartsWith("https://salesbot.contoso.example/visits/", both.UrlFor(visit, owner)); // Links wins, the key comes from the old name
        Assert.Null(none.UrlFor(visit, owner)); // no key, no links
    }

    [Theory]
    [InlineData("ftp://salesbot.contoso.example", Key)]
    [InlineData("salesbot.contoso.example", Key)]
    [InlineData("https://salesbot.contoso.example", "too short")]
    public void A_bad_links_setting_is_refused_at_start(string baseUrl, string key) =>
        Assert.NotNull(new LinksOptions { BaseUrl = baseUrl, SigningKey = key }.Problem());
}
