namespace Imbalance.OverSampling;

/// <summary>The Borderline-SMOTE variant (imblearn's <c>kind</c>).</summary>
public enum BorderlineSmoteKind
{
    /// <summary>imblearn's <c>"borderline-1"</c>: danger rows are interpolated towards neighbours of their own class.</summary>
    Borderline1,

    /// <summary>
    /// imblearn's <c>"borderline-2"</c> with imblearn 0.10.0's semantics: a fraction <c>f = beta(10, 10)</c> of the rows
    /// is made as in borderline-1 (<c>int(f * (n + 1))</c> rows, step in [0, 1)), the rest
    /// (<c>int((1 - f) * n)</c> rows, step in [0, 0.5)) towards rows of the other classes, picked by the neighbour
    /// positions found within the class (0.10.0's indexing, kept for parity).
    /// </summary>
    Borderline2,

    /// <summary>
    /// Borderline-2 as fixed in imblearn 0.11 (pull request #1023, not 0.10.0 behaviour): the danger rows'
    /// <c>k</c> nearest neighbours are searched among all rows, and all <c>n</c> new rows are interpolated towards
    /// them with a step in [0, 1) from one generation step (no <c>beta</c> draw).
    /// </summary>
    Borderline2AllRows,
}
