using System.Diagnostics;
using DescentLab.Output.History;
using DescentLab.Output.Site;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary>Republishes the history site for <c>serve</c>: at start and after every run, one publish at a time.</summary>
/// <remarks>A publish that fails is logged and left for the next run; the pages already there keep being served (every
/// file is replaced atomically).</remarks>
public sealed partial class SiteRefresher
{
    private readonly string _reportsRoot;
    private readonly string _history;
    private readonly ILogger<SiteRefresher> _logger;
    private readonly Lock _gate = new();

    /// <summary>A refresher of the configured site folder.</summary>
    public SiteRefresher(IOptions<DescentLabSettings> settings, IConfiguration configuration, ILogger<SiteRefresher> logger)
    {
        _reportsRoot = HostSetup.ReportsRoot(configuration);
        _history = settings.Value.History;
        SiteDir = settings.Value.SiteFolder(_reportsRoot);
        _logger = logger;
    }

    /// <summary>The site folder.</summary>
    public string SiteDir { get; }

    /// <summary>Publishes the history into <see cref="SiteDir"/>.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            long start = Stopwatch.GetTimestamp();
            try
            {
                var published = SitePublisher.Publish(_reportsRoot, SiteDir, HistoryLocation.Parse(_history, _reportsRoot));
                foreach (string note in published.Notes)
                {
                    LogNote(note);
                }

                LogPublished(published.Problems, published.Nights, published.Written.Count, published.Removed.Count, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
            catch (HistoryException ex)
            {
                LogNoHistory(ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogFailed(ex, SiteDir);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Site: {Problems} problem pages over {Nights} nights; {Written} files written, {Removed} removed in {ElapsedMs:0} ms")]
    private partial void LogPublished(int problems, int nights, int written, int removed, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site: {Note}")]
    private partial void LogNote(string note);

    [LoggerMessage(Level = LogLevel.Information, Message = "Site not published yet: {Reason}")]
    private partial void LogNoHistory(string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Site could not be published to {SiteDir}; it is tried again after the next run")]
    private partial void LogFailed(Exception exception, string siteDir);
}
