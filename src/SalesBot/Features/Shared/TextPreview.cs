namespace SalesBot.Features.Shared;

/// <summary>What a reply quotes of the user's own text: at most a line's worth, never the whole input.</summary>
public static class TextPreview
{
    public const int MaxLength = 80;

    public static string Of(string text, int max = MaxLength)
    {
        var trimmed = text.Trim();
        if (trimmed.Length <= max) return trimmed;
        // Never cut a surrogate pair in two: half an emoji is not text.
        var cut = char.IsHighSurrogate(trimmed[max - 1]) ? max - 1 : max;
        return trimmed[..cut] + "…";
    }
}
