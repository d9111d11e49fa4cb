using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>One kind of fitted feature transformer a model file can hold; see <see cref="ClassifierKind"/>.</summary>
internal abstract class TransformerKind
{
    /// <summary>The kind's name in the file; stable once released.</summary>
    public abstract string Name { get; }

    /// <summary>True when <paramref name="model"/> is of this kind.</summary>
    public abstract bool Owns(IFeatureTransformerModel model);

    /// <summary>The number of input and output features.</summary>
    public abstract (int Input, int Output) Widths(IFeatureTransformerModel model);

    /// <summary>Writes the model's own members (the kind is written by the caller).</summary>
    public abstract void Write(IFeatureTransformerModel model, ModelWriter writer);

    /// <summary>Reads and checks the model's own members.</summary>
    public abstract IFeatureTransformerModel Read(ModelReader reader);
}
