namespace SalesBot.Testing;

/// <summary>Finds the repository root (where SalesBot.sln is) and ../shared beside it.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string Activities => Path.Combine(Shared, "reference", "activities");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SalesBot.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("SalesBot.sln not found above " + AppContext.BaseDirectory);
    }
}
