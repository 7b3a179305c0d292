namespace DescentLab.Tests.Support;

/// <summary>What a page reported while it loaded.</summary>
/// <param name="Url">The page.</param>
/// <param name="Errors">Console errors, uncaught exceptions and failed loads.</param>
/// <param name="Requests">Every request it made (its own file included).</param>
public sealed record PageVisit(string Url, IReadOnlyList<string> Errors, IReadOnlyList<string> Requests);
