using BenchmarkDotNet.Running;
using Imbalance.Benchmarks;

if (args.Length > 0 && args[0] == "ensemble-time")
{
    EnsembleTiming.Time(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "learner-time")
{
    LearnerTiming.Time(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
