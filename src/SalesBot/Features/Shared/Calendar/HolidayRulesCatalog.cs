namespace SalesBot.Features.Shared.Calendar;

/// <summary>The countries we have holiday rules for. Adding a country is adding its rules here.</summary>
public static class HolidayRulesCatalog
{
    private static readonly IReadOnlyDictionary<string, IHolidayRules> Rules =
        new IHolidayRules[] { new ColombianHolidays(), new BolivianHolidays(), new MexicanHolidays() }.ToDictionary(r => r.Country, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Countries => Rules.Keys.ToList();

    public static IHolidayRules? Find(string country) => Rules.GetValueOrDefault(country.Trim());
}
