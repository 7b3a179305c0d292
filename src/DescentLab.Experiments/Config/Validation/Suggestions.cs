namespace DescentLab.Experiments.Config.Validation;

/// <summary>Did-you-mean hints for misspelt keys and names.</summary>
internal static class Suggestions
{
    /// <summary>The one candidate closest to <paramref name="given"/>, or null when none is close or two are equally close.</summary>
    /// <remarks>Close means an edit distance (with transpositions) of at most 2, ignoring case, or that one is a prefix of
    /// the other. A tie is no hint: <c>beans9</c> is one edit from every recipe, and naming one of them would mislead.</remarks>
    public static string? Closest(string given, IEnumerable<string> candidates)
    {
        string lower = given.ToLowerInvariant();
        string? best = null;
        int bestScore = int.MaxValue;
        bool tie = false;
        foreach (string candidate in candidates)
        {
            int score = Score(lower, candidate.ToLowerInvariant());
            if (score < bestScore)
            {
                (best, bestScore, tie) = (candidate, score, false);
            }
            else if (score == bestScore)
            {
                tie = true;
            }
        }

        return best is not null && bestScore <= 3 && !tie ? best : null;
    }

    /// <summary><c>unknown variant 'sdg' (did you mean 'sgd'?); valid variants: closed_form, batch, ...</c></summary>
    public static string UnknownName(string kind, string given, IReadOnlyList<string> valid)
    {
        string? hint = Closest(given, valid);
        string mean = hint is null ? string.Empty : $" (did you mean '{hint}'?)";
        return $"unknown {kind} '{given}'{mean}; valid {kind}s: {string.Join(", ", valid)}";
    }

    /// <summary>0..2 for the edit distance, 3 for a prefix match, more otherwise.</summary>
    private static int Score(string given, string candidate)
    {
        int distance = Distance(given, candidate);
        if (distance <= 2)
        {
            return distance;
        }

        bool prefix = given.Length >= 2 && (candidate.StartsWith(given, StringComparison.Ordinal) || given.StartsWith(candidate, StringComparison.Ordinal));
        return prefix ? 3 : int.MaxValue;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (int j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
