using Imbalance.Anomaly;

namespace Imbalance.Serialization;

/// <summary>
/// One kind of fitted outlier detector (<see cref="IOutlierModel"/>) a model file can hold, saved on its own or nested
/// in an <see cref="OutlierDetectorClassifierModel{TLabel}"/>. Register a new kind in <see cref="ModelKinds"/>.
/// </summary>
internal abstract class OutlierKind
{
    /// <summary>The kind's name in the file (<c>"kind": "..."</c>); stable once released.</summary>
    public abstract string Name { get; }

    /// <summary>True when <paramref name="model"/> is of this kind.</summary>
    public abstract bool Owns(IOutlierModel model);

    /// <summary>Writes the model's own members (the kind is written by the caller).</summary>
    public abstract void Write(IOutlierModel model, ModelWriter writer);

    /// <summary>Reads and checks the model's own members.</summary>
    public abstract IOutlierModel Read(ModelReader reader);
}
