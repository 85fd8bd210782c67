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

/// <summary>The signer of the report and chart links: what it signs, and what it refuses.</summary>
public sealed class SignedLinksTests
{
    private const string Key = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void A_link_works_as_given_until_it_expires_and_not_with_any_part_changed()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 15, 0, 0, TimeSpan.Zero));
        var links = new SignedLinks(Options.Create(new LinksOptions { BaseUrl = "https://salesbot.contoso.example/", SigningKey = Key }), clock);
        var url = links.UrlFor("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", "es")], TimeSpan.FromDays(1))!;
        Assert.StartsWith("https://salesbot.contoso.example/reports/monthly/2026-11.xlsx?scope=team%3Aabc&lang=es&exp=", url);
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(url).Query);
        var (exp, sig) = (long.Parse(query["exp"]!, System.Globalization.CultureInfo.InvariantCulture), query["sig"]);

        Assert.True(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", "es")], exp, sig));
        Assert.False(links.IsValid("/reports/monthly/2026-10.xlsx", [("scope", "team:abc"), ("lang", "es")], exp, sig)); // another month
        Assert.False(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "company"), ("lang", "es")], exp, sig)); // another scope
        Assert.False(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", null)], exp, sig)); // a part missing
        Assert.False(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", "es")], exp + 3600, sig)); // a later expiry
        Assert.False(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", "es")], exp, null));
        clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromSeconds(1));
        Assert.False(links.IsValid("/reports/monthly/2026-11.xlsx", [("scope", "team:abc"), ("lang", "es")], exp, sig)); // expired

        var off = new SignedLinks(Options.Create(new LinksOptions { BaseUrl = "https://salesbot.contoso.example" }), clock);
        Assert.False(off.Enabled);
        Assert.Null(off.UrlFor("/reports/monthly/2026-11.xlsx", [], TimeSpan.FromDays(1)));
        Assert.False(off.IsValid("/reports/monthly/2026-11.xlsx", [], exp, sig));
    }
}
