using Imbalance.Randomness;

namespace Imbalance.Tests.Randomness;

public class RngSmokeTests
{
    [Fact]
    public void Seed0_first_doubles_match_numpy()
    {
        var rng = new RandomState(0);
        rng.RandomSample().Should().Be(0.5488135039273248);
        rng.RandomSample().Should().Be(0.7151893663724195);
    }
}
