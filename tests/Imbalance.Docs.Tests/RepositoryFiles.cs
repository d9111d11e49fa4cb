namespace Imbalance.Docs.Tests;

/// <summary>Finds files of the repository from the test's output folder (the folder that holds Imbalance.sln).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Imbalance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Imbalance.sln not found above " + AppContext.BaseDirectory);
    }
}
