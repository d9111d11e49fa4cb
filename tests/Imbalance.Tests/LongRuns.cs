namespace Imbalance.Tests;

/// <summary>
/// Switch for the large cases of the exhaustive kernel tests. The normal run (CI, <c>dotnet test</c>) keeps a small
/// sample of every case family so it stays fast in Debug on two cores; <c>IMBALANCE_LONG_TESTS=1</c> adds the big
/// trees, large k and long loops (minutes). Run it after changing a kernel:
/// <c>IMBALANCE_LONG_TESTS=1 dotnet test -c Release tests/Imbalance.Tests</c>.
/// </summary>
public static class LongRuns
{
    /// <summary>True when <c>IMBALANCE_LONG_TESTS</c> is <c>1</c> or <c>true</c>.</summary>
    public static bool Enabled { get; } =
        Environment.GetEnvironmentVariable("IMBALANCE_LONG_TESTS") is "1" or "true" or "TRUE" or "True";

    /// <summary><paramref name="normal"/> in the normal run, <paramref name="long"/> when long runs are enabled.</summary>
    public static T Pick<T>(T normal, T @long) => Enabled ? @long : normal;
}
