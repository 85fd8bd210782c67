namespace SalesBot.Features.Language;

/// <summary>
/// A message as the intent phrases read it: its simplified words (<see cref="Cues"/>), and the
/// entities a phrase may hinge on ("a visit with a date is scheduled"), each read once, when first asked.
/// The stage and offer words are the contract's vocabulary (NLU.md), shared by several features' phrases.
/// </summary>
public sealed class Sentence
{
    private static readonly string[] StageWords =
        ["hunting", "prospeccion", "calificacion", "qualification", "propuesta", "proposal", "negociacion", "negotiation", "ganada", "won", "perdida", "lost"];

    private static readonly string[] OfferWords = ["oferta", "ofertas", "cotizacion", "cotizaciones", "cotiza", "propuesta economica", "quote", "offer", "offers", "proposal for approval"];

    private readonly Lazy<DateOnly?> _date;
    private readonly Lazy<decimal?> _amount;
    private readonly Lazy<string?> _indicator;
    private readonly Lazy<string?> _period;

    public Sentence(string text, ReadingContext context)
    {
        Text = text;
        Context = context;
        Simplified = LanguageText.Simplify(text);
        Cues = new Cues(Simplified);
        _date = new(() => DateReader.Read(text, context, false));
        _amount = new(() => AmountReader.Read(text, context).Amount);
        _indicator = new(() => VocabularyReader.Indicator(text));
        _period = new(() => VocabularyReader.Period(text, context));
    }

    public string Text { get; }
    public string Simplified { get; }
    public ReadingContext Context { get; }
    public Cues Cues { get; }

    /// <summary>True when any of the phrases appears (see <see cref="Language.Cues"/> for how words match).</summary>
    public bool Has(params string[] phrases) => Cues.Has(phrases);

    /// <summary>A day said in the text, read forward ("el martes" is the coming one).</summary>
    public DateOnly? Date => _date.Value;

    public decimal? Amount => _amount.Value;
    public string? Indicator => _indicator.Value;
    public string? Period => _period.Value;
    public string? Stage => VocabularyReader.Stage(Text);
    public string? Radicado => VocabularyReader.Radicado(Text);

    /// <summary>A stage of the pipeline is named ("negociación", "won").</summary>
    public bool NamesStage => Cues.Has(StageWords);

    /// <summary>An offer is named ("cotización", "quote").</summary>
    public bool NamesOffer => Cues.Has(OfferWords);

    /// <summary>Asks something: a question mark or a question word ("cuáles", "dame", "show").</summary>
    public bool IsQuestion => Simplified.Contains('?') || Cues.Has("que", "cuales", "cuantos", "cuantas", "what", "which", "how many", "show", "muestra*", "ver", "dame", "pasame");

    /// <summary>A visit, appointment or meeting is named.</summary>
    public bool NamesVisit => Cues.Has("visita*", "visit*", "cita*", "reunion*", "meeting*", "appointment*", "junta*");
}
