using DescentLab.Experiments.Config;
using DescentLab.Output.Json;
using NUnit.Framework;

namespace DescentLab.Tests.Config;

/// <summary>The resolved config JSON of manifest.json: every default written, same text for the same config.</summary>
public sealed class ResolvedConfigJsonTests
{
    [Test]
    public void ToJson_SmallConfig_WritesEveryDefault()
    {
        using var folder = new TestFolder();
        string file = folder.Write("w.yaml", "name: w\nseeds: [2]\ndatasets: [{recipe: beans1, n: 10}]\nmodels: [origin]\nvariants: [closed_form, {sgd: {lr: 0.05}}, minibatch, adam]\n");
        var config = ConfigLoader.Load(file, ConfigLimits.Default).Config! with { SourcePath = "/c/w.yaml", SourceHash = "ab" };

        string json = ResolvedConfigJson.ToText(ResolvedConfig.From(config));

        const string Expected =
            """
            {
              "name": "w",
              "source_path": "/c/w.yaml",
              "source_hash": "ab",
              "seeds": [
                2
              ],
              "datasets": [
                {
                  "name": "beans1",
                  "recipe": "beans1",
                  "file": null,
                  "full_path": null,
                  "n": 10,
                  "dimension": 1,
                  "models": [
                    {
                      "name": "origin",
                      "loss": "mse"
                    }
                  ],
                  "target_loss": null,
                  "target_accuracy": null
                }
              ],
              "models": [
                {
                  "name": "origin",
                  "loss": "mse"
                }
              ],
              "variants": [
                {
                  "name": "closed_form",
                  "parameters": {},
                  "batch": [
                    "all"
                  ],
                  "shuffle": false,
                  "family": "plain gradient descent",
                  "colour": "#000000"
                },
                {
                  "name": "sgd",
                  "parameters": {
                    "lr": [
                      0.05
                    ]
                  },
                  "batch": [
                    1
                  ],
                  "shuffle": false,
                  "family": "plain gradient descent",
                  "colour": "#e69f00"
                },
                {
                  "name": "minibatch",
                  "parameters": {
                    "lr": [
                      0.1
                    ]
                  },
                  "batch": [
                    10
                  ],
                  "shuffle": false,
                  "family": "plain gradient descent",
                  "colour": "#009e73"
                },
                {
                  "name": "adam",
                  "parameters": {
                    "lr": [
                      0.001
                    ],
                    "beta1": [
                      0.9
                    ],
                    "beta2": [
                      0.999
                    ],
                    "eps": [
                      1E-08
                    ]
                  },
                  "batch": [
                    "all"
                  ],
                  "shuffle": false,
                  "family": "adaptive",
                  "colour": "#0072b2"
                }
              ],
              "init": {
                "b": 0,
                "w": 0.1
              },
              "stop": {
                "max_epochs": 100,
                "target_gap": 1E-06,
                "stop_at_target": false,
                "diverge_factor": 1000000,
                "target_loss": null,
                "target_accuracy": null
              },
              "record": "epoch",
              "regression": null,
              "report": {
                "title": null,
                "description": null,
                "sections": null,
                "x": "epochs",
                "notes": [],
                "formats": [
                  "png"
                ]
              }
            }
            """;
        Assert.That(json, Is.EqualTo(Expected.ReplaceLineEndings("\n")));
    }

    [Test]
    [SetCulture("de-DE")]
    public void ToJson_SameConfigTwice_GivesTheSameInvariantText()
    {
        using var folder = new TestFolder();
        string file = folder.Write("d.yaml", "name: d\nseeds: [1]\ndatasets: [{recipe: beans2, n: 10}]\nmodels: [affine]\nvariants: [{batch: {lr: [0.5, 0.25]}}]\ninit: {b: 1.5, w: 0.3}\n");

        string first = ResolvedConfigJson.ToText(ResolvedConfig.From(ConfigLoader.Load(file, ConfigLimits.Default).Config!));
        string second = ResolvedConfigJson.ToText(ResolvedConfig.From(ConfigLoader.Load(file, ConfigLimits.Default).Config!));

        Assert.Multiple(() =>
        {
            Assert.That(second, Is.EqualTo(first));
            Assert.That(first, Does.Contain("\"b\": 1.5,"));
            Assert.That(first, Does.Contain("0.25"));
        });
    }

    [Test]
    public void ToJson_Mlp_WritesItsHiddenUnits()
    {
        using var folder = new TestFolder();
        string file = folder.Write("h.yaml", "name: h\nseeds: [1]\ndatasets: [{recipe: beans4, n: 10}]\nmodels: [logistic, {mlp: {hidden: 3}}]\nvariants: [adam]\n");

        string json = ResolvedConfigJson.ToText(ResolvedConfig.From(ConfigLoader.Load(file, ConfigLimits.Default).Config!));

        const string Expected =
            """
                  "models": [
                    {
                      "name": "logistic",
                      "loss": "mse"
                    },
                    {
                      "name": "mlp",
                      "loss": "mse",
                      "hidden": 3
                    }
                  ]
            """;
        Assert.That(json, Does.Contain(Expected.ReplaceLineEndings("\n")));
    }
}
