// The gallery: draws every figure as a PNG, like imblearn's plotted examples.
// Run with: dotnet run -c Release --project samples/Imbalance.Gallery [-- output-folder]   (default: gallery-output)
using System.Diagnostics;
using Imbalance.Gallery;

var folder = args.Length > 0 ? args[0] : "gallery-output";
Directory.CreateDirectory(folder);
foreach (var figure in GalleryFigures.All)
{
    var watch = Stopwatch.StartNew();
    var path = Path.Combine(folder, figure.FileName);
    figure.Save(path, 1500, 900);
    Console.WriteLine($"{path,-40} {watch.Elapsed.TotalSeconds,5:F1} s  {figure.Caption}");
}
