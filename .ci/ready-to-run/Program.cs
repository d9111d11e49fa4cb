// The ReadyToRun check of .ci/check-packages: run as a NuGet user's console app against the packed Imbalance package.
// Checks, without timing anything, that
//   - runtimes/<rid>/lib/net10.0/Imbalance.dll exists for every RID the package promises, is a ReadyToRun image (a
//     ManagedNativeHeader in its CLI header) and targets that RID's OS and architecture (PE machine field);
//   - lib/net10.0/Imbalance.dll is IL only (the fallback for every other platform);
//   - on one of those RIDs, the host loaded the image for this platform (not the IL fallback), and it runs.
// Usage: Consumer PACKAGE_FOLDER (the restored package, e.g. ~/.nuget/packages/imbalance/0.1.0)
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using Imbalance.OverSampling;

var package = args[0];
var failures = new List<string>();

// PE machine of a ReadyToRun image: the architecture XOR an OS constant (0 on Windows).
const ushort Linux = 0x7B79, Apple = 0x4644, X64 = 0x8664, Arm64 = 0xAA64;
var machines = new Dictionary<string, ushort>
{
    ["linux-x64"] = X64 ^ Linux,
    ["linux-arm64"] = Arm64 ^ Linux,
    ["win-x64"] = X64,
    ["osx-arm64"] = Arm64 ^ Apple,
};

foreach (var (rid, machine) in machines)
{
    var image = Path.Combine(package, "runtimes", rid, "lib", "net10.0", "Imbalance.dll");
    if (!File.Exists(image))
    {
        failures.Add($"the package lacks {image}");
        continue;
    }

    var (readyToRun, actual) = Inspect(image);
    if (!readyToRun)
    {
        failures.Add($"{image} is not a ReadyToRun image");
    }

    if (actual != machine)
    {
        failures.Add($"{image} has PE machine 0x{actual:x4}, expected 0x{machine:x4} for {rid}");
    }
}

var fallback = Path.Combine(package, "lib", "net10.0", "Imbalance.dll");
if (!File.Exists(fallback) || Inspect(fallback).ReadyToRun)
{
    failures.Add($"{fallback} should exist and be IL only");
}

var loaded = typeof(Smote).Assembly.Location;
var here = RuntimeInformation.RuntimeIdentifier;
if (machines.ContainsKey(here))
{
    var expected = Path.Combine("runtimes", here, "lib", "net10.0", "Imbalance.dll");
    if (!loaded.EndsWith(expected, StringComparison.Ordinal) || !Inspect(loaded).ReadyToRun)
    {
        failures.Add($"on {here} the host loaded {loaded}, expected the ReadyToRun image {expected}");
    }
}
else
{
    Console.WriteLine($"no ReadyToRun image for {here}: loaded {loaded} (IL, JIT-compiled)");
}

// The image runs: SMOTE on a small two-class set.
var x = new double[40, 3];
var y = new int[40];
for (var i = 0; i < 40; i++)
{
    y[i] = i < 30 ? 0 : 1;
    for (var j = 0; j < 3; j++)
    {
        x[i, j] = ((i * 7) + (j * 13)) % 17 + (y[i] * 5.0);
    }
}

var result = new Smote { RandomState = 0 }.FitResample(x, y);
if (result.Count != 60)
{
    failures.Add($"SMOTE returned {result.Count} rows, expected 60");
}

foreach (var failure in failures)
{
    Console.Error.WriteLine("ready-to-run check: " + failure);
}

Console.WriteLine(failures.Count == 0 ? $"ready-to-run check passed: {loaded}" : "ready-to-run check failed");
return failures.Count == 0 ? 0 : 1;

static (bool ReadyToRun, ushort Machine) Inspect(string path)
{
    using var stream = File.OpenRead(path);
    using var reader = new PEReader(stream);
    var headers = reader.PEHeaders;
    var readyToRun = headers.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    return (readyToRun, (ushort)headers.CoffHeader.Machine);
}
