using System.Diagnostics;
using System.Globalization;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Language;

public class TimeReaderTests
{
    // docs/NLU.md: now is Monday 23 November 2026, 09:00 Bogotá.
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    private static (string? Time, int? Duration) Read(string text, string locale = "es-CO")
    {
        var reading = TimeReader.Read(text, new ReadingContext(locale, Now));
        return (reading.Time?.ToString("HH:mm", CultureInfo.InvariantCulture), reading.DurationMinutes);
    }

    [Theory]
    // explicit
    [InlineData("visita mañana 10am", "es-CO", "10:00")]
    [InlineData("tomorrow at 10 am", "en-US", "10:00")]
    [InlineData("at 2:30 pm", "en-US", "14:30")]
    [InlineData("2:30pm with Acme", "en-US", "14:30")]
    [InlineData("a las 3 p.m.", "es-MX", "15:00")]
    [InlineData("a las 3 p. m.", "es-MX", "15:00")]
    [InlineData("9 a.m. sharp", "en-US", "09:00")]
    [InlineData("at 12pm", "en-US", "12:00")]
    [InlineData("at 12 am", "en-US", "00:00")]
    [InlineData("a las 15:30", "es-CO", "15:30")]
    [InlineData("mañana 15:30 con Alpina", "es-CO", "15:30")]
    [InlineData("el viernes 08:15", "es-BO", "08:15")]
    [InlineData("a las 10h", "es-BO", "10:00")]
    [InlineData("15h30 en la bodega", "es-BO", "15:30")]
    [InlineData("a las 15 horas", "es-BO", "15:00")]
    [InlineData("a las 4 de la tarde", "es-CO", "16:00")]
    [InlineData("a las cuatro de la tarde", "es-CO", "16:00")]
    [InlineData("a las 7 de la mañana", "es-CO", "07:00")]
    [InlineData("a las 7 de la manana", "es-MX", "07:00")]
    [InlineData("a las 8 y media de la noche", "es-CO", "20:30")]
    [InlineData("a las 11 de la noche", "es-CO", "23:00")]
    [InlineData("a las 12 de la noche", "es-CO", "00:00")]
    [InlineData("3 de la tarde", "es-CO", "15:00")]
    [InlineData("at 8 in the evening", "en-US", "20:00")]
    [InlineData("at 7 in the morning", "en-US", "07:00")]
    [InlineData("al mediodía", "es-CO", "12:00")]
    [InlineData("al medio dia", "es-BO", "12:00")]
    [InlineData("at noon", "en-US", "12:00")]
    [InlineData("a medianoche", "es-CO", "00:00")]
    [InlineData("a las 9 en punto", "es-CO", "09:00")]
    [InlineData("9 en punto", "es-CO", "09:00")]
    [InlineData("at 9 o'clock", "en-US", "09:00")]
    [InlineData("a las 9.30", "es-CO", "09:30")]
    // the business-hours rule
    [InlineData("a las 3", "es-CO", "15:00")]
    [InlineData("a las 8 y media", "es-CO", "08:30")]
    [InlineData("a las 4 y cuarto", "es-CO", "16:15")]
    [InlineData("a las 5 y cuarto", "es-BO", "17:15")]
    [InlineData("a las 11", "es-CO", "11:00")]
    [InlineData("a las 12", "es-CO", "12:00")]
    [InlineData("a las 7", "es-CO", "07:00")]
    [InlineData("a las 6", "es-CO", "18:00")]
    [InlineData("a las 1", "es-CO", "13:00")]
    [InlineData("a la 1", "es-CO", "13:00")]
    [InlineData("a la una", "es-MX", "13:00")]
    [InlineData("a las tres", "es-CO", "15:00")]
    [InlineData("a las doce", "es-CO", "12:00")]
    [InlineData("a las diez y media", "es-CO", "10:30")]
    [InlineData("a las 3 y 10", "es-CO", "15:10")]
    [InlineData("a las 2:30", "es-CO", "14:30")]
    [InlineData("los lunes a las 8", "es-CO", "08:00")]
    [InlineData("at 9", "en-US", "09:00")]
    [InlineData("at 3", "en-US", "15:00")]
    [InlineData("at three", "en-US", "15:00")]
    [InlineData("at 9:30", "en-US", "09:30")]
    // quarter to, para las
    [InlineData("a las 5 menos cuarto", "es-CO", "16:45")]
    [InlineData("un cuarto para las 5", "es-MX", "16:45")]
    [InlineData("cuarto para las 5", "es-MX", "16:45")]
    [InlineData("diez para las 12", "es-MX", "11:50")]
    [InlineData("a quarter to 5", "en-US", "16:45")]
    [InlineData("quarter past 4", "en-US", "16:15")]
    [InlineData("half past 8", "en-US", "08:30")]
    // approximations keep the hour
    [InlineData("tipo 2 de la tarde", "es-CO", "14:00")]
    [InlineData("tipo 10", "es-CO", "10:00")]
    [InlineData("tipo las 3", "es-CO", "15:00")]
    [InlineData("a eso de las 10", "es-CO", "10:00")]
    [InlineData("como a las 4", "es-BO", "16:00")]
    [InlineData("around 3pm", "en-US", "15:00")]
    [InlineData("around 10", "en-US", "10:00")]
    [InlineData("las 3 pm", "es-CO", "15:00")]
    [InlineData("mañana a las dos", "es-CO", "14:00")]
    [InlineData("a las dos con Alpina", "es-CO", "14:00")]
    public void Reads_the_time(string text, string locale, string expected)
    {
        var (time, duration) = Read(text, locale);
        Assert.Equal(expected, time);
        Assert.Null(duration);
    }

