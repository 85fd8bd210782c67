using SalesBot.Features.Language.Conversation;
using SalesBot.Features.Assistant;
using SalesBot.Features.Assistant.Conversation;


namespace SalesBot.Tests.Assistant;

public class RecognizerTests
{
    private readonly BuiltInRecognizer _recognizer = Registry.Recognizer;

    [Theory]
    [InlineData("ayuda", "help", "")]
    [InlineData("  AYUDA!! ", "help", "")]
    [InlineData("?", "help", "")]
    [InlineData("¿Qué puedes hacer?", "help", "")]
    [InlineData("Menú", "menu", "")]
    [InlineData("main menu", "menu", "")]
    [InlineData("idioma inglés", "language", "inglés")]
    [InlineData("nuevo cliente Tienda Azul S.A.S.", "clients.new", "Tienda Azul S.A.S.")]
    [InlineData("Buscar cliente  Ferretería", "clients.search", "Ferretería")]
    [InlineData("language spanish", "language", "spanish")]
    [InlineData("Mi perfil", "profile", "")]
    [InlineData("hola", "welcome", "")]
    public void Common_phrasings_map_to_their_command(string text, string command, string remainder)
    {
        var intent = _recognizer.Recognize(text);
        Assert.NotNull(intent);
        Assert.Equal(command, intent.Command);
        Assert.Equal(remainder, intent.Remainder);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("ayudante de cocina")]
    [InlineData("helpful")]
    [InlineData("quiero un unicornio")]
    public void Other_text_is_not_a_command(string text) => Assert.Null(_recognizer.Recognize(text));

    [Theory]
    [InlineData("es", "es")]
    [InlineData("Español", "es")]
    [InlineData("inglés", "en")]
    [InlineData("English", "en")]
    [InlineData("auto", "auto")]
    [InlineData("el de Teams", "auto")]
    [InlineData("klingon", null)]
    public void Language_choices_are_understood_in_either_language(string text, string? expected) =>
        Assert.Equal(expected, SetLanguagePreference.Normalize(text));
}
