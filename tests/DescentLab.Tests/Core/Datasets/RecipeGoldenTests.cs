using DescentLab.Core.Datasets;
using NUnit.Framework;

namespace DescentLab.Tests.Core.Datasets;

/// <summary>Every recipe reproduces docs/recipes.md bit for bit: golden values from the independent ReferenceRecipes.py.</summary>
/// <remarks>The literals were printed by <c>python3 ReferenceRecipes.py</c> (this folder), which implements docs/recipes.md from its
/// text alone and first checks itself against the published SplitMix64 and xoshiro256** vectors. Per recipe and seed: the
/// whole dataset at n = 5 (x or x1, x2, y) and the content hash of the dataset at n = 100, which pins all 100 rows; for the sorted recipes also at n = 20,000.</remarks>
public sealed class RecipeGoldenTests
{
    private const int FirstN = 5;
    private const int HashN = 100;
    private const int LargeN = 20000;

    public static IEnumerable<TestCaseData> Goldens()
    {
        return
        [
        Row("beans1", 1, [0.39132860204190445, 0.5204366199388569, 0.5741057000197225, 0.6971784165599615, 0.7029218331588505], null, [0.4839515261247289, 0.6316284655335495, 0.7270452846927288, 0.9233293483488139, 0.8986771861316791], "7327d97bbe098f40508bcc40fe55ef546b006b08887c60e0a00ec48241d6369a"),
        Row("beans1", 42, [0.08386297105988216, 0.3789802506626686, 0.6800434110281394, 0.9246929453253876, 0.9918039142821028], null, [0.17760951131528285, 0.5267021585829939, 0.9010529376248645, 1.1857689724910414, 1.2484996281122633], "c29787ca5707d0ffed2849f34199a4185defd88884d2de1a5bd3d8b10ce2968a"),
        Row("beans2", 1, [0.39132860204190445, 0.5204366199388569, 0.5741057000197225, 0.6971784165599615, 0.7029218331588505], null, [0.8452156140804459, 0.9500965907433574, 0.9256371006756823, 0.9145943946382529, 0.9817033105290782], "420208d2c65689420e29426f9e32dd78ad767f737c071b8ac4ae09ce610b3a31"),
        Row("beans2", 42, [0.08386297105988216, 0.3789802506626686, 0.6800434110281394, 0.9246929453253876, 0.9918039142821028], null, [0.504756187655069, 0.7214344598882849, 0.906028698937503, 1.0950101855266186, 1.177592878049992], "f8246d56741af725bea106cfe7dfec9606b26a1d2bd6e6796df4027bac13fabb"),
        Row("beans3", 1, [0.39132860204190445, 0.5204366199388569, 0.5741057000197225, 0.6971784165599615, 0.7029218331588505], null, [0.0, 1.0, 1.0, 1.0, 1.0], "cceb3244c813e901766beeb0672d96e87dca954a7dfbf537830f34919b6ba969"),
        Row("beans3", 42, [0.08386297105988216, 0.3789802506626686, 0.6800434110281394, 0.9246929453253876, 0.9918039142821028], null, [0.0, 0.0, 1.0, 1.0, 1.0], "888ec6c11479d33096d74596b86fd388386ebf0e9fd03751300f7184a85cab7a"),
        Row("beans4", 1, [0.7826572040838089, 1.0408732398777139, 1.148211400039445, 1.394356833119923, 1.405843666317701], null, [1.0, 1.0, 1.0, 0.0, 0.0], "445fdb9fb07f379ae55adbdd181724b6c8b4b94e639679674d1d397aa3c2c1b2"),
        Row("beans4", 42, [0.16772594211976433, 0.7579605013253372, 1.3600868220562787, 1.8493858906507752, 1.9836078285642056], null, [0.0, 1.0, 0.0, 0.0, 0.0], "00299a2e998f588c548114741ffd9189d759bd7fb3fc7c5f75450db374b93984"),
        Row("beans5", 1, [1.405843666317701, 1.148211400039445, 1.394356833119923, 0.14209043213842465, 1.7343049695372008], [1.0408732398777139, 0.7826572040838089, 0.2871440734888724, 0.7623688933812354, 1.1034197268211705], [1.0, 1.0, 1.0, 0.0, 1.0], "4bbdcf26d17eeb47c5eb079ab53834f4fd8f733121a96831cdb307d43fdaa7d0"),
        Row("beans5", 42, [0.16772594211976433, 1.3600868220562787, 1.9836078285642056, 1.4385171557558312, 1.5227487620115268], [0.7579605013253372, 1.8493858906507752, 1.539478920868485, 1.7000168878219455, 1.1666986194747986], [0.0, 1.0, 1.0, 1.0, 1.0], "b62fd7432ab0f167e7f1131c94fc182142849b1a28a6e5190ca216401b889476"),
        Row("beans6", 1, [1.405843666317701, 1.148211400039445, 1.394356833119923, 0.14209043213842465, 1.7343049695372008], [1.0408732398777139, 0.7826572040838089, 0.2871440734888724, 0.7623688933812354, 1.1034197268211705], [0.0, 1.0, 1.0, 0.0, 0.0], "9c484e70414aaaeb353d99279c18783055c926f07d47c9898029c2a788c263b1"),
        Row("beans6", 42, [0.16772594211976433, 1.3600868220562787, 1.9836078285642056, 1.4385171557558312, 1.5227487620115268], [0.7579605013253372, 1.8493858906507752, 1.539478920868485, 1.7000168878219455, 1.1666986194747986], [0.0, 0.0, 0.0, 0.0, 0.0], "cbf4e779b1b10aeffdabb6ffbf666e191d9a3308002e4f0560efd12198bb2d4d"),
        ];
    }