    [Theory]
    [InlineData("de 10 a 11:30", "es-CO", "10:00", 90)]
    [InlineData("de 10 a 11", "es-CO", "10:00", 60)]
    [InlineData("de 2 a 4 de la tarde", "es-CO", "14:00", 120)]
    [InlineData("de 3 a 5", "es-CO", "15:00", 120)]
    [InlineData("de 11 a 1", "es-CO", "11:00", 120)]
    [InlineData("de 8 a 12", "es-BO", "08:00", 240)]
    [InlineData("desde las 9 hasta las 10 y media", "es-MX", "09:00", 90)]
    [InlineData("entre las 2 y las 4", "es-CO", "14:00", 120)]
    [InlineData("de 14 a 16 horas", "es-BO", "14:00", 120)]
    [InlineData("from 2 to 3pm", "en-US", "14:00", 60)]
    [InlineData("from 11 to 1pm", "en-US", "11:00", 120)]
    [InlineData("from 9:00 to 10:30", "en-US", "09:00", 90)]
    [InlineData("between 2 and 4pm", "en-US", "14:00", 120)]
    [InlineData("10-11am", "en-US", "10:00", 60)]
    [InlineData("9:00-10:30", "es-CO", "09:00", 90)]
    [InlineData("mañana de 10 a 11:30 con Alpina", "es-CO", "10:00", 90)]
    public void A_range_gives_its_start_and_length(string text, string locale, string time, int duration) =>
        Assert.Equal((time, (int?)duration), Read(text, locale));

    [Theory]
    [InlineData("por una hora", "es-CO", 60)]
    [InlineData("una hora", "es-MX", 60)]
    [InlineData("1 hora", "es-CO", 60)]
    [InlineData("for an hour", "en-US", 60)]
    [InlineData("for one hour", "en-US", 60)]
    [InlineData("media hora", "es-CO", 30)]
    [InlineData("half an hour", "en-US", 30)]
    [InlineData("half hour", "en-US", 30)]
    [InlineData("hora y media", "es-CO", 90)]
    [InlineData("una hora y media", "es-CO", 90)]
    [InlineData("1 hora y media", "es-BO", 90)]
    [InlineData("an hour and a half", "en-US", 90)]
    [InlineData("one and a half hours", "en-US", 90)]
    [InlineData("1,5 horas", "es-CO", 90)]
    [InlineData("1.5 hours", "en-US", 90)]
    [InlineData("dos horas", "es-CO", 120)]
    [InlineData("2 horas", "es-CO", 120)]
    [InlineData("2 hours", "en-US", 120)]
    [InlineData("two hours", "en-US", 120)]
    [InlineData("dos horas y media", "es-CO", 150)]
    [InlineData("hora y cuarto", "es-CO", 75)]
    [InlineData("45 minutes", "en-US", 45)]
    [InlineData("40 min", "en-US", 40)]
    [InlineData("45 minutos", "es-CO", 45)]
    [InlineData("cuarenta y cinco minutos", "es-CO", 45)]
    [InlineData("veinte minutos", "es-MX", 20)]
    [InlineData("un cuarto de hora", "es-CO", 15)]
    [InlineData("tres cuartos de hora", "es-CO", 45)]
    [InlineData("un par de horas", "es-CO", 120)]
    [InlineData("a couple of hours", "en-US", 120)]
    [InlineData("por 2 hrs", "es-CO", 120)]
    [InlineData("for 1h", "en-US", 60)]
    public void Reads_a_stated_length(string text, string locale, int expected)
    {
        var (time, duration) = Read(text, locale);
        Assert.Null(time);
        Assert.Equal(expected, duration);
    }

