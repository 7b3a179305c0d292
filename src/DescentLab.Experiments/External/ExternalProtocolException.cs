namespace DescentLab.Experiments.External;

/// <summary>An external process broke the protocol (malformed line, wrong length, early exit, timeout); the message
/// carries the cause and the tail of its stderr.</summary>
public sealed class ExternalProtocolException(string message) : Exception(message);
