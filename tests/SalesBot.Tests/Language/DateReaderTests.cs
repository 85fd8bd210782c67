using System.Diagnostics;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Language;

public class DateReaderTests
{
    // docs/NLU.md: now is Monday 23 November 2026, 09:00 Bogotá (ISO week 2026-W48).
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    private static string? Read(string text, string locale = "es-CO", bool past = false) =>
        DateReader.Read(text, new ReadingContext(locale, Now), past)?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // today
    [InlineData("Agende la visita para hoy", "es-CO", "2026-11-23")]
    [InlineData("HOY a las 3", "es-BO", "2026-11-23")]
    [InlineData("Visit them today at 4pm", "en-US", "2026-11-23")]
    [InlineData("Esta mañana estuve con Carlos", "es-CO", "2026-11-23")]
    [InlineData("esta manana visite a Postobon", "es-MX", "2026-11-23")]
    [InlineData("I met them this morning", "en-US", "2026-11-23")]
    [InlineData("esta tarde paso por la bodega", "es-CO", "2026-11-23")]
    // tomorrow
    [InlineData("Cuádreme una visita mañana", "es-CO", "2026-11-24")]
    [InlineData("agenda visita manana a las 10", "es-MX", "2026-11-24")]
    [InlineData("mañana en la mañana con Textiles Ródano", "es-CO", "2026-11-24")]
    [InlineData("la reunión de mañana", "es-BO", "2026-11-24")]
    [InlineData("mñana a las 9", "es-CO", "2026-11-24")]
    [InlineData("Schedule a visit tomorrow", "en-US", "2026-11-24")]
    [InlineData("visit Acme tmrw at 9", "en-US", "2026-11-24")]
    [InlineData("Tomorrow morning with Acme", "en-US", "2026-11-24")]
    // day after tomorrow
    [InlineData("pasado mañana a las 3", "es-CO", "2026-11-25")]
    [InlineData("pasado manana", "es-MX", "2026-11-25")]
    [InlineData("the day after tomorrow", "en-US", "2026-11-25")]
    [InlineData("day after tomorrow works", "en-US", "2026-11-25")]
    // yesterday, the day before
    [InlineData("Ayer visité a Gases del Llano", "es-CO", "2026-11-22")]
    [InlineData("I visited them yesterday", "en-US", "2026-11-22")]
    [InlineData("antier estuve en Siberia", "es-CO", "2026-11-21")]
    [InlineData("anteayer fui donde Postobón", "es-BO", "2026-11-21")]
    [InlineData("antes de ayer", "es-MX", "2026-11-21")]
    [InlineData("the day before yesterday", "en-US", "2026-11-21")]
    public void Reads_relative_days(string text, string locale, string expected) => Assert.Equal(expected, Read(text, locale));

