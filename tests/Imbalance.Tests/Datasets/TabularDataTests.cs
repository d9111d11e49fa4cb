using System.Globalization;
using Imbalance.Datasets;
using Imbalance.OverSampling;
using Imbalance.Sampling;

namespace Imbalance.Tests.Datasets;

public class TabularDataTests
{
    public enum Device
    {
        Phone,
        Desktop,
    }

    public sealed record Transaction(double Amount, int Age, string Country, Device Device, bool Night, string Label);

    private static readonly Transaction[] Rows =
    [
        new(10.5, 30, "FR", Device.Phone, false, "ok"),
        new(2000, 41, "DE", Device.Desktop, true, "fraud"),
        new(12.25, 25, "FR", Device.Desktop, false, "ok"),
        new(9.75, 52, "Ägypten", Device.Phone, false, "ok"),
        new(1500, 33, "DE", Device.Phone, true, "fraud"),
        new(11, 47, "FR", Device.Phone, false, "ok"),
        new(13, 38, "DE", Device.Desktop, false, "ok"),
        new(1800.5, 29, "FR", Device.Desktop, true, "fraud"),
    ];

    [Fact]
    public void Records_become_numbers_and_ordinal_codes_that_decode_back()
    {
        var data = TabularData.FromRecords(Rows, r => r.Label, r => r.Amount, r => r.Age, r => r.Country, r => r.Device, r => r.Night);

        data.FeatureNames.Should().Equal("Amount", "Age", "Country", "Device", "Night");
        data.LabelName.Should().Be("Label");
        data.Columns[2].Categories.Should().Equal("DE", "FR", "Ägypten");
        data.Columns[3].Categories.Should().Equal("Desktop", "Phone");
        data.CategoricalIndices.Should().Equal(2, 3);
        data.X[1, 0].Should().Be(2000);
        data.X[1, 2].Should().Be(0);
        data.X[3, 2].Should().Be(2);
        data.X[1, 4].Should().Be(1);
        data.Decode(2, 2).Should().Be("Ägypten");
        data.Encode(3, "Phone").Should().Be(1);
        data.Cell(0, 2).Should().Be("FR");
        data.Cell(0, 0).Should().Be(10.5);
        data.Y.ClassCounts().Should().Equal(new Dictionary<string, int> { ["fraud"] = 3, ["ok"] = 5 });

        var bad = () => data.Encode(2, "XX");
        bad.Should().Throw<ArgumentException>().WithMessage("*unknown category 'XX'*Country*");
        var numeric = () => data.Decode(0, 1);
        numeric.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*Amount*numeric*");
    }

    [Fact]
    public void Without_selectors_every_property_but_the_label_is_a_feature()
    {
        var data = TabularData.FromRecords(Rows, r => r.Label);
        data.FeatureNames.Should().Equal("Amount", "Age", "Country", "Device", "Night");
        data.X.Should().BeEquivalentTo(TabularData.FromRecords(Rows, r => r.Label, r => r.Amount, r => r.Age, r => r.Country, r => r.Device, r => r.Night).X);
    }

    [Fact]
    public void SmoteNc_resamples_the_codes_and_the_result_writes_back_as_text()
    {
        var data = TabularData.FromRecords(Rows, r => r.Label, r => r.Amount, r => r.Age, r => r.Country, r => r.Device);
        var resampled = new SmoteNc { CategoricalFeatures = data.CategoricalFeatures, KNeighbors = 2, RandomState = 0 }.FitResample(data.X, data.Y);
        var table = data.WithRows(resampled);
        table.Y.ClassCounts().Should().Equal(new Dictionary<string, int> { ["fraud"] = 5, ["ok"] = 5 });

        using var text = new StringWriter();
        table.WriteCsv(text);
        var csv = text.ToString();
        csv.Should().StartWith("Amount,Age,Country,Device,Label\n");
        var back = TabularData.ReadCsv<string>(new StringReader(csv), "Label", new CsvOptions { CategoricalColumns = ["Country", "Device"] });
        back.X.Should().BeEquivalentTo(table.X, o => o.WithStrictOrdering());
        back.Y.Should().Equal(table.Y);

        var smote = new Smote { KNeighbors = 2, RandomState = 0 }.FitResample(data.X, data.Y);
        var act = () => data.WithRows(smote);
        act.Should().Throw<ArgumentException>().WithMessage("*categorical column 'Country'*SmoteNc*");
    }

    [Fact]
    public void SmoteN_resamples_all_categorical_records()
    {
        var data = TabularData.FromRecords(Rows, r => r.Label, r => r.Country, r => r.Device);
        var resampled = data.WithRows(new SmoteN { KNeighbors = 2, RandomState = 0 }.FitResample(data.X, data.Y));
        resampled.RowCount.Should().Be(10);
        Enumerable.Range(0, resampled.RowCount).Select(i => resampled.Cell(i, 0)).Should().OnlyContain(c => new[] { "DE", "FR", "Ägypten" }.Contains(c));
    }

    [Fact]
    public void Bad_records_name_the_row_and_column()
    {
        var withNull = Rows.Select((r, i) => i == 2 ? r with { Country = null! } : r).ToArray();
        var act = () => TabularData.FromRecords(withNull, r => r.Label, r => r.Amount, r => r.Country);
        act.Should().Throw<ArgumentException>().WithMessage("Row 2, column 'Country' is null*");

        var nan = () => TabularData.FromRecords(Rows, r => r.Label, r => r.Amount / 0 * 0);
        nan.Should().Throw<ArgumentException>().WithMessage("Row 0, column 'x0' is NaN*");

        var unsupported = () => TabularData.FromRecords(Rows, r => r.Label, r => r.Amount, r => DateTime.MinValue);
        unsupported.Should().Throw<ArgumentException>().Where(e => e.ParamName == "features").WithMessage("*x1*DateTime*");
    }

