using System.Text.RegularExpressions;
using SalesBot.Bot.Localization;

namespace SalesBot.Tests.Assistant;

/// <summary>One formatter per culture: English month first, each Spanish country its own separators, no unit written twice.</summary>
public sealed partial class TextFormatTests
{
    private static readonly DateTimeOffset Wednesday = new(2026, 12, 9, 10, 0, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("es-CO", "miércoles 9/12 10:00–11:00", "9/12/2026", "50 %", "$ 1.234.568", "1.234.567,5")]
    [InlineData("es-BO", "miércoles 9/12 10:00–11:00", "9/12/2026", "50 %", "1.234.567,5 BOB", "1.234.567,5")]
    [InlineData("es-MX", "miércoles 09/12 10:00–11:00", "09/12/2026", "50 %", "1,234,567.5 MXN", "1,234,567.5")]
    [InlineData("en-US", "Wednesday 12/9 10:00 AM–11:00 AM", "12/9/2026", "50%", "$ 1,234,568", "1,234,567.5")]
    public void Each_culture_writes_spans_dates_percentages_money_and_numbers_its_own_way(string culture, string span, string date, string percent,
        string money, string number)
    {
        var format = TextFormat.For(culture);
        var currency = culture switch { "es-BO" => "BOB", "es-MX" => "MXN", _ => "COP" };

        Assert.Equal(span, format.Span(Wednesday, Wednesday.AddHours(1)));
        Assert.Equal(date, format.ShortDate(DateOnly.FromDateTime(Wednesday.Date)));
        Assert.Equal(percent, format.Percent(50m));
        Assert.Equal(money, format.Money(1_234_567.5m, currency));
        Assert.Equal(number, format.Number(1_234_567.5m));
    }

    [Fact]
    public void A_visit_past_midnight_names_both_days()
    {
        Assert.Equal("Wednesday 12/9 11:00 PM–Thursday 12/10 12:30 AM", TextFormat.For("en-US").Span(Wednesday.AddHours(13), Wednesday.AddHours(14.5)));
    }

    [Theory]
    [InlineData("d/MM/yyyy", "d/MM")]
    [InlineData("M/d/yyyy", "M/d")]
    [InlineData("yyyy-MM-dd", "MM-dd")]
    [InlineData("dd.MM.yyyy", "dd.MM")]
    public void The_day_and_month_pattern_is_the_short_date_without_its_year(string shortDate, string monthDay) =>
        Assert.Equal(monthDay, TextFormat.MonthDayOf(shortDate));

    [Fact]
    public void The_Spanish_culture_follows_the_country_unless_configured()
    {
        Assert.Equal("es-BO", new OrganizationOptions { Country = "BO" }.SpanishCulture);
        Assert.Equal("es-MX", new OrganizationOptions { Country = "MX" }.SpanishCulture);
        Assert.Equal("es-CO", new OrganizationOptions { Country = "CO" }.SpanishCulture);
        Assert.Equal("es-MX", new OrganizationOptions { Country = "CO", Culture = "es-MX" }.SpanishCulture);
        Assert.Equal(",", new Localizer("es-MX").Culture(Localizer.Spanish).NumberFormat.NumberGroupSeparator);
        Assert.Equal("en-US", new Localizer("es-BO").Culture(Localizer.English).Name);
    }

    /// <summary>
    /// Values come formatted (a percentage with its sign, money with its currency): a text that adds a
    /// unit after a placeholder writes it twice ("50 % %").
    /// </summary>
    [Fact]
    public void No_text_adds_a_unit_after_a_value_that_already_carries_it()
    {
        var localizer = new Localizer();
        var doubled = Localizer.Languages.SelectMany(l => localizer.Keys(l).Select(k => (l, k, Text: localizer[l, k])))
            .Where(e => UnitAfterPlaceholder().IsMatch(e.Text)).Select(e => $"{e.l}:{e.k}").ToList();
        Assert.Empty(doubled);
    }

    [GeneratedRegex(@"\{\d+\}\s?(%|COP|BOB|MXN|USD)")]
    private static partial Regex UnitAfterPlaceholder();
}
