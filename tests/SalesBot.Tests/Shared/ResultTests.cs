using SalesBot.Features.Shared;

namespace SalesBot.Tests.Shared;

/// <summary>The one shape every use case answers with: a value, or the refusals.</summary>
public sealed class ResultTests
{
    [Fact]
    public void A_value_is_ok_and_a_refusal_carries_its_errors_the_first_as_the_error()
    {
        Result<string> ok = "hecho";
        Result<string> one = DomainError.Forbidden("clients.create");
        var many = Result<string>.Refused([DomainError.Invalid("name", "required-max", "200"), DomainError.Invalid("nit", "nit-format")]);

        Assert.Equal((true, "hecho", 0), (ok.Ok, ok.Value, ok.Errors.Count));
        Assert.Equal((false, ErrorKind.Forbidden, 1), (one.Ok, one.Error!.Kind, one.Errors.Count));
        Assert.Equal((false, "name", 2), (many.Ok, many.Error!.Args[0], many.Errors.Count));
        var (value, errors) = many;
        Assert.Null(value);
        Assert.Equal(ErrorKind.Invalid, errors[1].Kind);
        Assert.Throws<ArgumentException>(() => Result<string>.Refused([]));
        Assert.Equal(ErrorKind.Rule, new DomainError("offer-not-sent", "1").Kind);
    }
}
