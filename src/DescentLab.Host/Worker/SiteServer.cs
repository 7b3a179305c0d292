using System.Net;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DescentLab.Host.Worker;

/// <summary><c>serve</c> with <c>DescentLab:ServeSite</c>: publishes the history site and serves its folder read-only
/// over HTTP at <c>DescentLab:SiteUrl</c> (localhost unless changed) with the BCL's HttpListener.</summary>
/// <remarks>GET and HEAD only (405 otherwise); a path outside the site folder, a hidden file or a missing one is 404.
/// An address that cannot be listened on is a bad setting: exit code 2 and the host stops.</remarks>
public sealed partial class SiteServer : BackgroundService
{
    private readonly string _url;
    private readonly SiteRefresher _site;
    private readonly ILogger<SiteServer> _logger;
    private readonly IHostApplicationLifetime _lifetime;

    /// <summary>A server of the refresher's site folder.</summary>
    public SiteServer(IOptions<DescentLabSettings> settings, SiteRefresher site, ILogger<SiteServer> logger, IHostApplicationLifetime lifetime)
    {
        _url = settings.Value.SiteUrl;
        _site = site;
        _logger = logger;
        _lifetime = lifetime;
    }

    /// <summary>Set once the listener accepts requests (for tests and status).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _site.Refresh();
        using var listener = new HttpListener();
        try
        {
            listener.Prefixes.Add(_url);
            listener.Start();
        }
        catch (Exception ex) when (ex is HttpListenerException or ArgumentException)
        {
            LogCannotListen(_url, ex.Message);
            Environment.ExitCode = Commands.ExitCodes.BadInput;
            _listening.TrySetException(ex);
            _lifetime.StopApplication();
            return;
        }

        LogServing(_url, _site.SiteDir);
        _listening.TrySetResult();
        using var stop = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException && stoppingToken.IsCancellationRequested)
            {
                break;
            }

            _ = Task.Run(() => Respond(context), CancellationToken.None);
        }
    }

    private void Respond(HttpListenerContext context)
    {
        var response = context.Response;
        try
        {
            string method = context.Request.HttpMethod;
            if (method is not ("GET" or "HEAD"))
            {
                response.StatusCode = (int)HttpStatusCode.MethodNotAllowed;
                response.AddHeader("Allow", "GET, HEAD");
                return;
            }

            if (SiteFiles.Resolve(_site.SiteDir, context.Request.RawUrl) is not { } file)
            {
                response.StatusCode = (int)HttpStatusCode.NotFound;
                return;
            }

            byte[] bytes = File.ReadAllBytes(file);
            response.ContentType = SiteFiles.ContentType(file);
            response.AddHeader("X-Content-Type-Options", "nosniff");
            response.AddHeader("Cache-Control", "no-cache");
            response.ContentLength64 = bytes.Length;
            if (method == "GET")
            {
                response.OutputStream.Write(bytes);
            }
        }
        catch (Exception ex) when (ex is IOException or HttpListenerException or UnauthorizedAccessException)
        {
            LogResponseFailed(context.Request.RawUrl, ex.Message);
        }
        finally
        {
            try
            {
                response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                LogResponseFailed(context.Request.RawUrl, ex.Message);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the history site {SiteDir} at {Url} (read-only)")]
    private partial void LogServing(string url, string siteDir);

    [LoggerMessage(Level = LogLevel.Error, Message = "Setting DescentLab:SiteUrl is invalid: cannot listen at {Url}: {Reason}")]
    private partial void LogCannotListen(string url, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Site request {Path} failed: {Reason}")]
    private partial void LogResponseFailed(string? path, string reason);
}
