using Imbalance.Gallery;
using SkiaSharp;

namespace Imbalance.Docs.Tests;

/// <summary>Every gallery figure renders to a PNG that is written and not blank.</summary>
public class GalleryTests
{
    public static TheoryData<string> Figures()
    {
        var data = new TheoryData<string>();
        foreach (var figure in GalleryFigures.All)
        {
            data.Add(figure.FileName);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void Figure_renders_to_a_png_that_is_not_blank(string fileName)
    {
        var figure = GalleryFigures.All.Single(f => f.FileName == fileName);
        var path = Path.Combine(Path.GetTempPath(), $"imbalance-gallery-{Guid.NewGuid():N}-{fileName}");
        try
        {
            figure.Save(path, 480, 320);

            File.Exists(path).Should().BeTrue();
            using var bitmap = SKBitmap.Decode(path);
            bitmap.Should().NotBeNull("the file is a PNG");
            bitmap.Width.Should().Be(480);
            bitmap.Height.Should().Be(320);
            var pixels = bitmap.Pixels;
            var background = pixels[0];
            var drawn = pixels.Count(p => p != background);
            var colours = pixels.Select(p => (uint)p).Distinct().Count();
            drawn.Should().BeGreaterThan(pixels.Length / 50, "a figure draws on more than 2 % of its area");
            colours.Should().BeGreaterThan(8, "axes, text and data use several colours");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Every_figure_has_a_unique_png_name_and_a_caption_and_is_listed_in_the_readme()
    {
        GalleryFigures.All.Select(f => f.FileName).Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.EndsWith(".png", StringComparison.Ordinal));
        GalleryFigures.All.Should().OnlyContain(f => f.Caption.Length > 20);
        var readme = File.ReadAllText(RepositoryFiles.PathOf("README.md"));
        foreach (var figure in GalleryFigures.All)
        {
            readme.Should().Contain(figure.FileName, "the README lists every gallery figure");
        }
    }
}
