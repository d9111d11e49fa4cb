using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using Imbalance.Randomness;
using Imbalance.Sampling;

namespace Imbalance.Learning;

/// <summary>
/// scikit-learn's <c>clone</c> + <c>set_params</c> for the immutable configurations of this library: copies of a
/// classifier or sampler with some init-only parameters replaced, and <c>_set_random_states</c>, which gives every
/// <c>random_state</c> parameter (nested ones included) a fresh integer drawn in sorted parameter-name order.
/// </summary>
/// <remarks>
/// Parameters are the public settable properties; nested estimators are properties holding an
/// <see cref="IClassifier"/> or <see cref="ISampler"/>. Their names are compared in scikit-learn's snake case
/// (<c>classifier__estimator__random_state</c> sorts before <c>classifier__random_state</c>), so the draws land where
/// scikit-learn's land. A <see cref="Pipelines.Pipeline"/> is treated as having no random-state parameters.
/// </remarks>
internal static class EstimatorParameters
{
    private const string RandomStateName = "RandomState";
    private static readonly MethodInfo MemberwiseCloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>The sorted snake-case keys of the random-state parameters of <paramref name="estimator"/> under
    /// <paramref name="prefix"/> (scikit-learn's <c>get_params(deep=True)</c> keys ending in <c>random_state</c>).</summary>
    public static List<string> RandomStateKeys(object estimator, string prefix)
    {
        var keys = new List<string>();
        Collect(estimator, prefix, keys);
        return keys;
    }

    /// <summary>scikit-learn's <c>_set_random_states</c> over several named estimators at once (a pipeline's steps):
    /// draws <c>randint(2**31 - 1)</c> for each random-state key in sorted order and returns copies with the seeds
    /// set, in the order given.</summary>
    public static object[] SetRandomStates(RandomState rng, params (string Name, object Estimator)[] steps)
    {
        var keys = new List<string>();
        foreach (var (name, estimator) in steps)
        {
            Collect(estimator, name + "__", keys);
        }

        keys.Sort(StringComparer.Ordinal);
        var seeds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            seeds[key] = rng.RandInt(0, RandomState.MaxInt);
        }

        return steps.Select(s => Apply(s.Estimator, s.Name + "__", seeds)).ToArray();
    }

    /// <summary>A copy of <paramref name="estimator"/> with the named init-only property set (scikit-learn's
    /// <c>clone(estimator).set_params(name=value)</c>); the property's own validation runs.</summary>
    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Configurations are user types kept by their use; a trimmed property is simply not re-seeded.")]
    public static T With<T>(T estimator, string property, object? value)
        where T : class
    {
        var prop = estimator.GetType().GetProperty(property, BindingFlags.Public | BindingFlags.Instance);
        if (prop?.SetMethod is null)
        {
            return estimator;
        }

        var copy = Clone(estimator);
        SetValue(prop, copy, value);
        return copy;
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Configurations are user types kept by their use; a trimmed property is simply not re-seeded.")]
    private static void Collect(object estimator, string prefix, List<string> keys)
    {
        foreach (var prop in Settable(estimator.GetType()))
        {
            if (prop.Name == RandomStateName && prop.PropertyType == typeof(int?))
            {
                keys.Add(prefix + "random_state");
            }
            else if (IsNested(prop) && prop.GetValue(estimator) is { } nested)
            {
                Collect(nested, prefix + SnakeCase(prop.Name) + "__", keys);
            }
        }
    }

    [UnconditionalSuppressMessage("Trimming", "IL2075", Justification = "Configurations are user types kept by their use; a trimmed property is simply not re-seeded.")]
    private static object Apply(object estimator, string prefix, Dictionary<string, int> seeds)
    {
        object? copy = null;
        foreach (var prop in Settable(estimator.GetType()))
        {
            if (prop.Name == RandomStateName && prop.PropertyType == typeof(int?))
            {
                copy ??= Clone(estimator);
                SetValue(prop, copy, (int?)seeds[prefix + "random_state"]);
            }
            else if (IsNested(prop) && prop.GetValue(estimator) is { } nested)
            {
                copy ??= Clone(estimator);
                SetValue(prop, copy, Apply(nested, prefix + SnakeCase(prop.Name) + "__", seeds));
            }
        }

        return copy ?? estimator;
    }

    private static bool IsNested(PropertyInfo prop) =>
        typeof(IClassifier).IsAssignableFrom(prop.PropertyType) || typeof(ISampler).IsAssignableFrom(prop.PropertyType);

    [UnconditionalSuppressMessage("Trimming", "IL2070", Justification = "Configurations are user types kept by their use.")]
    private static IEnumerable<PropertyInfo> Settable(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0);

    private static T Clone<T>(T estimator)
        where T : class => (T)MemberwiseCloneMethod.Invoke(estimator, null)!;

    private static void SetValue(PropertyInfo prop, object target, object? value)
    {
        try
        {
            prop.SetValue(target, value);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
    }

    /// <summary>scikit-learn's parameter spelling of a .NET property name (<c>KNeighbors</c> → <c>k_neighbors</c>).</summary>
    private static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                sb.Append('_');
            }

            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
