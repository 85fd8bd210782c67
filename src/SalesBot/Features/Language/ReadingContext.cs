namespace SalesBot.Features.Language;

/// <summary>
/// What a message is read against: the speaker's locale (es-CO, es-BO, es-MX, en-US) and the
/// moment it was said, as the organisation's local time ("el martes", "a las 3" and "este mes"
/// mean nothing without them).
/// </summary>
public sealed record ReadingContext(string Locale, DateTimeOffset Now)
{
    public DateOnly Today => DateOnly.FromDateTime(Now.DateTime);

    public bool English => Locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>Colombia and Bolivia write "1.234,5"; Mexico and the United States "1,234.5".</summary>
    public bool CommaDecimals => !English && !Locale.Equals("es-MX", StringComparison.OrdinalIgnoreCase);

    public bool Mexican => Locale.Equals("es-MX", StringComparison.OrdinalIgnoreCase);
}
