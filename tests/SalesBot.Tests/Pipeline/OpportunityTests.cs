using SalesBot.Features.Pipeline;
using SalesBot.Features.Shared;

namespace SalesBot.Tests.Pipeline;

/// <summary>The stage machine and the money arithmetic of a deal, in the domain alone.</summary>
public sealed class OpportunityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 15, 0, 0, TimeSpan.Zero);
    private static readonly PipelineOptions Defaults = new();

    private static Opportunity Deal(int? probability = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), new OpportunityTerms("Suministro 2027", "Energía", null, 40, 250_000m, 24, "COP", null, null, null, probability),
            Stage.Hunting, Defaults.ProbabilityOf(Stage.Hunting), At);

    private static DomainError? Move(Opportunity o, Stage to, string? reason = null, bool mayReopen = false) =>
        o.MoveTo(to, Defaults.ProbabilityOf(to), reason, mayReopen, At);

    [Fact]
    public void Monthly_is_seats_times_unit_value_and_total_is_monthly_times_months()
    {
        var deal = Deal();

        Assert.Equal(10_000_000m, deal.MonthlyValue);
        Assert.Equal(240_000_000m, deal.TotalValue);
        Assert.Equal(10, deal.Probability);
        Assert.Equal(24_000_000m, deal.WeightedValue);
    }

    [Theory]
    [InlineData(Stage.Hunting, Stage.Negotiation, 75)] // forward several stages at once
    [InlineData(Stage.Negotiation, Stage.Qualification, 25)] // and back
    [InlineData(Stage.Proposal, Stage.Won, 100)]
    public void Open_deals_move_forward_or_back_and_take_the_stage_probability(Stage from, Stage to, int probability)
    {
        var deal = Deal();
        if (from != Stage.Hunting) Assert.Null(Move(deal, from));

        Assert.Null(Move(deal, to));
        Assert.Equal((to, probability), (deal.Stage, deal.Probability));
    }

    [Fact]
    public void A_won_deal_never_moves_and_a_lost_one_only_when_a_team_lead_reopens_it_to_an_open_stage()
    {
        var won = Deal();
        Move(won, Stage.Won);
        var lost = Deal();

        Assert.Equal("opportunity-won", Move(won, Stage.Negotiation)!.Code);
        Assert.Equal("invalid", Move(lost, Stage.Lost)!.Code); // a reason is required
        Assert.Null(Move(lost, Stage.Lost, "precio"));
        Assert.Equal((0, "precio"), (lost.Probability, lost.LostReason));
        Assert.Equal("opportunity-lost", Move(lost, Stage.Proposal)!.Code);
        Assert.Equal("opportunity-reopen-to-won", Move(lost, Stage.Won, mayReopen: true)!.Code);
        Assert.Null(Move(lost, Stage.Proposal, mayReopen: true));
        Assert.Equal((Stage.Proposal, 50, (string?)null), (lost.Stage, lost.Probability, lost.LostReason));
    }

    [Fact]
    public void A_chosen_probability_wins_over_the_stage_default_until_won_or_lost()
    {
        var deal = Deal(probability: 30);
        Assert.Equal(30, deal.Probability);

        Move(deal, Stage.Negotiation);
        Assert.Equal(30, deal.Probability);
        Move(deal, Stage.Won);
        Assert.Equal(100, deal.Probability);
    }

    [Theory]
    [InlineData("1.500.000", 1_500_000)]
    [InlineData("$ 1.500.000", 1_500_000)]
    [InlineData("1500000", 1_500_000)]
    [InlineData("1,500,000.50", 1_500_000.50)]
    [InlineData("1.500.000,5", 1_500_000.5)]
    [InlineData("250.000", 250_000)]
    public void Amounts_are_read_as_people_write_them(string text, double expected)
    {
        var errors = new List<DomainError>();
        Assert.Equal((decimal)expected, OpportunityInput.Money(text, "unit-value", errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("mucho")]
    [InlineData("-5")]
    public void Anything_else_is_not_an_amount(string text)
    {
        var errors = new List<DomainError>();
        Assert.Null(OpportunityInput.Money(text, "unit-value", errors));
        Assert.Single(errors);
    }

    [Fact]
    public void Stage_probabilities_come_from_configuration_and_bad_ones_are_named()
    {
        var custom = new PipelineOptions { Probabilities = new(StringComparer.OrdinalIgnoreCase) { ["Proposal"] = 40 } };

        Assert.Equal(40, custom.ProbabilityOf(Stage.Proposal));
        Assert.Equal(75, custom.ProbabilityOf(Stage.Negotiation));
        Assert.Contains("Won is always 100", new PipelineOptions { Probabilities = new() { ["Won"] = 90 } }.Problem());
        Assert.Contains("between 0 and 100", new PipelineOptions { Probabilities = new() { ["Hunting"] = 120 } }.Problem());
        Assert.Contains("not a stage", new PipelineOptions { Probabilities = new() { ["Closing"] = 90 } }.Problem());
    }
}
