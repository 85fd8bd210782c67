using System.Diagnostics;
using SalesBot.Features.Language;

namespace SalesBot.Tests.Language;

public sealed class VocabularyReaderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(-5));

    [Theory]
    [InlineData("Pásela a hunting", "hunting")]
    [InlineData("déjela en prospección", "hunting")]
    [InlineData("dejela en prospeccion", "hunting")]
    [InlineData("muévela a calificación", "qualification")]
    [InlineData("a calificacion", "qualification")]
    [InlineData("move it to qualification", "qualification")]
    [InlineData("the lead is qualified", "qualification")]
    [InlineData("Ya les envié la cotización a Lácteos Andinos, pásela a propuesta", "proposal")]
    [InlineData("move Acme to proposal", "proposal")]
    [InlineData("sube lo de Gases del Llano a negociación", "negotiation")]
    [InlineData("están en negociación de precios", "negotiation")]
    [InlineData("sube lo de Gases del Llano a negociacoin", "negotiation")]
    [InlineData("we are in negotiation with Acme", "negotiation")]
    [InlineData("ganamos Textiles Ródano", "won")]
    [InlineData("márquela como ganada", "won")]
    [InlineData("el negocio quedó ganado", "won")]
    [InlineData("we won Acme", "won")]
    [InlineData("mark it as win", "won")]
    [InlineData("pásela a perdida", "lost")]
    [InlineData("la damos por perdido", "lost")]
    [InlineData("perdimos lo de Claro por precio", "lost")]
    [InlineData("we lost Acme to a competitor", "lost")]
    [InlineData("pásela de propuesta a negociación", "negotiation")]
    [InlineData("la propuesta que le mandé, pásela a negociación", "negotiation")]
    [InlineData("ganamos la propuesta de Claro", "won")]
    [InlineData("¿qué negocios tengo en negociación?", "negotiation")]
    [InlineData("la propuesta que le mandé", "proposal")]
    [InlineData("el pedido llegó", null)]
    [InlineData("muéstrame el pipeline", null)]
    [InlineData("", null)]
    public void Stages(string text, string? stage)
    {
        Assert.Equal(stage, VocabularyReader.Stage(text));
    }

    [Theory]
    [InlineData("¿Cómo va la ejecución del mercado regulado?", "budget_execution_regulated")]
    [InlineData("usuarios vinculados contra la meta", "budget_execution_regulated")]
    [InlineData("regulated budget execution", "budget_execution_regulated")]
    [InlineData("¿cómo vamos en no regulado?", "budget_execution_non_regulated")]
    [InlineData("ejecución del mercado no regulado", "budget_execution_non_regulated")]
    [InlineData("vendido contra presupuesto", "budget_execution_non_regulated")]
    [InlineData("lo vendido contra el presupuesto", "budget_execution_non_regulated")]
    [InlineData("non-regulated budget execution", "budget_execution_non_regulated")]
    [InlineData("crecimiento de facturación de este año", "billing_growth")]
    [InlineData("crecimiento de la facturación", "billing_growth")]
    [InlineData("show me billing growth", "billing_growth")]
    [InlineData("¿cuál es mi conversión?", "conversion")]
    [InlineData("tasa de conversion del equipo", "conversion")]
    [InlineData("conversion rate this quarter", "conversion")]
    [InlineData("cumplimiento de visitas de la semana pasada", "visit_compliance")]
    [InlineData("cumplimiento de las visitas", "visit_compliance")]
    [InlineData("visit compliance for my team", "visit_compliance")]
    [InlineData("oportunidad de respuesta de PQR", "pqr_timeliness")]
    [InlineData("¿cómo vamos en oportunidad de respuesta?", "pqr_timeliness")]
    [InlineData("PQR timeliness", "pqr_timeliness")]
    [InlineData("desvinculaciones del mes", "churn")]
    [InlineData("churn last month", "churn")]
    [InlineData("retiros de clientes", "churn")]
    [InlineData("crea una oportunidad para Claro", null)]
    [InlineData("¿qué visitas tengo?", null)]
    [InlineData("", null)]
    public void Indicators(string text, string? indicator)
    {
        Assert.Equal(indicator, VocabularyReader.Indicator(text));
    }

    [Theory]
    // Weeks: ISO, Monday to Sunday.
    [InlineData("es-CO", "¿qué visitas tengo esta semana?", "2026-W48")]
    [InlineData("en-US", "my visits this week", "2026-W48")]
    [InlineData("es-CO", "cumplimiento de visitas de la semana pasada", "2026-W47")]
    [InlineData("en-US", "visit compliance last week", "2026-W47")]
    [InlineData("es-MX", "la semana que viene", "2026-W49")]
    [InlineData("es-CO", "la próxima semana", "2026-W49")]
    [InlineData("es-BO", "la semana entrante", "2026-W49")]
    [InlineData("es-CO", "la otra semana", "2026-W49")]
    [InlineData("en-US", "next week", "2026-W49")]
    [InlineData("es-CO", "2026-W48", "2026-W48")]
    // Months.
    [InlineData("es-CO", "este mes", "2026-11")]
    [InlineData("en-US", "this month", "2026-11")]
    [InlineData("es-CO", "el mes pasado", "2026-10")]
    [InlineData("en-US", "last month", "2026-10")]
    [InlineData("es-CO", "el mes que viene", "2026-12")]
    [InlineData("es-MX", "el próximo mes", "2026-12")]
    [InlineData("en-US", "next month", "2026-12")]
    [InlineData("es-CO", "reporte de octubre", "2026-10")]
    [InlineData("es-CO", "octubre", "2026-10")]
    [InlineData("es-BO", "diciembre", "2026-12")]
    [InlineData("es-MX", "el mes de septiembre", "2026-09")]
    [InlineData("en-US", "last week's visits", "2026-W47")]
    [InlineData("es-CO", "el informe de diciembre", "2026-12")]
    [InlineData("en-US", "the October report", "2026-10")]
    [InlineData("en-US", "sales in May", "2026-05")]
    [InlineData("es-CO", "octubre 2025", "2025-10")]
    [InlineData("es-CO", "octubre de 2025", "2025-10")]
    [InlineData("es-MX", "octubre del 2025", "2025-10")]
    [InlineData("en-US", "October 2025", "2025-10")]
    [InlineData("es-CO", "octubre del año pasado", "2025-10")]
    [InlineData("es-CO", "2026-11", "2026-11")]
    [InlineData("es-CO", "de octubre a diciembre", "2026-10-01/2026-12-31")]
    [InlineData("en-US", "from November to February", "2026-11-01/2027-02-28")]
    // Quarters.
    [InlineData("es-CO", "este trimestre", "2026-Q4")]
    [InlineData("en-US", "this quarter", "2026-Q4")]
    [InlineData("es-CO", "conversión del Q3", "2026-Q3")]
    [InlineData("es-MX", "el T3", "2026-Q3")]
    [InlineData("es-CO", "el tercer trimestre", "2026-Q3")]
    [InlineData("en-US", "the third quarter", "2026-Q3")]
    [InlineData("es-CO", "el trimestre pasado", "2026-Q3")]
    [InlineData("en-US", "last quarter", "2026-Q3")]
    [InlineData("en-US", "next quarter", "2027-Q1")]
    [InlineData("es-CO", "Q3 2025", "2025-Q3")]
    [InlineData("es-CO", "el primer trimestre de 2025", "2025-Q1")]
    [InlineData("es-CO", "2026-Q4", "2026-Q4")]
    // Years.
    [InlineData("es-CO", "este año", "2026")]
    [InlineData("en-US", "this year", "2026")]
    [InlineData("es-CO", "el año pasado", "2025")]
    [InlineData("en-US", "last year", "2025")]
    [InlineData("es-CO", "en lo que va del año", "2026")]
    [InlineData("en-US", "year to date", "2026")]
    [InlineData("es-CO", "las ventas de 2025", "2025")]
    // Explicit ranges.
    [InlineData("es-CO", "del 1 al 15 de noviembre", "2026-11-01/2026-11-15")]
    [InlineData("es-BO", "entre el 1 y el 15 de noviembre", "2026-11-01/2026-11-15")]
    [InlineData("es-CO", "del 01/11 al 15/11", "2026-11-01/2026-11-15")]
    [InlineData("en-US", "from 11/1 to 11/15", "2026-11-01/2026-11-15")]
    [InlineData("es-CO", "2026-10-25 a 2026-11-05", "2026-10-25/2026-11-05")]
    [InlineData("es-CO", "2026-11-01/2026-11-30", "2026-11-01/2026-11-30")]
    [InlineData("en-US", "from November 1 to November 15", "2026-11-01/2026-11-15")]
    [InlineData("es-CO", "del 28 de diciembre al 3 de enero", "2026-12-28/2027-01-03")]
    // A single day is a date, never a period.
    [InlineData("es-CO", "el 3 de diciembre", null)]
    [InlineData("es-CO", "el 1ro de diciembre", null)]
    [InlineData("en-US", "on November 20", null)]
    [InlineData("es-CO", "visité a Claro el 13 de noviembre", null)]
    [InlineData("en-US", "November 20th, 2026", null)]
    [InlineData("es-MX", "diciembre 3", null)]
    [InlineData("es-CO", "el 3/12", null)]
    [InlineData("es-CO", "2026-12-03", null)]
    [InlineData("es-CO", "el jueves de la próxima semana", null)]
    [InlineData("es-CO", "el viernes de la otra semana", null)]
    [InlineData("en-US", "Friday next week", null)]
    [InlineData("es-CO", "a fin de mes", null)]
    [InlineData("en-US", "by the end of the month", null)]
    [InlineData("es-CO", "el 3 del mes que viene", null)]
    [InlineData("es-CO", "este fin de semana", null)]
    [InlineData("es-CO", "mañana a las 3", null)]
    [InlineData("es-CO", "radicado 2026-118734", null)]
    [InlineData("en-US", "may I see my pipeline?", null)]
    [InlineData("es-CO", "", null)]
    public void Periods(string locale, string text, string? period)
    {
        Assert.Equal(period, VocabularyReader.Period(text, new ReadingContext(locale, Now)));
    }

    [Theory]
    [InlineData("¿qué visitas tengo en mi agenda?", "me")]
    [InlineData("mis PQR vencidas", "me")]
    [InlineData("show my pipeline", "me")]
    [InlineData("the pipeline is mine", "me")]
    [InlineData("yo quiero ver el pipeline", "me")]
    [InlineData("visitas del equipo", "team")]
    [InlineData("las visitas de mi equipo", "team")]
    [InlineData("pipeline del equipo empresas", "team")]
    [InlineData("my team's visits", "team")]
    [InlineData("team pipeline", "team")]
    [InlineData("el pipeline de toda la empresa", "company")]
    [InlineData("cumplimiento de la empresa", "company")]
    [InlineData("whole company pipeline", "company")]
    [InlineData("company pipeline", "company")]
    [InlineData("conversión de la compañía", "company")]
    [InlineData("indicadores de la organización", "company")]
    [InlineData("mándale el reporte a mi coordinador", null)]
    [InlineData("send it to my manager", null)]
    [InlineData("pásale la oferta a mi jefe", null)]
    [InlineData("¿qué visitas tengo?", null)]
    [InlineData("¿cómo voy?", null)]
    [InlineData("publica el resumen en Microsoft Teams", null)]
    [InlineData("", null)]
    public void Scopes(string text, string? scope)
    {
        Assert.Equal(scope, VocabularyReader.Scope(text));
    }

    [Theory]
    [InlineData("registra un derecho de petición de Textiles Ródano", "peticion")]
    [InlineData("una petición del cliente", "peticion")]
    [InlineData("una peticion", "peticion")]
    [InlineData("log a petition for Acme", "peticion")]
    [InlineData("el cliente puso una queja", "queja")]
    [InlineData("Log a complaint from Acme", "queja")]
    [InlineData("radica un reclamo por facturación", "reclamo")]
    [InlineData("una reclamación por cobro doble", "reclamo")]
    [InlineData("file a claim", "reclamo")]
    [InlineData("un recurso de reposición", "recurso")]
    [InlineData("interpusieron un recurso", "recurso")]
    [InlineData("register an appeal", "recurso")]
    [InlineData("una solicitud de copias de las facturas", "solicitud_documentos")]
    [InlineData("solicitud de copia del contrato", "solicitud_documentos")]
    [InlineData("una solicitud de documentos", "solicitud_documentos")]
    [InlineData("a document request from Acme", "solicitud_documentos")]
    [InlineData("registra una consulta de Claro", "consulta")]
    [InlineData("log an inquiry", "consulta")]
    [InlineData("¿cuáles PQR vencen mañana?", null)]
    [InlineData("", null)]
    public void PqrTypes(string text, string? type)
    {
        Assert.Equal(type, VocabularyReader.PqrType(text));
    }

    [Theory]
    [InlineData("¿Cuándo vence el radicado 2026-118734?", "2026-118734")]
    [InlineData("el radicado No. 2026-1187 vence cuándo", "2026-1187")]
    [InlineData("radicado número 2026-118734.", "2026-118734")]
    [InlineData("Radicado: 2026-118734", "2026-118734")]
    [InlineData("rad. 2026-118734", "2026-118734")]
    [InlineData("número de radicado 2026-555", "2026-555")]
    [InlineData("¿cuándo vence el RQ-55120?", "RQ-55120")]
    [InlineData("el reclamo PQR-2026-0012 del cliente", "PQR-2026-0012")]
    [InlineData("¿Cuándo vence el folio 8812?", "8812")]
    [InlineData("when is filing number 55120 due?", "55120")]
    [InlineData("ticket #4521", "4521")]
    [InlineData("radicado RQ-55120", "RQ-55120")]
    [InlineData("NIT 900123456-7", null)]
    [InlineData("mis radicados vencidos", null)]
    [InlineData("la queja que se radicó ayer", null)]
    [InlineData("por 40 millones", null)]
    [InlineData("", null)]
    public void Radicados_as_written(string raw, string? radicado)
    {
        Assert.Equal(radicado, VocabularyReader.Radicado(raw));
    }

    [Fact]
    public void Junk_does_not_throw_and_returns_quickly()
    {
        var random = new Random(11);
        const string alphabet = "abc xyz 0123456789 $%.,:/-' de del al a mes semana octubre 3 radicado folio RQ- Q3 no regulado mi equipo ñáé\t\n¿?!";
        var junk = new string(Enumerable.Range(0, 5000).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        var repeated = string.Concat(Enumerable.Repeat("radicado No. # ", 350));
        var context = new ReadingContext("es-CO", Now);

        var watch = Stopwatch.StartNew();
        foreach (var text in new[] { junk, repeated })
        {
            VocabularyReader.Stage(text);
            VocabularyReader.Indicator(text);
            VocabularyReader.Period(text, context);
            VocabularyReader.Scope(text);
            VocabularyReader.PqrType(text);
            VocabularyReader.Radicado(text);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }
}