    [Fact]
    public void Csv_handles_header_quoting_label_by_name_and_exact_numbers()
    {
        const string csv = "id,city,amount,class\n" +
            "1,\"Paris, \"\"Centre\"\"\",0.1,neg\n" +
            "2,\"Line\nbreak\",1e-300,pos\n" +
            "3,Paris,-2.5,neg\n";
        var data = TabularData.ReadCsv<string>(new StringReader(csv), "class", new CsvOptions { CategoricalColumns = ["city"] });

        data.FeatureNames.Should().Equal("id", "city", "amount");
        data.Y.Should().Equal("neg", "pos", "neg");
        data.Columns[1].Categories.Should().Equal("Line\nbreak", "Paris", "Paris, \"Centre\"");
        data.X[0, 2].Should().Be(0.1);
        data.X[1, 2].Should().Be(1e-300);
        data.LabelPosition.Should().Be(3);

        using var text = new StringWriter();
        data.WriteCsv(text);
        TabularData.ReadCsv<string>(new StringReader(text.ToString()), "class", new CsvOptions { CategoricalColumns = ["city"] })
            .X.Should().BeEquivalentTo(data.X, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Csv_culture_delimiter_typed_labels_and_no_header()
    {
        var commaDecimal = (CultureInfo)CultureInfo.InvariantCulture.Clone();
        commaDecimal.NumberFormat.NumberDecimalSeparator = ",";
        var german = new CsvOptions { Culture = commaDecimal, Delimiter = ';' };
        var data = TabularData.ReadCsv<int>(new StringReader("y;a;b\n1;0,5;3\n0;1,25;-4\n"), "y", german);
        data.X[0, 0].Should().Be(0.5);
        data.X[1, 0].Should().Be(1.25);
        data.Y.Should().Equal(1, 0);
        using var text = new StringWriter();
        data.WriteCsv(text, german);
        text.ToString().Should().Be("y;a;b\n1;0,5;3\n0;1,25;-4\n");

        var lineAfterQuotedBreak = () => TabularData.ReadCsv<int>(new StringReader("c,y\n\"a\nb\",1\nz,x\n"), "y", new CsvOptions { CategoricalColumns = ["c"] });
        lineAfterQuotedBreak.Should().Throw<InvalidDataException>().WithMessage("CSV line 4, column 'y'*", "the quoted line break counts as a line");
        TabularData.ReadCsv<bool>(new StringReader("1,2,true\n3,4,False\n"), "2", new CsvOptions { HasHeader = false }).Y.Should().Equal(true, false);
        TabularData.ReadCsv<Device>(new StringReader("x,d\n1,Phone\n2,Desktop\n"), "d").Y.Should().Equal(Device.Phone, Device.Desktop);
        TabularData.ReadCsv<long>(new StringReader("x,y\n1,10000000000\n2,3\n"), "y").Y.Should().Equal(10_000_000_000L, 3L);
    }

    [Theory]
    [InlineData("a,b,y\n1,2,0\n3,x,1\n", "CSV line 3, column 'b' (field 2): \"x\" is not a finite number*CategoricalColumns*")]
    [InlineData("a,b,y\n1,2,0\n3,,1\n", "CSV line 3, column 'b' (field 2): \"\" is an empty cell (missing values are not supported)*")]
    [InlineData("a,b,y\n1,2,0\n3,4,six\n", "CSV line 3, column 'y' (field 3): \"six\" is not a Int32 label*")]
    [InlineData("a,b,y\n1,2,0\n3,4\n", "CSV line 3: expected 3 fields, found 2*")]
    [InlineData("a,b,y\n1,NaN,0\n", "CSV line 2, column 'b'*not a finite number*")]
    [InlineData("a,a,y\n1,2,0\n", "*names column 'a' more than once*")]
    [InlineData("", "The CSV is empty*")]
    public void Bad_csv_cells_name_the_line_and_column(string csv, string message)
    {
        var act = () => TabularData.ReadCsv<int>(new StringReader(csv), "y");
        act.Should().Throw<InvalidDataException>().WithMessage(message);
    }

    [Fact]
    public void Csv_argument_errors()
    {
        var noLabel = () => TabularData.ReadCsv<int>(new StringReader("a,b\n1,2\n"), "class");
        noLabel.Should().Throw<ArgumentException>().Where(e => e.ParamName == "labelColumn").WithMessage("*no column named 'class'*'a', 'b'*");
        var unknownCategorical = () => TabularData.ReadCsv<int>(new StringReader("a,y\n1,2\n"), "y", new CsvOptions { CategoricalColumns = ["zz"] });
        unknownCategorical.Should().Throw<ArgumentException>().WithMessage("*'zz'*");
        var badType = () => TabularData.ReadCsv<DateTime>(new StringReader("a,y\n1,2\n"), "y");
        badType.Should().Throw<NotSupportedException>();
        var badDelimiter = () => new CsvOptions { Delimiter = '"' };
        badDelimiter.Should().Throw<ArgumentException>().Where(e => e.ParamName == "Delimiter");
    }
}
