using System.Diagnostics;

namespace SalesBot.Tests.Support;

/// <summary>The built SalesBot executable started as an operator starts it, in a given environment.</summary>
public static class PublishedBot
{
    public static ProcessStartInfo StartInfo(string workingDirectory, string environment, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SalesBot.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment.Remove("ASPNETCORE_ENVIRONMENT");
        return start;
    }
}
