using DescentLab.Experiments.Config;
using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

public sealed class DatasetNameClashTests
{
    [Test]
    public void Load_FileNamedLikeARecipeWithTheSameN_IsAnErrorAtTheSecondEntry()
    {
        using var temp = new TempFolder();
        temp.Write("data/beans1.csv", "x,y\n" + string.Concat(Enumerable.Range(1, 3).Select(i => $"{i},{i}\n")));
        string config = temp.Write("c.yaml", """
            name: clash
            seeds: [1]
            datasets:
              - recipe: beans1
                n: 3
              - file: data/beans1.csv
            models: [origin]
            variants: [batch]
            """);

        var result = ConfigLoader.Load(config, ConfigLimits.Default);

        Assert.That(result.Errors.Select(e => e.ToString()), Is.EqualTo(new[]
        {
            $"{config}:6:5: datasets[1]: dataset name 'beans1' with n = 3 is already used by datasets[0]; run ids would collide, so rename the file",
        }));
    }

    [Test]
    public void Load_TwoFilesWithTheSameNameInDifferentFolders_IsAnError()
    {
        using var temp = new TempFolder();
        temp.Write("a/beans.csv", "x,y\n1,1\n2,2\n");
        temp.Write("b/beans.csv", "x,y\n1,2\n2,3\n");
        string config = temp.Write("c.yaml", """
            name: clash
            seeds: [1]
            datasets:
              - file: a/beans.csv
              - file: b/beans.csv
            models: [affine]
            variants: [batch]
            """);

        var result = ConfigLoader.Load(config, ConfigLimits.Default);

        Assert.That(result.Errors, Has.Count.EqualTo(1));
        Assert.That(result.Errors[0].ToString(), Does.EndWith("datasets[1]: dataset name 'beans' with n = 2 is already used by datasets[0]; run ids would collide, so rename the file"));
    }
}
