using System.Security.Cryptography;
using System.Text;

namespace DescentLab.Output.Site;

/// <summary>Short content hashes for page names.</summary>
internal static class SiteHash
{
    /// <summary>The first 8 hex digits of the SHA-256 of <paramref name="text"/> (UTF-8).</summary>
    public static string Short(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
}
