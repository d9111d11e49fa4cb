using System.Text.RegularExpressions;

namespace Imbalance.Tests.Parity;

/// <summary>
/// Compares an Imbalance exception with the error imblearn 0.10.0 raised for the same call
/// (<c>"&lt;ExceptionClass&gt;: &lt;message&gt;"</c> in the fixtures).
/// </summary>
/// <remarks>
/// Rules: the exception is an <see cref="ArgumentException"/> (or a subclass) naming the expected parameter. For a
/// <c>ValueError</c> our message (without .NET's "(Parameter ...)" suffix) is imblearn's message in .NET words
/// (<see cref="DotNetWording"/>: parameters named as the caller writes them), otherwise word for word,
/// with two documented allowances: the negative-count message has a space after its first sentence (imblearn's has
/// none), and a Python set printed in a message (missing labels, missing shrinkage classes) may list its elements in
/// another order (Python's set order is hash order and carries no meaning). For imblearn's parameter validation
/// (<c>InvalidParameterError</c>), Imbalance has no separate validation layer: the message is the one
/// <c>check_sampling_strategy</c> itself gives for the same strategy (the fixture's <c>resolution_error</c>), or,
/// when there is none, it must quote the rejected value (<c>Got ... instead.</c>) and the allowed range.
/// </remarks>
internal static partial class ImblearnError
{
    /// <summary>Asserts <paramref name="actual"/> carries imblearn's <paramref name="imblearnError"/>.</summary>
    public static void AssertEquivalent(Exception? actual, string imblearnError, string? resolutionError, string expectedParameter)
    {
        actual.Should().NotBeNull($"imblearn raised \"{imblearnError}\"");
        actual.Should().BeAssignableTo<ArgumentException>($"imblearn raised \"{imblearnError}\"; got {actual}");
        var exception = (ArgumentException)actual!;
        exception.ParamName.Should().Be(expectedParameter, $"the exception names the parameter at fault ({exception.Message})");

        var ours = CoreMessage(exception);
        var (type, message) = Split(imblearnError);
        switch (type)
        {
            case "ValueError":
                AssertSameMessage(ours, message);
                break;
            case "InvalidParameterError" when resolutionError is not null:
                var (resolutionType, resolutionMessage) = Split(resolutionError);
                resolutionType.Should().Be("ValueError");
                AssertSameMessage(ours, resolutionMessage);
                break;
            case "InvalidParameterError":
                var got = GotValue().Match(message);
                got.Success.Should().BeTrue($"imblearn's message quotes the rejected value: {message}");
                ours.Should().Contain(got.Value, "the message quotes the rejected value as imblearn does");
                var range = AllowedRange().Match(message);
                if (range.Success)
                {
                    ours.Should().Contain(range.Value, "the message states the allowed range as imblearn does");
                }

                break;
            default:
                throw new InvalidOperationException($"No rule for imblearn's {type}: {message}");
        }
    }

    /// <summary>Splits <c>"Class: message"</c>.</summary>
    public static (string Type, string Message) Split(string error)
    {
        var colon = error.IndexOf(": ", StringComparison.Ordinal);
        colon.Should().BePositive($"a fixture error is \"Class: message\" ({error})");
        return (error[..colon], error[(colon + 2)..]);
    }

    /// <summary>The exception's own message, without .NET's <c>(Parameter 'x')</c> / actual-value suffix.</summary>
    public static string CoreMessage(ArgumentException exception)
    {
        var message = exception.Message;
        var suffix = message.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return suffix >= 0 ? message[..suffix] : message;
    }

    private static void AssertSameMessage(string ours, string imblearn)
    {
        // Messages speak .NET (DotNetWording); documented allowance: imblearn's f-strings join two sentences without
        // a space.
        var expected = DotNetWording.Translate(imblearn).Replace("negative.'SamplingStrategy'", "negative. 'SamplingStrategy'", StringComparison.Ordinal);
        var set = PythonSet().Match(expected);
        if (!set.Success)
        {
            ours.Should().Be(expected);
            return;
        }

        var oursSet = PythonSet().Match(ours);
        oursSet.Success.Should().BeTrue($"our message lists the same classes as imblearn's \"{expected}\"; got \"{ours}\"");
        oursSet.Groups["before"].Value.Should().Be(set.Groups["before"].Value);
        oursSet.Groups["after"].Value.Should().Be(set.Groups["after"].Value);
        Elements(oursSet).Should().BeEquivalentTo(Elements(set), "a Python set's order carries no meaning");
    }

    private static string[] Elements(Match set) => set.Groups["items"].Value.Split(", ");

    [GeneratedRegex(@"^(?<before>(The |.*The missing classes are: ))\{(?<items>[^{}]*)\}(?<after>( target class is/are not present in the data\.)?)$")]
    private static partial Regex PythonSet();

    [GeneratedRegex(@"Got .* instead\.$")]
    private static partial Regex GotValue();

    [GeneratedRegex(@"in the range [\[(][^\])]*[\])]")]
    private static partial Regex AllowedRange();
}
