using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Imbalance.Learning;

/// <summary>
/// <c>kmeans DATA K REPEATS</c>: times <c>KMeans { NClusters = K, NInit = 10, RandomState = 0 }</c> on every row of DATA
/// (the fit ClusterCentroids makes per class, here on the whole data), against sklearn_kmeans_runner.py's
/// <c>KMeans(n_clusters=K, n_init=10, random_state=0)</c>. Prints one JSON line like <c>run</c>.
/// </summary>
internal static class KMeansRun
{
    public static int Run(string data, int clusters, int repeats)
    {
        using var header = JsonDocument.Parse(File.ReadAllText(data + ".json"));
        var rows = header.RootElement.GetProperty("rows").GetInt32();
        var features = header.RootElement.GetProperty("features").GetInt32();
        var x = new double[rows, features];
        File.ReadAllBytes(data + ".x.f64").CopyTo(MemoryMarshal.AsBytes(MemoryMarshal.CreateSpan(ref x[0, 0], x.Length)));
        var times = new List<double>();
        var cpu = new List<double>();
        var inertia = 0.0;
        for (var r = 0; r < repeats; r++)
        {
            var kmeans = new KMeans { NClusters = clusters, NInit = 10, RandomState = 0 };
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            var labels = kmeans.FitPredict(x);
            watch.Stop();
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            times.Add(watch.Elapsed.TotalSeconds);
            inertia = Inertia(x, labels, clusters);
        }

        var peak = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        var peakMb = long.Parse(peak["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        Console.WriteLine(JsonSerializer.Serialize(new { side = "ours", fit = "KMeans", k = clusters, times, cpu, inertia, peak_rss_mb = peakMb }));
        return 0;
    }

    private static double Inertia(double[,] x, int[] labels, int k)
    {
        var d = x.GetLength(1);
        var sums = new double[k, d];
        var counts = new int[k];
        for (var i = 0; i < labels.Length; i++)
        {
            counts[labels[i]]++;
            for (var j = 0; j < d; j++)
            {
                sums[labels[i], j] += x[i, j];
            }
        }

        var total = 0.0;
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < d; j++)
            {
                var diff = x[i, j] - (sums[labels[i], j] / counts[labels[i]]);
                total += diff * diff;
            }
        }

        return total;
    }
}
