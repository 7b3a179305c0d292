using NUnit.Framework;

// Fixtures run two at a time (the machine's cores); a fixture that needs the machine to itself says [NonParallelizable].
[assembly: Parallelizable(ParallelScope.Fixtures)]
[assembly: LevelOfParallelism(2)]