    [Theory]
    // A bare weekday in a future or neutral sentence: strictly after today.
    [InlineData("visita el martes", "es-CO", false, "2026-11-24")]
    [InlineData("el viernes a las 3", "es-CO", false, "2026-11-27")]
    [InlineData("el miércoles", "es-BO", false, "2026-11-25")]
    [InlineData("el miercoles", "es-MX", false, "2026-11-25")]
    [InlineData("el jueves", "es-CO", false, "2026-11-26")]
    [InlineData("el sábado", "es-CO", false, "2026-11-28")]
    [InlineData("el sabado", "es-CO", false, "2026-11-28")]
    [InlineData("el domingo", "es-CO", false, "2026-11-29")]
    [InlineData("el lunes", "es-CO", false, "2026-11-30")]
    [InlineData("on Thursday", "en-US", false, "2026-11-26")]
    [InlineData("schedule Acme for Wednesday", "en-US", false, "2026-11-25")]
    [InlineData("see them Tue", "en-US", false, "2026-11-24")]
    [InlineData("see them tues at 10", "en-US", false, "2026-11-24")]
    [InlineData("visit on wed", "en-US", false, "2026-11-25")]
    [InlineData("thu 3pm", "en-US", false, "2026-11-26")]
    [InlineData("thur", "en-US", false, "2026-11-26")]
    [InlineData("thurs", "en-US", false, "2026-11-26")]
    [InlineData("fri at noon", "en-US", false, "2026-11-27")]
    [InlineData("on sat", "en-US", false, "2026-11-28")]
    [InlineData("on sun", "en-US", false, "2026-11-29")]
    [InlineData("next mon", "en-US", false, "2026-11-30")]
    // A bare weekday in a past sentence: the most recent one strictly before today.
    [InlineData("visité el viernes a Postobón", "es-CO", false, "2026-11-20")]
    [InlineData("visite el viernes a Postobon", "es-CO", false, "2026-11-20")]
    [InlineData("El pedido llegó el viernes", "es-CO", false, "2026-11-20")]
    [InlineData("El sábado estuve en la feria", "es-BO", false, "2026-11-21")]
    [InlineData("el martes fui donde Alpina", "es-MX", false, "2026-11-17")]
    [InlineData("pasé el jueves por la planta", "es-CO", false, "2026-11-19")]
    [InlineData("el lunes hablé con la gerente", "es-CO", false, "2026-11-16")]
    [InlineData("tuvimos reunión el miércoles", "es-CO", false, "2026-11-18")]
    [InlineData("I visited Acme on Friday", "en-US", false, "2026-11-20")]
    [InlineData("We met on Saturday", "en-US", false, "2026-11-21")]
    [InlineData("went there on Thursday", "en-US", false, "2026-11-19")]
    [InlineData("log Friday's visit", "en-US", true, "2026-11-20")]
    [InlineData("el viernes con Textiles Ródano", "es-CO", true, "2026-11-20")]
    // The target of a move lies ahead even when the verb is past.
    [InlineData("la visita fue movida para el viernes", "es-CO", false, "2026-11-27")]
    [InlineData("the meeting was moved to Friday", "en-US", false, "2026-11-27")]
    public void Reads_bare_weekdays_by_tense(string text, string locale, bool past, string expected) => Assert.Equal(expected, Read(text, locale, past));

    [Theory]
    // este / this: the day in the current ISO week.
    [InlineData("este jueves", "es-CO", "2026-11-26")]
    [InlineData("este viernes a las 10", "es-BO", "2026-11-27")]
    [InlineData("this Thursday", "en-US", "2026-11-26")]
    [InlineData("este domingo", "es-CO", "2026-11-29")]
    // próximo / que viene / next: the nearest one strictly after today.
    [InlineData("el próximo viernes", "es-CO", "2026-11-27")]
    [InlineData("el proximo viernes", "es-MX", "2026-11-27")]
    [InlineData("el viernes que viene", "es-CO", "2026-11-27")]
    [InlineData("el viernes próximo", "es-BO", "2026-11-27")]
    [InlineData("el lunes que viene", "es-CO", "2026-11-30")]
    [InlineData("next Monday", "en-US", "2026-11-30")]
    [InlineData("next Friday", "en-US", "2026-11-27")]
    // that weekday in the next ISO week
    [InlineData("el jueves de la próxima semana", "es-CO", "2026-12-03")]
    [InlineData("el jueves de la semana entrante", "es-CO", "2026-12-03")]
    [InlineData("el jueves de la otra semana", "es-CO", "2026-12-03")]
    [InlineData("el jueves de la semana que viene", "es-MX", "2026-12-03")]
    [InlineData("el martes de la proxima semana", "es-BO", "2026-12-01")]
    [InlineData("Friday next week", "en-US", "2026-12-04")]
    [InlineData("Thursday of next week", "en-US", "2026-12-03")]
    [InlineData("la próxima semana, el jueves", "es-CO", "2026-12-03")]
    [InlineData("next week on Thursday", "en-US", "2026-12-03")]
    // pasado / last
    [InlineData("el viernes pasado", "es-CO", "2026-11-20")]
    [InlineData("el pasado viernes", "es-MX", "2026-11-20")]
    [InlineData("last Friday", "en-US", "2026-11-20")]
    [InlineData("el lunes pasado", "es-CO", "2026-11-16")]
    [InlineData("el jueves de la semana pasada", "es-CO", "2026-11-19")]
    [InlineData("Tuesday last week", "en-US", "2026-11-17")]
    // Colombian "en ocho"
    [InlineData("de hoy en ocho", "es-CO", "2026-11-30")]
    [InlineData("de hoy en 8", "es-CO", "2026-11-30")]
    [InlineData("de hoy en quince", "es-CO", "2026-12-07")]
    // weeks and days ahead
    [InlineData("en dos semanas", "es-CO", "2026-12-07")]
    [InlineData("en 2 semanas", "es-MX", "2026-12-07")]
    [InlineData("dentro de dos semanas", "es-BO", "2026-12-07")]
    [InlineData("in two weeks", "en-US", "2026-12-07")]
    [InlineData("in 2 weeks", "en-US", "2026-12-07")]
    [InlineData("en una semana", "es-CO", "2026-11-30")]
    [InlineData("in a week", "en-US", "2026-11-30")]
    [InlineData("en ocho días", "es-CO", "2026-11-30")]
    [InlineData("en 8 dias", "es-CO", "2026-11-30")]
    [InlineData("en quince días", "es-CO", "2026-12-07")]
    [InlineData("en 15 dias", "es-MX", "2026-12-07")]
    [InlineData("en tres días", "es-CO", "2026-11-26")]
    [InlineData("in 3 days", "en-US", "2026-11-26")]
    [InlineData("hace dos semanas", "es-CO", "2026-11-09")]
    [InlineData("two weeks ago", "en-US", "2026-11-09")]
    // end of the month
    [InlineData("para fin de mes", "es-CO", "2026-11-30")]
    [InlineData("a fin del mes", "es-BO", "2026-11-30")]
    [InlineData("by the end of the month", "en-US", "2026-11-30")]
    [InlineData("end of month", "en-US", "2026-11-30")]
    public void Reads_qualified_weekdays_and_relative_spans(string text, string locale, string expected) => Assert.Equal(expected, Read(text, locale));

