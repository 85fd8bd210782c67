namespace SalesBot.Features.Language;

/// <summary>
/// Azure OpenAI in front of the built-in recognizer, used when <see cref="Endpoint"/> and
/// <see cref="Deployment"/> are set. <see cref="ApiKey"/> empty: Entra ID (the app's managed
/// identity, or whatever DefaultAzureCredential finds). <see cref="Timeout"/> is the whole budget
/// of one reading; past it the built-in recognizer answers.
/// </summary>
public sealed class AzureOpenAIOptions
{
    public const string Section = "AzureOpenAI";

    public string? Endpoint { get; set; }
    public string? Deployment { get; set; }
    public string? ApiKey { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(3);

    public bool Configured => !string.IsNullOrWhiteSpace(Endpoint) && !string.IsNullOrWhiteSpace(Deployment);

    /// <summary>Why the settings cannot be used, or null.</summary>
    public string? Problem()
    {
        if (string.IsNullOrWhiteSpace(Endpoint) != string.IsNullOrWhiteSpace(Deployment))
            return "AzureOpenAI:Endpoint and AzureOpenAI:Deployment go together: set both to use Azure OpenAI, or neither for the built-in recognizer.";
        if (!Configured) return null;
        if (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            return $"AzureOpenAI:Endpoint '{Endpoint}' is not an address such as https://contoso.openai.azure.com/.";
        if (Deployment!.Length > 64 || Deployment.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
            return "AzureOpenAI:Deployment is the deployment's name: letters, digits, '-', '_' and '.', at most 64.";
        if (Timeout < TimeSpan.FromMilliseconds(200) || Timeout > TimeSpan.FromSeconds(30))
            return $"AzureOpenAI:Timeout {Timeout} is outside 00:00:00.2 to 00:00:30: a reading holds the user's turn.";
        return null;
    }
}

/// <summary>Refuses to start with Azure OpenAI settings that cannot work, saying which and why.</summary>
public sealed class AzureOpenAIOptionsValidation : IValidateOptions<AzureOpenAIOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureOpenAIOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
