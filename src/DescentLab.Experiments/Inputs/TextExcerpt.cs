using System.Text;

namespace DescentLab.Experiments.Inputs;

/// <summary>A short, escaped excerpt of a user's file for an error message, so a message never echoes a whole line
/// (a header line of <c>/proc/self/environ</c> is the environment) or control characters into a log.</summary>
public static class TextExcerpt
{
    /// <summary>Longest excerpt in characters before it is cut with an ellipsis.</summary>
    public const int MaxLength = 32;

    /// <summary>At most <see cref="MaxLength"/> characters of <paramref name="text"/>, control characters as <c>\xNN</c>.</summary>
    public static string Of(ReadOnlySpan<char> text)
    {
        var excerpt = new StringBuilder();
        int i = 0;
        for (; i < text.Length && excerpt.Length < MaxLength; i++)
        {
            char c = text[i];
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                excerpt.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                excerpt.Append(c);
            }
        }

        return i < text.Length ? excerpt.Append("...").ToString() : excerpt.ToString();
    }

    /// <summary>The excerpt of UTF-8 <paramref name="utf8"/> (invalid bytes become U+FFFD).</summary>
    public static string Of(ReadOnlySpan<byte> utf8) => Of(Encoding.UTF8.GetString(utf8[..Math.Min(utf8.Length, MaxLength * 4)]));
}
