using DescentLab.Core.Tuning;

namespace DescentLab.Core.Variants;

/// <summary>What a catalog entry says about a variant besides its update rule.</summary>
/// <param name="Name">Config key, e.g. <c>adam</c>.</param>
/// <param name="Description">One line for <c>descentlab variants</c>.</param>
/// <param name="Family">Plot panel the variant is drawn in (<see cref="VariantFamily"/> or a name of its own).</param>
/// <param name="Colour">Base colour in plots, <c>#rrggbb</c>; a sweep's settings are shades of it.</param>
/// <param name="BatchMode">Samples per update.</param>
/// <param name="Parameters">Hyper-parameters with defaults and ranges.</param>
/// <param name="DefaultBatch">Batch size when the mode is configurable and the config gives none; null means all samples.</param>
/// <param name="Space">The default search space of <c>tune:</c> (null: nothing to tune).</param>
public sealed record VariantInfo(
    string Name,
    string Description,
    string Family,
    string Colour,
    BatchMode BatchMode,
    IReadOnlyList<HyperParameter> Parameters,
    int? DefaultBatch = null,
    IReadOnlyList<SearchDimension>? Space = null);
