namespace SalesBot.Features.Language;

/// <summary>
/// The words <see cref="NameReader"/> knows about names: what ends one, what joins its words, the
/// honorifics and roles before a person's name, the words of company names, and the opening verbs
/// that are not part of the name after them.
/// </summary>
internal static class NameWords
{
    // Words that end a name: time and date words, prepositions that start the next part.
    internal static readonly HashSet<string> Stops =
    [
        "el", "la", "lo", "los", "las", "a", "al", "para", "por", "que", "en", "con", "hoy", "manana", "ayer", "pasado", "antier", "tipo", "hora", "horas", "media", "y",
        "este", "esta", "proximo", "proxima", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "de", "del", "sobre", "porque", "pero",
        "on", "at", "for", "with", "to", "the", "tomorrow", "today", "yesterday", "next", "this", "and", "about", "because", "from", "in", "by",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
        "septiembre", "setiembre", "octubre", "noviembre", "diciembre", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "ya", "se", "le", "les", "me", "nos", "no", "si", "es", "fue", "van", "va", "quedo", "quedaron", "porfa", "please", "pls",
        // Identifiers, currencies and periods written after a name end it: "Summit Dental, EIN ...", "Tigo, Bs 120.000", "pipeline for Q4".
        "nit", "ein", "rfc", "usd", "bs", "cop", "mxn", "bob", "q1", "q2", "q3", "q4", "eod", "asap", "i", "salesbot",
    ];

    // What ends a name even when written with a capital: identifiers, currencies, periods, days and months ("Cotas de USD 35.000").
    internal static readonly HashSet<string> EndsAName =
    [
        "nit", "ein", "rfc", "usd", "bs", "cop", "mxn", "bob", "q1", "q2", "q3", "q4", "eod", "asap", "salesbot", "pqr", "pqrs",
        "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "setiembre", "octubre", "noviembre", "diciembre",
        "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december", "hoy", "manana", "today", "tomorrow",
    ];

    // Inside a capitalised name these join its words: "Ferretería de la Costa", "Gases del Llano", "Pérez y Cía".
    internal static readonly HashSet<string> Joiners = ["de", "del", "la", "las", "los", "el", "y", "e", "&", "and", "of", "the"];

    internal static readonly HashSet<string> Honorifics =
    [
        "don", "dona", "sr", "sra", "srta", "senor", "senora", "senorita", "lic", "licenciado", "licenciada", "ing", "ingeniero", "ingeniera", "dr", "dra", "doctor",
        "doctora", "mr", "mrs", "ms", "miss", "arq", "arquitecto", "arquitecta", "profe", "profesor", "profesora",
    ];

    // Roles that may come before a person's name ("la administradora Yolanda Cárdenas"); alone, they name nobody.
    internal static readonly HashSet<string> Roles =
    [
        "gerente", "administradora", "administrador", "jefe", "jefa", "coordinador", "coordinadora", "director", "directora", "rectora", "rector",
        "contadora", "contador", "manager", "owner", "dueno", "duena", "encargado", "encargada", "supervisor", "supervisora",
    ];

    // Roles and things people visit that are not a client's or a person's name.
    internal static readonly HashSet<string> NotNames =
    [
        "gerente", "administradora", "administrador", "jefe", "jefa", "coordinador", "coordinadora", "director", "directora", "manager", "boss", "cliente", "client",
        "visita", "visit", "reunion", "meeting", "cita", "oferta", "cotizacion", "pipeline", "pqr", "pqrs", "kpi", "kpis", "equipo", "team", "company", "claro que", "gente",
    ];

    internal static readonly HashSet<string> CompanyWords =
    [
        "ferreteria", "textiles", "hospital", "clinica", "grupo", "industrias", "distribuidora", "laboratorios", "banco", "colegio", "universidad",
        "constructora", "transportes", "inversiones", "comercializadora", "farmacia", "almacen", "almacenes", "supermercado", "hotel", "restaurante", "lacteos",
        "alimentos", "gases", "plasticos", "muebles", "tienda", "panaderia", "drogueria", "agro", "seguros", "logistica", "energia", "cooperativa", "fundacion",
        "industries", "enterprises", "traders", "logistics", "group", "holdings", "partners", "company", "solutions", "systems", "bank", "motors", "foods", "labs",
        "dental", "importers", "services", "servicios", "consulting", "capital", "insurance", "pharma", "medical", "clinic", "hospital", "airlines", "tech",
        "importadora", "exportadora", "empresa", "minera", "farmacias", "hilados", "autopartes", "abarrotes", "hoteles", "concretos", "unidad", "educativa",
        "gimnasio", "frigorifico", "cooperativa", "comercial", "inmobiliaria", "constructora", "utilities", "center", "apartments", "compost", "co", "telecom",
    ];

    // A sentence's capitalised opening verb is not part of the name after it: "Mark Pinecrest Insurance as lost".
    internal static readonly HashSet<string> CommandVerbs =
    [
        "add", "mark", "move", "book", "schedule", "create", "find", "log", "cancel", "send", "submit", "register", "bump", "push", "set", "put", "open", "record",
        "agenda", "agendame", "agende", "crea", "cree", "registra", "registre", "mueve", "mueva", "pasa", "pase", "marca", "marque", "busca", "busque", "cancela", "cancele",
    ];
}