    public static IEnumerable<IRecipe> Recipes() => RecipeCatalog.All;

    [TestCaseSource(nameof(Goldens))]
    public void Generate_FirstFiveValues_MatchPythonReference(string recipe, int seed, double[] x1, double[]? x2, double[] y, string hash)
    {
        var data = Find(recipe).Generate(FirstN, (ulong)seed);

        Assert.Multiple(() =>
        {
            Assert.That(data.X1, Is.EqualTo(x1));
            Assert.That(data.X2, Is.EqualTo(x2 ?? []));
            Assert.That(data.Y, Is.EqualTo(y));
        });
    }

    [TestCaseSource(nameof(Goldens))]
    public void Generate_HundredSamples_HashMatchesPythonReference(string recipe, int seed, double[] x1, double[]? x2, double[] y, string hash)
    {
        var data = Find(recipe).Generate(HashN, (ulong)seed);

        Assert.That(data.Identity.ContentHash, Is.EqualTo(hash));
    }

    [TestCaseSource(nameof(Recipes))]
    public void Catalog_EveryRecipe_HasGoldenRowsForSeedsOneAndFortyTwo(IRecipe recipe)
    {
        var seeds = Goldens().Where(row => (string)row.Arguments[0]! == recipe.Name).Select(row => (int)row.Arguments[1]!);

        Assert.That(seeds, Is.EquivalentTo(new[] { 1, 42 }));
    }

    /// <summary>The sorted recipes at a size where the draws are radix-sorted as integers (4,096 samples and more): the
    /// same bits as the reference's sort of the doubles.</summary>
    [TestCase("beans1", "0b93997a0698ad07596fe76c22cb353fac270f3f3ddaed0a4bc2a3c9d7304ece")]
    [TestCase("beans2", "70fa46a30062e5e32cf0fd0660e945ea50349a138d8ee1056c29ea6928ddf684")]
    [TestCase("beans3", "3c08ca78f60d84c57171a38e0eafeeaf0510c39e3d69ca6e15fcb6525b7db6f3")]
    [TestCase("beans4", "5273813660dbcbb3226523911cf5a5dc796fefcd0123a4de6802f8f9a47c4c2f")]
    public void Generate_TwentyThousandSamples_HashMatchesPythonReference(string recipe, string hash)
    {
        var data = Find(recipe).Generate(LargeN, 7);

        Assert.That(data.Identity.ContentHash, Is.EqualTo(hash));
    }

    private static TestCaseData Row(string recipe, int seed, double[] x1, double[]? x2, double[] y, string hash) =>
        new TestCaseData(recipe, seed, x1, x2, y, hash).SetArgDisplayNames(recipe, seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

    private static IRecipe Find(string name) => RecipeCatalog.Find(name) ?? throw new ArgumentException(name);
}
