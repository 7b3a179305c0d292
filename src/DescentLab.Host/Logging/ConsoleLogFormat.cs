namespace DescentLab.Host.Logging;

/// <summary>How log events reach the console (stderr): the <c>DescentLab:ConsoleLog</c> setting.</summary>
public enum ConsoleLogFormat
{
    /// <summary>One human line per event: <c>[02:00:01 INF] message</c>.</summary>
    Text,

    /// <summary>One compact JSON object per line (CLEF, with the rendered message in <c>@m</c>), for log collectors.</summary>
    Json,

    /// <summary>No console sink: events go only to the log file and to the sinks of <c>Serilog:WriteTo</c>.</summary>
    None,
}
