using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// The synthetic rows of one <c>FitResample</c> call, in generation order: values, class codes and provenance
/// (base row, neighbour row, step). Grows as rows are added; <see cref="ToOutput"/> appends them to the input.
/// </summary>
internal sealed class SyntheticRows
{
    private readonly int _columns;
    private double[] _values;
    private int[] _codes;
    private int[] _bases;
    private int[] _neighbors;
    private double[] _steps;

    /// <summary>An empty set of rows of <paramref name="columns"/> features, sized for <paramref name="capacity"/> rows.</summary>
    public SyntheticRows(int columns, int capacity)
    {
        _columns = columns;
        capacity = Math.Max(capacity, 0);
        _values = new double[capacity * columns];
        _codes = new int[capacity];
        _bases = new int[capacity];
        _neighbors = new int[capacity];
        _steps = new double[capacity];
    }

    /// <summary>The number of rows added.</summary>
    public int Count { get; private set; }

    /// <summary>The values of row <paramref name="row"/> (writable, for samplers that post-process rows).</summary>
    public Span<double> Row(int row) => _values.AsSpan(row * _columns, _columns);

    /// <summary>Adds one row and returns its (zeroed) values to fill.</summary>
    /// <param name="code">The class of the row.</param>
    /// <param name="baseRow">The input row it is built around.</param>
    /// <param name="neighborRow">The input row it moves towards, or -1.</param>
    /// <param name="step">The interpolation step, or NaN.</param>
    public Span<double> Add(int code, int baseRow, int neighborRow, double step)
    {
        if (Count == _codes.Length)
        {
            Grow();
        }

        var i = Count++;
        _codes[i] = code;
        _bases[i] = baseRow;
        _neighbors[i] = neighborRow;
        _steps[i] = step;
        return Row(i);
    }

    /// <summary>The class code of each row added.</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, Count);

    /// <summary>The over-sampler output: the input rows, then these rows, with their provenance.</summary>
    public SamplerOutput ToOutput(SamplerInput input) =>
        SamplerOutput.Append(input, _values.AsSpan(0, Count * _columns), Codes).WithProvenance(Provenance(input));

    /// <summary>The provenance of these rows, which follow the input's rows in the output.</summary>
    public SyntheticProvenance Provenance(SamplerInput input) =>
        new(input.SampleCount, _bases[..Count], _neighbors[..Count], _steps[..Count]);

    private void Grow()
    {
        var capacity = Math.Max(16, _codes.Length * 2);
        Array.Resize(ref _values, capacity * _columns);
        Array.Resize(ref _codes, capacity);
        Array.Resize(ref _bases, capacity);
        Array.Resize(ref _neighbors, capacity);
        Array.Resize(ref _steps, capacity);
    }
}
