using Imbalance.Learning;

namespace Imbalance.Serialization;

/// <summary>
/// One kind of fitted classifier a model file can hold: its name in the file (<see cref="Name"/>), how to recognise and
/// write a model of that kind, and how to read one back with every value checked. Generic over the caller's label
/// type at the method, because the label type comes from the caller, never from the file. Register a new kind in
/// <see cref="ModelKinds"/>.
/// </summary>
internal abstract class ClassifierKind
{
    /// <summary>The kind's name in the file (<c>"kind": "..."</c>); stable once released.</summary>
    public abstract string Name { get; }

    /// <summary>True when <paramref name="model"/> is of this kind.</summary>
    public abstract bool Owns<TLabel>(IClassificationModel<TLabel> model)
        where TLabel : notnull;

    /// <summary>The number of input features the model expects.</summary>
    public abstract int FeatureCount<TLabel>(IClassificationModel<TLabel> model)
        where TLabel : notnull;

    /// <summary>Writes the model's own members (the kind and classes are written by the caller).</summary>
    public abstract void Write<TLabel>(IClassificationModel<TLabel> model, ModelWriter writer)
        where TLabel : notnull;

    /// <summary>Reads and checks the model's own members; <paramref name="classes"/> are already checked.</summary>
    public abstract IClassificationModel<TLabel> Read<TLabel>(ModelReader reader, TLabel[] classes)
        where TLabel : notnull;
}
