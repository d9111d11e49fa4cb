using Imbalance.Sampling;

namespace Imbalance.OverSampling;

/// <summary>
/// The synthetic rows of one <c>FitResample</c> call, in generation order: values, class codes and provenance
/// (base row, neighbour row, step). Grows as rows are added; <see cref="ToOutput"/> appends them to the input.
/// </summary>
/// <remarks>
/// Rows as wide as the input are written in place into the output matrix, after a copy of the input rows, so that
/// when the call adds the expected number of rows (the usual case) <see cref="ToOutput"/> hands that matrix over
/// without a separate buffer of the new rows or a second copy of them. Rows of another width (SMOTE-NC's encoded
/// rows) are kept alone, for the sampler to decode.
/// </remarks>
internal sealed class SyntheticRows
{
    private readonly int _columns;

    // The rows before the synthetic ones: the input's rows when _matrix is the output matrix, else none.
    private readonly int _first;
    private readonly SamplerInput _input;

    // Allocated at the first row, at _first + _capacity rows: until then a step can still correct the planned count.
    private double[,]? _matrix;
    private int _capacity;
    private int[] _codes = [];
    private int[] _bases = [];
    private int[] _neighbors = [];
    private double[] _steps = [];

    /// <summary>An empty set of rows of <paramref name="columns"/> features, planned for <paramref name="capacity"/> rows;
    /// when <paramref name="columns"/> is the input's width, the rows are stored after a copy of the input's rows.</summary>
    public SyntheticRows(SamplerInput input, int columns, int capacity)
    {
        _input = input;
        _columns = columns;
        _capacity = Math.Max(capacity, 0);
        _first = columns == input.FeatureCount ? input.SampleCount : 0;
    }

    /// <summary>The number of rows added.</summary>
    public int Count { get; private set; }

    /// <summary>The values of row <paramref name="row"/> (writable, for samplers that post-process rows).</summary>
    public Span<double> Row(int row)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)Count, nameof(row));
        return MatrixRows.Of(_matrix!).Slice((_first + row) * _columns, _columns);
    }

    /// <summary>
    /// Corrects the planned number of rows by <paramref name="delta"/> when a step knows, before adding them, that it
    /// adds more or fewer rows than its target (ADASYN's rounding, Borderline-SMOTE-2's truncation): done before the
    /// first row, the output matrix is then allocated at its exact final size.
    /// </summary>
    public void Replan(int delta) => _capacity = Math.Max(Count, _capacity + delta);

    /// <summary>Makes room for <paramref name="rows"/> more rows at once (growing to exactly that, not doubling).</summary>
    public void Reserve(int rows)
    {
        var needed = Count + Math.Max(rows, 0);
        if (_matrix is null)
        {
            _capacity = Math.Max(_capacity, needed);
        }
        else if (needed > _codes.Length)
        {
            Resize(needed);
        }
    }

    /// <summary>
    /// Adds <paramref name="count"/> rows of class <paramref name="code"/> at once: the same rows as that many
    /// <see cref="Add"/> calls, for loops that make many rows (SMOTE's generation) without a capacity check and a row
    /// lookup per row. The caller fills every row and every provenance slot.
    /// </summary>
    /// <param name="code">The class of the rows.</param>
    /// <param name="count">How many rows.</param>
    /// <param name="bases">Receives the slots of the rows' base rows.</param>
    /// <param name="neighbors">Receives the slots of the rows' neighbour rows.</param>
    /// <param name="steps">Receives the slots of the rows' interpolation steps.</param>
    /// <returns>The rows' values, <paramref name="count"/> rows of the output's width, row-major.</returns>
    public Span<double> AddBlock(int code, int count, out Span<int> bases, out Span<int> neighbors, out Span<double> steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var needed = Count + count;
        if (needed > _codes.Length)
        {
            Resize(Math.Max(needed, _capacity));
        }

        var first = Count;
        Count = needed;
        _codes.AsSpan(first, count).Fill(code);
        bases = _bases.AsSpan(first, count);
        neighbors = _neighbors.AsSpan(first, count);
        steps = _steps.AsSpan(first, count);
        return _matrix is null ? [] : MatrixRows.Of(_matrix).Slice((_first + first) * _columns, count * _columns);
    }

    /// <summary>The width of every row.</summary>
    public int Columns => _columns;

    /// <summary>Adds one row and returns its (zeroed) values to fill.</summary>
    /// <param name="code">The class of the row.</param>
    /// <param name="baseRow">The input row it is built around.</param>
    /// <param name="neighborRow">The input row it moves towards, or -1.</param>
    /// <param name="step">The interpolation step, or NaN.</param>
    public Span<double> Add(int code, int baseRow, int neighborRow, double step)
    {
        if (Count == _codes.Length)
        {
            Resize(Count < _capacity ? _capacity : Math.Max(16, _capacity * 2));
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
    /// <exception cref="InvalidOperationException">The rows are not as wide as the input (a sampler bug).</exception>
    public SamplerOutput ToOutput(SamplerInput input)
    {
        if (_first != input.SampleCount || _columns != input.FeatureCount)
        {
            throw new InvalidOperationException("Only rows as wide as the input follow it in the output.");
        }

        return SamplerOutput.Appended(input, Fitted(_first + Count), Codes).WithProvenance(Provenance(input));
    }

    /// <summary>The provenance of these rows, which follow the input's rows in the output.</summary>
    public SyntheticProvenance Provenance(SamplerInput input) =>
        new(input.SampleCount, Fitted(_bases), Fitted(_neighbors), Fitted(_steps));

    /// <summary>The first <see cref="Count"/> values of a per-row array: the array itself when it is full.</summary>
    private T[] Fitted<T>(T[] values) => values.Length == Count ? values : values[..Count];

    /// <summary>The matrix cut to <paramref name="rows"/> rows: itself when it has exactly that many (the usual case).</summary>
    private double[,] Fitted(int rows)
    {
        if (_matrix is null)
        {
            return SamplerOutput.AppendTarget(_input, rows - _first);
        }

        if (_matrix.GetLength(0) == rows)
        {
            return _matrix;
        }

        var result = new double[rows, _columns];
        MatrixRows.Of(_matrix)[..(rows * _columns)].CopyTo(MatrixRows.Of(result));
        return result;
    }

    /// <summary>Allocates the storage for <paramref name="capacity"/> rows (the output matrix at the first call),
    /// keeping the rows added so far.</summary>
    private void Resize(int capacity)
    {
        _capacity = capacity;
        double[,] matrix;
        if (_matrix is null && _first > 0)
        {
            matrix = SamplerOutput.AppendTarget(_input, capacity);
        }
        else
        {
            matrix = new double[_first + capacity, _columns];
            if (_matrix is not null)
            {
                MatrixRows.Of(_matrix)[..((_first + Count) * _columns)].CopyTo(MatrixRows.Of(matrix));
            }
        }

        _matrix = matrix;
        Array.Resize(ref _codes, capacity);
        Array.Resize(ref _bases, capacity);
        Array.Resize(ref _neighbors, capacity);
        Array.Resize(ref _steps, capacity);
    }
}
