using SalesBot.Features.Offers;

namespace SalesBot.Tests.Offers;

/// <summary>The offer owns its approval chain: every transition, legal and illegal, without a database.</summary>
public sealed class OfferAggregateTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly Guid Requester = Guid.NewGuid(), Lead = Guid.NewGuid(), Director = Guid.NewGuid(), Deputy = Guid.NewGuid(), Manager = Guid.NewGuid();

    private static Offer Draft() => new(Guid.NewGuid(), 1, Requester, [new OfferLine("Puestos", 10, 100_000m, 12)], 5m, RiskLevel.Low,
        new DateOnly(2026, 12, 31), null, "COP", Now);

    private static Offer Submitted(out ApprovalStep first, out ApprovalStep second)
    {
        var offer = Draft();
        first = offer.Submit([new ChainLink(ApprovalLevel.TeamLead, Lead, null), new ChainLink(ApprovalLevel.CommercialDirector, Director, null)], null, Now);
        second = offer.Steps[1];
        return offer;
    }

    [Fact]
    public void A_draft_is_submitted_along_its_chain_and_only_the_first_step_is_asked()
    {
        var offer = Submitted(out var first, out var second);

        Assert.Equal(OfferStatus.PendingApproval, offer.Status);
        Assert.Equal(Now, offer.SubmittedAt);
        Assert.Equal((StepStatus.Pending, Now, 1), (first.Status, first.AskedAt, first.Order));
        Assert.Equal((StepStatus.Waiting, (DateTimeOffset?)null, 2), (second.Status, second.AskedAt, second.Order));
        Assert.Same(first, offer.PendingStep);
        Assert.Same(second, offer.NextWaiting);
        Assert.Equal(11_400_000m, offer.Total); // 10 x 100.000 x 12 less 5 %
    }

    [Fact]
    public void A_first_approver_who_is_away_is_replaced_by_their_deputy_for_the_record()
    {
        var offer = Draft();
        var first = offer.Submit([new ChainLink(ApprovalLevel.TeamLead, Lead, null)], Deputy, Now);

        Assert.Equal((Deputy, "deputy"), (first.ApproverId, first.RoutedBecause));
    }

    [Fact]
    public void An_offer_is_submitted_once_and_never_without_a_chain()
    {
        var offer = Submitted(out _, out _);

        Assert.Throws<InvalidOperationException>(() => offer.Submit([new ChainLink(ApprovalLevel.TeamLead, Lead, null)], null, Now));
        Assert.Throws<ArgumentException>(() => Draft().Submit([], null, Now));
    }

    [Fact]
    public void Approving_a_step_asks_the_next_one_of_its_deputy_and_approving_the_last_approves_the_offer()
    {
        var offer = Submitted(out var first, out var second);

        var one = offer.Decide(first.Id, Lead, Decision.Approve, null, Deputy, Now.AddHours(1));
        Assert.True(one.Ok);
        Assert.Equal((true, second), (one.Value!.Changed, one.Value.NextAsked));
        Assert.Equal((StepStatus.Approved, StepStatus.Pending, Deputy), (first.Status, second.Status, second.ApproverId));
        Assert.Equal(OfferStatus.PendingApproval, offer.Status);

        var two = offer.Decide(second.Id, Deputy, Decision.Approve, "ok", null, Now.AddHours(2));
        Assert.True(two.Ok);
        Assert.Null(two.Value!.NextAsked);
        Assert.Equal((OfferStatus.Approved, Now.AddHours(2)), (offer.Status, offer.DecidedAt));
        Assert.Null(offer.PendingStep);
    }

    [Theory]
    [InlineData(Decision.Reject, OfferStatus.Rejected, StepStatus.Rejected)]
    [InlineData(Decision.RequestChanges, OfferStatus.ChangesRequested, StepStatus.ChangesRequested)]
    public void Rejecting_or_asking_for_changes_ends_the_chain_and_skips_the_rest(Decision decision, OfferStatus offerStatus, StepStatus stepStatus)
    {
        var offer = Submitted(out var first, out var second);

        var result = offer.Decide(first.Id, Lead, decision, "precio muy bajo", null, Now);

        Assert.True(result.Ok);
        Assert.Equal((offerStatus, stepStatus, StepStatus.Skipped), (offer.Status, first.Status, second.Status));
        Assert.Equal("precio muy bajo", first.Comment);
    }

    [Fact]
    public void A_rejection_needs_a_comment_of_at_most_1000_characters_and_changes_nothing_without_one()
    {
        var offer = Submitted(out var first, out _);
        var version = offer.Version;

        Assert.Equal("invalid", offer.Decide(first.Id, Lead, Decision.Reject, "  ", null, Now).Error!.Code);
        Assert.Equal("invalid", offer.Decide(first.Id, Lead, Decision.RequestChanges, new string('x', 1001), null, Now).Error!.Code);
        Assert.Equal((StepStatus.Pending, OfferStatus.PendingApproval, version), (first.Status, offer.Status, offer.Version));
    }

    [Fact]
    public void Only_the_steps_approver_decides_and_only_on_its_turn()
    {
        var offer = Submitted(out var first, out var second);

        Assert.Equal("forbidden", offer.Decide(first.Id, Director, Decision.Approve, null, null, Now).Error!.Code);
        Assert.Equal("forbidden", offer.Decide(first.Id, Guid.Empty, Decision.Approve, null, null, Now).Error!.Code);
        Assert.Equal("approval-decided", offer.Decide(second.Id, Director, Decision.Approve, null, null, Now).Error!.Code); // not its turn
        Assert.Equal("not-found", offer.Decide(Guid.NewGuid(), Lead, Decision.Approve, null, null, Now).Error!.Code);
        Assert.Equal((StepStatus.Pending, StepStatus.Waiting), (first.Status, second.Status));
    }

    [Fact]
    public void A_second_click_on_a_decided_step_changes_nothing_and_is_not_an_error()
    {
        var offer = Submitted(out var first, out _);
        offer.Decide(first.Id, Lead, Decision.Reject, "no", null, Now);
        var version = offer.Version;

        var again = offer.Decide(first.Id, Lead, Decision.Approve, null, null, Now.AddMinutes(1));
        var stranger = offer.Decide(first.Id, Director, Decision.Approve, null, null, Now.AddMinutes(1));

        Assert.Equal((true, false), (again.Ok, again.Value!.Changed));
        Assert.Equal((true, false), (stranger.Ok, stranger.Value!.Changed));
        Assert.Equal((OfferStatus.Rejected, StepStatus.Rejected, version), (offer.Status, first.Status, offer.Version));
    }

    [Fact]
    public void Only_a_pending_step_is_reminded_or_escalated_and_escalation_happens_once()
    {
        var offer = Submitted(out var first, out var second);

        Assert.Null(offer.Remind(first.Id, Now.AddDays(2)));
        Assert.Equal(Now.AddDays(2), first.RemindedAt);
        Assert.Equal("approval-decided", offer.Remind(second.Id, Now)!.Code);
        Assert.Null(offer.Escalate(first.Id, Manager, Now.AddDays(4)));
        Assert.Equal((Manager, "escalated", Now.AddDays(4), Now.AddDays(4)), (first.ApproverId, first.RoutedBecause, first.EscalatedAt, first.AskedAt));
        Assert.Equal("approval-escalated", offer.Escalate(first.Id, Requester, Now.AddDays(5))!.Code);

        offer.Decide(first.Id, Manager, Decision.Reject, "fuera de política", null, Now.AddDays(5));
        Assert.Equal("approval-decided", offer.Remind(first.Id, Now.AddDays(6))!.Code);
        Assert.Equal("approval-decided", offer.Escalate(first.Id, Manager, Now.AddDays(6))!.Code);
    }

    [Fact]
    public void An_offer_goes_to_the_client_only_when_approved_and_the_client_decides_only_once_it_was_sent()
    {
        var draft = Draft();
        Assert.Equal("offer-not-approved", draft.MarkSent()!.Code);
        Assert.Equal("offer-not-sent", draft.ClientDecided(true, null, Now)!.Code);

        var offer = Submitted(out var first, out var second);
        offer.Decide(first.Id, Lead, Decision.Approve, null, null, Now);
        offer.Decide(second.Id, Director, Decision.Approve, null, null, Now);
        Assert.Null(offer.MarkSent());
        Assert.Equal("offer-not-approved", offer.MarkSent()!.Code);
        Assert.Equal("invalid", offer.ClientDecided(false, " ", Now)!.Code);
        Assert.Null(offer.ClientDecided(false, "eligió otro proveedor", Now));
        Assert.Equal((OfferStatus.Declined, "eligió otro proveedor"), (offer.Status, offer.ClientReason));
        Assert.Equal("offer-not-sent", offer.ClientDecided(true, null, Now)!.Code);
    }
}
