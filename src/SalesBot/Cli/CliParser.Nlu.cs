namespace SalesBot.Cli;

/// <summary>The natural-language commands' arguments: `nlu parse` and `nlu score`.</summary>
public static partial class CliParser
{
    /// <summary>`nlu parse`: options in any order, the text as the one argument that is not an option (a shell passes it whole).</summary>
    private static CliParseResult NluParse(string[] args)
    {
        string? locale = null, now = null, file = null, text = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--locale" when i + 1 < args.Length: locale = args[++i]; break;
                case "--now" when i + 1 < args.Length: now = args[++i]; break;
                case "--file" when i + 1 < args.Length: file = args[++i]; break;
                case "--locale" or "--now" or "--file": return Fail($"{args[i]} needs a value.");
                default:
                    if (text is not null) return Fail("Give the text as one argument, in quotes.");
                    text = args[i];
                    break;
            }
        }
        if ((text is null) == (file is null)) return Fail("Give the text to read, or --file FILE.jsonl (not both).");
        locale ??= NluParseCommand.DefaultLocale;
        if (!NluParseCommand.Locales.Contains(locale)) return Fail($"--locale '{locale}' is not one of {string.Join(", ", NluParseCommand.Locales)}.");
        DateTimeOffset? at = null;
        if (now is not null)
        {
            if (!DateTimeOffset.TryParse(now, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var parsed))
                return Fail($"--now '{now}' is not a date and time such as 2026-11-23T09:00:00-05:00.");
            at = parsed;
        }
        return Ok(new NluParseCommand(locale, at, text, file));
    }

    /// <summary>`nlu score FILE`: the set's path first, then its options.</summary>
    private static CliParseResult NluScore(string[] args)
    {
        var file = args[0];
        var now = NluScoreCommand.ContractNow;
        var misses = false;
        double minIntent = 90, minF1 = 85;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--misses": misses = true; break;
                case "--now" when i + 1 < args.Length:
                    if (!DateTimeOffset.TryParse(args[++i], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out now))
                        return Fail($"--now '{args[i]}' is not a date and time such as 2026-11-23T09:00:00-05:00.");
                    break;
                case "--min-intent" or "--min-f1" when i + 1 < args.Length:
                    var option = args[i];
                    if (!double.TryParse(args[++i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var floor) || floor is < 0 or > 100)
                        return Fail($"{option} takes a percentage from 0 to 100.");
                    if (option == "--min-intent") minIntent = floor;
                    else minF1 = floor;
                    break;
                default:
                    return Fail($"Unknown option '{args[i]}' for nlu score.");
            }
        }
        return Ok(new NluScoreCommand(file, now, misses, minIntent, minF1));
    }
}
