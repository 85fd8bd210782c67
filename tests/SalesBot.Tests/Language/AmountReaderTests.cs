using System.Diagnostics;
using System.Globalization;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Language;

public sealed class AmountReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    private static AmountReading Read(string locale, string text) => AmountReader.Read(text, new ReadingContext(locale, Now));

    private static decimal? Number(string? value) => value is null ? null : decimal.Parse(value, CultureInfo.InvariantCulture);

    [Theory]
    // Multipliers: mil, k, millón/millones, M, MM, palos.
    [InlineData("es-CO", "Créale una oportunidad a Postobón por 40 millones", "40000000", null)]
    [InlineData("es-CO", "El negocio es de $85MM", "85000000", null)]
    [InlineData("es-CO", "valor 85 mm", "85000000", null)]
    [InlineData("es-CO", "a 85 mil por puesto", "85000", null)]
    [InlineData("en-US", "They offered 40k for the deal", "40000", null)]
    [InlineData("en-US", "USD 1.2M for the whole contract", "1200000", "USD")]
    [InlineData("es-CO", "nos salió en 40 palos", "40000000", null)]
    [InlineData("es-CO", "1,5 M mensuales", "1500000", null)]
    [InlineData("es-BO", "1,5 millones de bolivianos", "1500000", "BOB")]
    [InlineData("es-MX", "2.3 millones de pesos", "2300000", "MXN")]
    [InlineData("en-US", "2.3 millones", "2300000", null)]
    [InlineData("es-CO", "2.3 millones", "2300000", null)]
    [InlineData("es-CO", "1.250 millones", "1250000000", null)]
    [InlineData("es-CO", "mil millones de pesos", "1000000000", "COP")]
    [InlineData("es-CO", "1 millón 200 mil", "1200000", null)]
    // Number words.
    [InlineData("es-MX", "mil quinientos dólares", "1500", "USD")]
    [InlineData("es-CO", "dos millones de pesos", "2000000", "COP")]
    [InlineData("es-CO", "un millón y medio", "1500000", null)]
    [InlineData("es-CO", "millón y medio al mes", "1500000", null)]
    [InlineData("es-CO", "2 millones y medio", "2500000", null)]
    [InlineData("es-CO", "medio millón", "500000", null)]
    [InlineData("es-CO", "dos millones trescientos mil", "2300000", null)]
    [InlineData("es-MX", "doscientos cincuenta y cinco mil pesos", "255000", "MXN")]
    [InlineData("en-US", "five hundred thousand dollars", "500000", "USD")]
    [InlineData("es-CO", "veinticinco mil", "25000", null)]
    // Separators by locale, and grouping in any locale.
    [InlineData("es-BO", "Bs 80.000 mensuales", "80000", "BOB")]
    [InlineData("es-BO", "Bs. 80.000", "80000", "BOB")]
    [InlineData("es-CO", "valor 2.300.000", "2300000", null)]
    [InlineData("es-MX", "valor 2.300.000", "2300000", null)]
    [InlineData("en-US", "value 2.300.000", "2300000", null)]
    [InlineData("en-US", "$2,300,000 total", "2300000", null)]
    [InlineData("es-MX", "$1,250.50 por licencia", "1250.5", null)]
    [InlineData("es-CO", "$1.250,50 por licencia", "1250.5", null)]
    [InlineData("es-CO", "$1'500.000", "1500000", null)]
    [InlineData("es-CO", "por 2.300.000", "2300000", null)]
    [InlineData("es-CO", "cotizado por 2300000", "2300000", null)]
    [InlineData("en-US", "$1,500", "1500", null)]
    [InlineData("es-CO", "$1.500", "1500", null)]
    [InlineData("es-CO", "$1,5", "1.5", null)]
    [InlineData("en-US", "$ 500", "500", null)]
    [InlineData("en-US", "500$", "500", null)]
    [InlineData("es-CO", "un valor de 3.500.000 al mes", "3500000", null)]
    [InlineData("es-CO", "por un valor de 2300000", "2300000", null)]
    [InlineData("en-US", "priced at 1,200", "1200", null)]
    // Currency named next to the figure, in any order.
    [InlineData("en-US", "US$ 12,000", "12000", "USD")]
    [InlineData("es-CO", "US$12.000", "12000", "USD")]
    [InlineData("es-CO", "12.000 dólares", "12000", "USD")]
    [InlineData("es-CO", "12.000 dolares", "12000", "USD")]
    [InlineData("en-US", "12,000 dollars", "12000", "USD")]
    [InlineData("es-MX", "12 mil USD", "12000", "USD")]
    [InlineData("es-MX", "300 mil MXN", "300000", "MXN")]
    [InlineData("es-CO", "300 mil COP", "300000", "COP")]
    [InlineData("es-BO", "300 mil BOB", "300000", "BOB")]
    [InlineData("es-BO", "300 mil bolivianos", "300000", "BOB")]
    [InlineData("es-CO", "40 millones de pesos", "40000000", "COP")]
    [InlineData("es-MX", "40 mil pesos", "40000", "MXN")]
    [InlineData("es-MX", "40 mil pesos colombianos", "40000", "COP")]
    [InlineData("es-CO", "mil pesos", "1000", "COP")]
    public void Money_figures_and_currencies(string locale, string text, string? amount, string? currency)
    {
        var reading = Read(locale, text);

        Assert.Equal(Number(amount), reading.Amount);
        Assert.Equal(currency, reading.Currency);
    }

    [Theory]
    [InlineData("es-CO", "40 millones", null)]
    [InlineData("es-MX", "40 millones", null)]
    [InlineData("es-BO", "40 millones", null)]
    [InlineData("en-US", "40 million", null)]
    [InlineData("es-CO", "$500", null)]
    [InlineData("es-MX", "$500", null)]
    [InlineData("en-US", "5,000 pesos", null)]
    [InlineData("es-BO", "5.000 pesos", null)]
    [InlineData("es-CO", "5.000 pesos", "COP")]
    [InlineData("es-MX", "5,000 pesos", "MXN")]
    [InlineData("es-CO", "la oferta va en dólares, por 40 mil", "USD")]
    [InlineData("en-US", "send the quote in dollars", "USD")]
    [InlineData("es-CO", "100 dólares o 400 mil pesos", null)]
    public void Currency_only_when_the_text_names_it(string locale, string text, string? currency)
    {
        Assert.Equal(currency, Read(locale, text).Currency);
    }

    [Fact]
    public void A_currency_named_without_a_figure_is_still_read()
    {
        var reading = Read("en-US", "send the quote in dollars");

        Assert.Null(reading.Amount);
        Assert.Equal("USD", reading.Currency);
    }

    [Theory]
    [InlineData("es-CO", "12 puestos", 12)]
    [InlineData("es-CO", "Oportunidad con Claro por 40 millones, 12 puestos", 12)]
    [InlineData("es-BO", "para 25 agentes", 25)]
    [InlineData("es-MX", "30 asientos", 30)]
    [InlineData("es-MX", "30 licencias", 30)]
    [InlineData("en-US", "for 50 seats", 50)]
    [InlineData("en-US", "20 agents at $40 each", 20)]
    [InlineData("es-CO", "doce agentes", 12)]
    [InlineData("es-CO", "veinte puestos a 85 mil por puesto", 20)]
    [InlineData("es-CO", "1.000 agentes", 1000)]
    [InlineData("es-CO", "12 sucursales", null)]
    [InlineData("es-CO", "40 millones", null)]
    [InlineData("es-CO", "", null)]
    [InlineData("en-US", "seats for everyone", null)]
    public void Seats_are_the_number_before_the_seat_word(string locale, string text, int? seats)
    {
        Assert.Equal(seats, Read(locale, text).Seats);
    }

    [Fact]
    public void Seats_and_amount_come_apart()
    {
        var reading = Read("es-CO", "Créale a Textiles Ródano una oportunidad de 12 puestos a 85 mil por puesto");

        Assert.Equal(85000m, reading.Amount);
        Assert.Null(reading.Currency);
        Assert.Equal(12, reading.Seats);
    }

    [Theory]
    // Percentages.
    [InlineData("es-CO", "con un descuento del 15 %")]
    [InlineData("es-CO", "descuento del 15%")]
    [InlineData("es-MX", "dale el 15 por ciento")]
    [InlineData("en-US", "a 15 percent discount")]
    // NITs, filing numbers, phones, years.
    [InlineData("es-CO", "NIT 900123456-7")]
    [InlineData("es-CO", "NIT 900.123.456-7")]
    [InlineData("es-CO", "NIT: 900.123.456")]
    [InlineData("es-CO", "radicado 2026-118734")]
    [InlineData("es-CO", "el radicado RQ-55120")]
    [InlineData("es-MX", "folio 8812")]
    [InlineData("es-CO", "llámelo al 3001234567")]
    [InlineData("es-CO", "cel 300 123 4567")]
    [InlineData("es-CO", "tel. 601 555 1234")]
    [InlineData("es-CO", "cierra en 2026")]
    [InlineData("es-CO", "las metas de 2027")]
    // Dates and times.
    [InlineData("es-CO", "el 3 de diciembre")]
    [InlineData("es-CO", "el 1ro de diciembre")]
    [InlineData("en-US", "on November 20")]
    [InlineData("en-US", "on 12/3")]
    [InlineData("es-CO", "el 2026-12-03")]
    [InlineData("es-CO", "de hoy en ocho a las 3")]
    [InlineData("es-CO", "a las 4 de la tarde")]
    [InlineData("es-CO", "de 10 a 11:30")]
    [InlineData("en-US", "at 3pm")]
    [InlineData("en-US", "at 10 am")]
    [InlineData("es-CO", "a las 15:30")]
    // Counts.
    [InlineData("es-CO", "tiene 12 sucursales")]
    [InlineData("es-CO", "12 puestos")]
    [InlineData("es-CO", "1.500 usuarios")]
    [InlineData("es-CO", "12 mil usuarios")]
    [InlineData("es-CO", "visita de 45 minutos")]
    [InlineData("es-CO", "hora y media")]
    // Not numbers about money.
    [InlineData("es-CO", "mil gracias")]
    [InlineData("es-CO", "una visita con dos personas")]
    [InlineData("es-CO", "tengo 3 clientes nuevos")]
    [InlineData("en-US", "Q4 pipeline")]
    [InlineData("es-CO", "semana 48")]
    [InlineData("es-CO", "millones de gracias")]
    [InlineData("es-CO", "")]
    [InlineData("en-US", "   ")]
    public void Not_an_amount(string locale, string text)
    {
        Assert.Null(Read(locale, text).Amount);
    }

    [Theory]
    [InlineData("es-CO", "40 millones o 45 millones")]
    [InlineData("en-US", "$500 now and $600 next month")]
    [InlineData("es-CO", "valor 2.300.000, con otro de 1.200.000")]
    [InlineData("es-MX", "entre 40 y 50 mil pesos, o 80 mil")]
    public void Two_different_money_figures_leave_the_amount_unknown(string locale, string text)
    {
        Assert.Null(Read(locale, text).Amount);
    }

    [Theory]
    [InlineData("es-CO", "40 millones, sí, 40 millones", "40000000")]
    [InlineData("es-CO", "por 40 millones con 15% de descuento", "40000000")]
    [InlineData("es-CO", "por 40 millones, NIT 900123456-7, radicado 2026-118734", "40000000")]
    [InlineData("es-CO", "el 3 de diciembre a las 3 firmamos por $85MM", "85000000")]
    [InlineData("es-CO", "12 sucursales y 40 millones", "40000000")]
    [InlineData("es-CO", "40 millones, 12 puestos", "40000000")]
    [InlineData("es-MX", "valor: 2.300.000.", "2300000")]
    [InlineData("es-BO", "Son Bs. 80.000, 5 agentes", "80000")]
    public void One_figure_among_other_numbers(string locale, string text, string amount)
    {
        Assert.Equal(Number(amount), Read(locale, text).Amount);
    }

    [Fact]
    public void Amounts_are_plain_numbers_without_trailing_zeros()
    {
        var amount = Read("es-CO", "1,5 M").Amount;

        Assert.Equal("1500000", amount!.Value.ToString(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Reading_does_not_depend_on_the_thread_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            Assert.Equal(2300000m, Read("en-US", "2.3 millones").Amount);
            Assert.Equal(1500000m, Read("es-CO", "1,5 M").Amount);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Huge_numbers_do_not_overflow()
    {
        var reading = Read("es-CO", "$99999999999999999999999999999 millones de millones 123456789012345678901234567890");

        Assert.Null(reading.Amount);
    }

    [Fact]
    public void Junk_does_not_throw_and_returns_quickly()
    {
        var random = new Random(7);
        const string alphabet = "abc xyz 0123456789 $%.,:/-' mil millones k M MM USD Bs pesos puestos ñáé\u00a0\t\n¿?!";
        var junk = new string(Enumerable.Range(0, 5000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var digits = string.Concat(Enumerable.Repeat("1.2,3", 1000));
        var words = string.Concat(Enumerable.Repeat("mil ", 1250));

        var watch = Stopwatch.StartNew();
        foreach (var locale in new[] { "es-CO", "es-BO", "es-MX", "en-US" })
        {
            Read(locale, junk);
            Read(locale, digits);
            Read(locale, words);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
