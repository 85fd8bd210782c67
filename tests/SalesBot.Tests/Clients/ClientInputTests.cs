using SalesBot.Features.Clients;

namespace SalesBot.Tests.Clients;

public class ClientInputTests
{
    [Theory]
    [InlineData("900.123.456-8", "900123456")]
    [InlineData("900123456", "900123456")]
    [InlineData(" 800 456 789 ", "800456789")]
    [InlineData("890.000.111-9", "890000111")]
    public void A_NIT_is_kept_as_its_digits_without_the_check_digit(string text, string expected)
    {
        Assert.Equal(expected, Nit.Normalize(text, out var error));
        Assert.Null(error);
    }

    [Theory]
    [InlineData("900.123.456-7", "nit-check-digit")]
    [InlineData("900-123-456", "nit-format")]
    [InlineData("12.3", "nit-length")]
    [InlineData("NIT 900123456", "nit-format")]
    [InlineData("900123456-", "nit-format")]
    public void A_mistyped_NIT_is_refused_with_the_reason(string text, string reason)
    {
        Assert.Null(Nit.Normalize(text, out var error));
        Assert.Equal(["nit", reason], error!.Args.Take(2));
    }

    [Fact]
    public void A_wrong_check_digit_is_explained_in_the_users_language()
    {
        Nit.Normalize("900.123.456-7", out var error);
        var localizer = new SalesBot.Bot.Localization.Localizer();
        Assert.Equal("El dato «NIT» no es válido: el dígito de verificación de 900123456 es 8, no 7. Corrígelo y vuelve a intentarlo; nada quedó guardado.",
            SalesBot.Bot.Localization.DomainErrorText.Describe(localizer, "es", error!));
        Assert.Equal("The value \"NIT (tax id)\" is not valid: the check digit of 900123456 is 8, not 7. Fix it and try again; nothing was saved.",
            SalesBot.Bot.Localization.DomainErrorText.Describe(localizer, "en", error!));
    }

    [Fact]
    public void The_check_digit_follows_the_DIAN_rule() => Assert.Equal("900123456-8", Nit.Format("900123456"));

    [Fact]
    public void Valid_input_becomes_client_details_with_words_people_use()
    {
        var (details, errors) = new ClientInput("  Ferretería   El Sol ", "900.123.456-8", "empresarial", "activo", null,
            "Calle 10", "Bogotá", "Referido", "Carlos Ruiz", "Compras", "carlos@sol.example", "+57 300 123 4567").Validate();

        Assert.Empty(errors);
        Assert.Equal("Ferretería El Sol", details!.Name);
        Assert.Equal(ClientSegment.Enterprise, details.Segment);
        Assert.Equal(ClientStatus.Active, details.Status);
        Assert.Equal("Carlos Ruiz", Assert.Single(details.Contacts).Name);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (details, errors) = new ClientInput("", "12", "ninguno", "quizas", null, null, null, null,
            null, null, "no-es-correo", "abc").Validate();

        Assert.Null(details);
        Assert.Equal(["name", "nit", "segment", "status", "contact-name", "contact-email", "contact-phone"],
            errors.Select(e => e.Args[0]));
    }
}