    [Theory]
    [InlineData("el 2 de diciembre", "es-CO", false, "2026-12-02")]
    [InlineData("el 2 de diciembre a las 3", "es-CO", false, "2026-12-02")]
    [InlineData("en la mañana del viernes", "es-CO", false, "2026-11-27")]
    [InlineData("1ro de diciembre", "es-CO", false, "2026-12-01")]
    [InlineData("el 1º de diciembre", "es-BO", false, "2026-12-01")]
    [InlineData("el primero de diciembre", "es-MX", false, "2026-12-01")]
    [InlineData("el 15 de dic", "es-CO", false, "2026-12-15")]
    [InlineData("December 2", "en-US", false, "2026-12-02")]
    [InlineData("Dec 2nd at 10", "en-US", false, "2026-12-02")]
    [InlineData("the 3rd of December", "en-US", false, "2026-12-03")]
    [InlineData("on 3 December", "en-US", false, "2026-12-03")]
    [InlineData("November 20", "en-US", true, "2026-11-20")]
    [InlineData("I visited them on Nov 20th", "en-US", false, "2026-11-20")]
    [InlineData("el 13 de noviembre", "es-CO", true, "2026-11-13")]
    [InlineData("visité a Alpina el 13 de noviembre", "es-CO", false, "2026-11-13")]
    [InlineData("el 23 de noviembre", "es-CO", false, "2026-11-23")]
    [InlineData("el 23 de noviembre", "es-CO", true, "2026-11-23")]
    // Not past, and already gone this year: the next one.
    [InlineData("el 13 de noviembre", "es-CO", false, "2027-11-13")]
    [InlineData("el 15 de enero", "es-CO", false, "2027-01-15")]
    [InlineData("January 15", "en-US", false, "2027-01-15")]
    // Past, and not yet come this year: last year's.
    [InlineData("el 15 de diciembre", "es-CO", true, "2025-12-15")]
    // A year stated is kept.
    [InlineData("el 2 de diciembre de 2026", "es-CO", false, "2026-12-02")]
    [InlineData("November 13, 2026", "en-US", false, "2026-11-13")]
    [InlineData("el 5 de enero del 2027", "es-CO", false, "2027-01-05")]
    // A weekday with its day number.
    [InlineData("el viernes 4 de diciembre", "es-CO", false, "2026-12-04")]
    [InlineData("el jueves 3", "es-CO", false, "2026-12-03")]
    [InlineData("el viernes 27", "es-CO", false, "2026-11-27")]
    [InlineData("el viernes 20", "es-CO", true, "2026-11-20")]
    public void Reads_spelled_dates(string text, string locale, bool past, string expected) => Assert.Equal(expected, Read(text, locale, past));

