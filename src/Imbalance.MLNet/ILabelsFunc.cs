namespace Imbalance.MLNet;

/// <summary>A computation over a label column read with its own CLR label type (generic dispatch).</summary>
internal interface ILabelsFunc<out TResult>
{
    TResult Invoke<TLabel>(IReadOnlyList<TLabel> labels)
        where TLabel : notnull;
}