    [Theory]
    [InlineData("Cuádreme una visita con Textiles Ródano de hoy en ocho a las 3, hora y media", "es-CO", "15:00", 90)]
    [InlineData("Cuadreme visita con Textiles Rodano de hoy en ocho a las 3 hora y media", "es-CO", "15:00", 90)]
    [InlineData("mañana a las 10 por una hora", "es-CO", "10:00", 60)]
    [InlineData("a las 8 y media, media hora", "es-CO", "08:30", 30)]
    [InlineData("tomorrow at 9 for 45 minutes", "en-US", "09:00", 45)]
    [InlineData("at 2:30 pm for an hour and a half", "en-US", "14:30", 90)]
    [InlineData("el jueves a las 4 de la tarde, dos horas", "es-BO", "16:00", 120)]
    [InlineData("una hora a las 3", "es-CO", "15:00", 60)]
    [InlineData("el 2 de diciembre a las 3, 45 minutos", "es-CO", "15:00", 45)]
    [InlineData("el 3/12 a las 10 por media hora", "es-CO", "10:00", 30)]
    public void Reads_time_and_length_together(string text, string locale, string time, int duration) =>
        Assert.Equal((time, (int?)duration), Read(text, locale));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("Cuádreme una visita con Postobón")]
    // parts of the day alone
    [InlineData("en la mañana")]
    [InlineData("por la tarde")]
    [InlineData("esta noche")]
    [InlineData("a primera hora")]
    [InlineData("first thing")]
    [InlineData("in the morning")]
    // dates, amounts, seats, percentages, years, bare numbers
    [InlineData("el 3/12")]
    [InlineData("on 12/3")]
    [InlineData("2026-12-03")]
    [InlineData("el 2 de diciembre")]
    [InlineData("November 20")]
    [InlineData("$85MM")]
    [InlineData("1.500")]
    [InlineData("1,5 millones")]
    [InlineData("Bs 80.000")]
    [InlineData("USD 1.2M")]
    [InlineData("12 puestos")]
    [InlineData("a las 12 sucursales")]
    [InlineData("at 3 of our branches")]
    [InlineData("descuento del 15%")]
    [InlineData("en 2026")]
    [InlineData("Q3")]
    [InlineData("tengo 3 clientes")]
    [InlineData("visité 5 clientes")]
    [InlineData("de 10 a 20 personas")]
    [InlineData("de 10 a 20")]
    [InlineData("de 2 a 3 semanas")]
    [InlineData("del 2 al 5 de diciembre")]
    [InlineData("de 2 a 5 de diciembre")]
    [InlineData("radicado 2026-118734")]
    [InlineData("folio 8812")]
    [InlineData("NIT 900.123.456-7")]
    [InlineData("¿a qué hora?")]
    [InlineData("atención las 24 horas")]
    [InlineData("le envié la cotización a las dos empresas")]
    [InlineData("revisamos las 3 propuestas")]
    [InlineData("at one point they said no")]
    [InlineData("la hora de llegada")]
    public void Reads_nothing(string text)
    {
        foreach (var locale in new[] { "es-CO", "es-MX", "en-US" })
            Assert.Equal((null, null), Read(text, locale));
    }

    [Theory]
    // A moment ahead or behind is not a length.
    [InlineData("en una hora")]
    [InlineData("en media hora")]
    [InlineData("in an hour")]
    [InlineData("hace dos horas")]
    [InlineData("two hours ago")]
    [InlineData("una hora antes")]
    [InlineData("dentro de dos horas")]
    // Too long to be a visit.
    [InlineData("vence en 48 horas")]
    [InlineData("24 horas")]
    // "de 2 a 3 horas" is not a clock range.
    [InlineData("de 2 a 3 horas")]
    [InlineData("2 o 3 horas")]
    [InlineData("queda a 2 horas de aquí")]
    public void Reads_no_length(string text)
    {
        var (time, duration) = Read(text);
        Assert.Null(time);
        Assert.Null(duration);
    }

    [Fact]
    public void A_range_that_runs_backwards_has_no_length()
    {
        Assert.Equal(("15:00", (int?)null), Read("from 3pm to 1pm", "en-US"));
    }

    [Fact]
    public void Junk_neither_throws_nor_takes_long()
    {
        var random = new Random(11);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 $.,:/%-'ñáé¿?!";
        var junk = new string(Enumerable.Range(0, 5000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var repeated = string.Concat(Enumerable.Repeat("de las y media a la hora de ", 180));
        var watch = Stopwatch.StartNew();
        foreach (var text in new[] { junk, repeated, new string('9', 5000), new string(':', 5000), new string(' ', 5000) })
            foreach (var locale in new[] { "es-CO", "en-US" })
                _ = TimeReader.Read(text, new ReadingContext(locale, Now));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