    [Theory]
    [InlineData("el 3/12", "es-CO", false, "2026-12-03")]
    [InlineData("el 3/12", "es-BO", false, "2026-12-03")]
    [InlineData("el 3/12", "es-MX", false, "2026-12-03")]
    [InlineData("on 12/3", "en-US", false, "2026-12-03")]
    [InlineData("el 03/12/2026", "es-CO", false, "2026-12-03")]
    [InlineData("on 12/03/26", "en-US", false, "2026-12-03")]
    [InlineData("2026-12-03", "es-CO", false, "2026-12-03")]
    [InlineData("2026-12-03", "en-US", false, "2026-12-03")]
    [InlineData("el 20/11", "es-CO", true, "2026-11-20")]
    [InlineData("el 3.12.2026", "es-CO", false, "2026-12-03")]
    public void Reads_numeric_dates_in_the_locale_order(string text, string locale, bool past, string expected) => Assert.Equal(expected, Read(text, locale, past));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hola, ¿cómo vas?")]
    [InlineData("Cuádreme una visita con Postobón")]
    // parts of the day
    [InlineData("en la mañana")]
    [InlineData("por la mañana")]
    [InlineData("a las 7 de la mañana")]
    [InlineData("por la tarde")]
    [InlineData("a primera hora")]
    [InlineData("first thing")]
    [InlineData("in the morning")]
    // recurrences
    [InlineData("los lunes a las 8")]
    [InlineData("todos los martes")]
    [InlineData("cada viernes")]
    [InlineData("los sábados")]
    [InlineData("every Monday at 9")]
    [InlineData("on Fridays")]
    [InlineData("mondays and tuesdays")]
    // periods are not days
    [InlineData("la próxima semana")]
    [InlineData("esta semana")]
    [InlineData("next week")]
    [InlineData("este mes")]
    [InlineData("diciembre")]
    // numbers that are not dates
    [InlineData("a las 3:30")]
    [InlineData("15:30")]
    [InlineData("1,5 millones")]
    [InlineData("$85MM")]
    [InlineData("Bs 80.000")]
    [InlineData("2.300.000")]
    [InlineData("12 puestos")]
    [InlineData("descuento del 15%")]
    [InlineData("1/2 hora")]
    [InlineData("el 32/13")]
    [InlineData("el 31 de noviembre")]
    [InlineData("NIT 900.123.456-7")]
    [InlineData("radicado 2026-118734")]
    [InlineData("folio 8812")]
    [InlineData("en 2026")]
    // English words that look like short weekdays
    [InlineData("I sat with the manager")]
    [InlineData("the sun was out")]
    [InlineData("set 5 meetings")]
    public void Reads_no_date(string text)
    {
        Assert.Null(Read(text));
        Assert.Null(Read(text, "en-US"));
        Assert.Null(Read(text, "es-MX"));
    }

    [Fact]
    public void The_labelled_example_reads_next_monday()
    {
        Assert.Equal("2026-11-30", Read("Cuádreme una visita con Textiles Ródano de hoy en ocho a las 3, hora y media"));
    }

    [Fact]
    public void Tomorrow_in_the_morning_is_tomorrow()
    {
        Assert.Equal("2026-11-24", Read("mañana en la mañana"));
        Assert.Equal("2026-11-24", Read("Mañana por la mañana paso"));
        Assert.Equal("2026-11-24", Read("mañana a las 7 de la mañana"));
    }

    [Fact]
    public void The_first_date_stated_wins()
    {
        Assert.Equal("2026-11-22", Read("Ayer visité a Alpina, quedamos de volver el viernes"));
    }

    [Fact]
    public void Junk_neither_throws_nor_takes_long()
    {
        var random = new Random(7);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789 $.,:/%-'ñáé¿?!";
        var junk = new string(Enumerable.Range(0, 5000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var repeated = string.Concat(Enumerable.Repeat("de la 3/ el 1 de de mañana la ", 170));
        var watch = Stopwatch.StartNew();
        foreach (var text in new[] { junk, repeated, new string('9', 5000), new string('/', 5000), new string(' ', 5000) })
            foreach (var locale in new[] { "es-CO", "en-US" })
                _ = DateReader.Read(text, new ReadingContext(locale, Now), past: false);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
