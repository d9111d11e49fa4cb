namespace Imbalance.Sampling;

/// <summary>A computation that needs the label type of <c>y</c> (see <see cref="LabelSet.Accept{TResult}"/>).</summary>
internal interface ILabelVisitor<out TResult>
{
    /// <summary>Runs with the typed label encoder.</summary>
    TResult Visit<TLabel>(LabelEncoder<TLabel> labels)
        where TLabel : notnull;
}
