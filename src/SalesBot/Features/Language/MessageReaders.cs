using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Azure.Identity;

namespace SalesBot.Features.Language;

/// <summary>The reader the settings ask for: Azure OpenAI (falling back to the built-in one) when configured, else the built-in one.</summary>
public static class MessageReaders
{
    /// <param name="intents">the intents the bot answers (the schema offers no other).</param>
    /// <param name="builtIn">the built-in reading: the whole answer when no model is configured, the fallback when one is.</param>
    /// <param name="transport">for tests: the HTTP client the SDK sends through.</param>
    public static IMessageReader Create(AzureOpenAIOptions options, IEnumerable<string> intents, BuiltInUnderstanding builtIn, ILoggerFactory loggers, HttpClient? transport = null)
    {
        if (options.Problem() is { } problem) throw new InvalidOperationException(problem);
        if (!options.Configured) return new BuiltInMessageReader(builtIn);
        var clientOptions = new AzureOpenAIClientOptions
        {
            // One attempt inside the budget: the SDK's own retries (and their backoff) would outlive it.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = options.Timeout,
        };
        if (transport is not null) clientOptions.Transport = new HttpClientPipelineTransport(transport);
        var endpoint = new Uri(options.Endpoint!);
        var client = string.IsNullOrWhiteSpace(options.ApiKey)
            ? new AzureOpenAIClient(endpoint, new DefaultAzureCredential(), clientOptions)
            : new AzureOpenAIClient(endpoint, new ApiKeyCredential(options.ApiKey), clientOptions);
        return new AzureOpenAIMessageReader(client.GetChatClient(options.Deployment), new UnderstandingContract(intents), builtIn, options.Timeout,
            loggers.CreateLogger<AzureOpenAIMessageReader>());
    }
}
