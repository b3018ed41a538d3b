namespace WabaActors.Api.Tests.Support;

/// <summary>Files of the repository the tests check against (docs, the committed OpenAPI document, the pinned linters).</summary>
public static class Repository
{
    /// <summary>The directory holding WabaActors.sln, found upwards from the test assembly.</summary>
    public static string Root { get; } = Find();

    public static string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WabaActors.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"WabaActors.sln not found above {AppContext.BaseDirectory}.");
    }
}
