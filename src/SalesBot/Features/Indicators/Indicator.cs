namespace SalesBot.Features.Indicators;

/// <summary>The figures the seeds measure (PRODUCT.md section 4).</summary>
public enum Indicator
{
    /// <summary>Seed 000: regulated-market clients signed up against the goal (a count).</summary>
    BudgetExecutionRegulated,

    /// <summary>Seed 000: value of the non-regulated deals won against the goal (money).</summary>
    BudgetExecutionNonRegulated,

    /// <summary>Seed 001: enterprise billing against the previous period of the same length; no goal.</summary>
    BillingGrowth,

    /// <summary>Seed 002: of the deals that reached a proposal in the period, those won.</summary>
    Conversion,

    /// <summary>Visits made / visits planned.</summary>
    VisitCompliance,

    /// <summary>Seed 003: PQRs answered on time / PQRs due.</summary>
    PqrTimeliness,

    /// <summary>Seed 003: clients who left / clients active at the period's start. Lower is better.</summary>
    Churn,
}

/// <summary>What kind of goal an indicator has.</summary>
public enum GoalKind
{
    /// <summary>A number of things (sign-ups): a longer period's goal is the sum of its months', a team's the sum of its members'.</summary>
    Count,

    /// <summary>An amount of money, summed like a count.</summary>
    Money,

    /// <summary>A rate in %: a longer period's goal is the mean of its months' (churn: their sum), a person without one takes their team's, else the company's.</summary>
    Rate,

    /// <summary>No goal (billing growth is graded on fixed thresholds).</summary>
    None,
}

public static class Indicators
{
    public static readonly CodeTable<Indicator> Codes = new(
        (Indicator.BudgetExecutionRegulated, "budget_execution_regulated", ["ejecucion regulado", "presupuesto regulado", "ejecucion presupuestal regulado", "budget regulated"]),
        (Indicator.BudgetExecutionNonRegulated, "budget_execution_non_regulated", ["ejecucion no regulado", "presupuesto no regulado", "ejecucion presupuestal no regulado", "budget non regulated"]),
        (Indicator.BillingGrowth, "billing_growth", ["crecimiento facturacion", "crecimiento de facturacion", "facturacion", "billing"]),
        (Indicator.Conversion, "conversion", ["conversion", "tasa de conversion"]),
        (Indicator.VisitCompliance, "visit_compliance", ["cumplimiento de visitas", "visitas", "visits"]),
        (Indicator.PqrTimeliness, "pqr_timeliness", ["oportunidad pqr", "pqr", "pqrs", "timeliness"]),
        (Indicator.Churn, "churn", ["desvinculacion", "retiro de clientes", "desercion", "retiros"]));

    public static string Code(this Indicator indicator) => Codes.Code(indicator);

    public static GoalKind GoalKindOf(this Indicator indicator) => indicator switch
    {
        Indicator.BudgetExecutionRegulated => GoalKind.Count,
        Indicator.BudgetExecutionNonRegulated => GoalKind.Money,
        Indicator.BillingGrowth => GoalKind.None,
        _ => GoalKind.Rate,
    };

    /// <summary>Churn is the one where less is better.</summary>
    public static bool LowerIsBetter(this Indicator indicator) => indicator == Indicator.Churn;
}
