namespace SalesBot.Features.Pipeline;

public static class Stages
{
    public static readonly CodeTable<Stage> Codes = new(
        (Stage.Hunting, "hunting", ["caceria", "cacería", "prospeccion", "prospección", "identificacion", "identificación"]),
        (Stage.Qualification, "qualification", ["calificacion", "calificación", "cualificacion"]),
        (Stage.Proposal, "proposal", ["propuesta", "oferta", "cotizacion", "cotización"]),
        (Stage.Negotiation, "negotiation", ["negociacion", "negociación"]),
        (Stage.Won, "won", ["ganada", "ganado", "adjudicada", "cerrada ganada"]),
        (Stage.Lost, "lost", ["perdida", "perdido", "cerrada perdida"]));

    public static string Code(this Stage stage) => Codes.Code(stage);

    /// <summary>The stages a deal goes through while open, in order.</summary>
    public static readonly Stage[] Open = [Stage.Hunting, Stage.Qualification, Stage.Proposal, Stage.Negotiation];
}

/// <summary>Default probability per stage (Pipeline:Probabilities:Hunting = 10, ...); an opportunity may override it.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    public Dictionary<string, int> Probabilities { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The stage's default probability: configured, else the seed's.</summary>
    public int ProbabilityOf(Stage stage) =>
        Probabilities.TryGetValue(stage.ToString(), out var configured) ? configured : stage switch
        {
            Stage.Hunting => 10,
            Stage.Qualification => 25,
            Stage.Proposal => 50,
            Stage.Negotiation => 75,
            Stage.Won => 100,
            _ => 0,
        };

    public string? Problem()
    {
        foreach (var (key, value) in Probabilities)
        {
            if (!Enum.TryParse<Stage>(key, ignoreCase: true, out var stage)) return $"Pipeline:Probabilities:{key} is not a stage (Hunting, Qualification, Proposal, Negotiation)";
            if (stage is Stage.Won or Stage.Lost) return $"Pipeline:Probabilities:{key}: Won is always 100 and Lost 0";
            if (value is < 0 or > 100) return $"Pipeline:Probabilities:{key} must be between 0 and 100";
        }
        return null;
    }
}
