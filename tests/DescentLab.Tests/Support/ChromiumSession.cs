using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>One headless Chromium driven over the DevTools protocol: load pages one after another in the same tab and see
/// their console errors, uncaught exceptions, failed loads and every network request, and evaluate script in them.</summary>
public sealed class ChromiumSession : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _browser;
    private readonly ClientWebSocket _socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> _pending = [];
    private readonly List<JsonNode> _events = [];
    private readonly Lock _gate = new();
    private readonly Task _reader;
    private int _nextId;

    /// <summary>Starts the browser with a fresh profile in <paramref name="profileFolder"/>.</summary>
    public ChromiumSession(string profileFolder)
    {
        var start = new ProcessStartInfo(HeadlessChromium.Find()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--window-size=1280,900", "--remote-debugging-port=0",
            "--user-data-dir=" + profileFolder, "about:blank",
        })
        {
            start.ArgumentList.Add(argument);
        }

        _browser = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        _browser.OutputDataReceived += (_, _) => { };
        _browser.ErrorDataReceived += (_, _) => { };
        _browser.BeginOutputReadLine();
        _browser.BeginErrorReadLine();
        string port = Port(Path.Combine(profileFolder, "DevToolsActivePort"));
        using var http = new HttpClient();
        var targets = JsonNode.Parse(http.GetStringAsync($"http://127.0.0.1:{port}/json/list").GetAwaiter().GetResult())!.AsArray();
        string page = targets.First(t => (string?)t!["type"] == "page")!["webSocketDebuggerUrl"]!.GetValue<string>();
        _socket.ConnectAsync(new Uri(page), CancellationToken.None).GetAwaiter().GetResult();
        _reader = Task.Run(ReadAsync);
        foreach (string domain in new[] { "Runtime", "Log", "Network", "Page" })
        {
            Send(domain + ".enable");
        }
    }

    /// <summary>Loads <paramref name="url"/>, waits for its load event and two animation frames (charts drawn), and
    /// returns what the page reported meanwhile.</summary>
    public PageVisit Visit(string url)
    {
        lock (_gate)
        {
            _events.Clear();
        }

        Send("Page.navigate", new JsonObject { ["url"] = url });
        var deadline = DateTime.UtcNow + Patience;
        while (!Events().Any(e => (string?)e["method"] == "Page.loadEventFired"))
        {
            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), $"{url} did not finish loading");
            Thread.Sleep(20);
        }

        Evaluate("new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))");
        var events = Events();
        var errors = events.Select(Error).OfType<string>().ToList();
        var requests = events.Where(e => (string?)e["method"] == "Network.requestWillBeSent")
            .Select(e => e["params"]!["request"]!["url"]!.GetValue<string>())
            .ToList();
        return new PageVisit(url, errors, requests);
    }

    /// <summary>The value of <paramref name="expression"/> in the page (a promise is awaited).</summary>
    public JsonNode? Evaluate(string expression)
    {
        var result = Send("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        Assert.That(result["exceptionDetails"], Is.Null, $"script failed: {expression}\n{result["exceptionDetails"]?.ToJsonString()}");
        return result["result"]!["value"];
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _socket.Abort();
            _reader.Wait(TimeSpan.FromSeconds(5));
            _socket.Dispose();
        }
        finally
        {
            if (!_browser.HasExited)
            {
                _browser.Kill(entireProcessTree: true);
            }

            _browser.WaitForExit();
            _browser.Dispose();
        }
    }

    private static string Port(string activePortFile)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            if (File.Exists(activePortFile) && File.ReadAllLines(activePortFile) is [{ Length: > 0 } port, ..])
            {
                return port;
            }

            Assert.That(DateTime.UtcNow, Is.LessThan(deadline), "chromium did not open its DevTools port");
            Thread.Sleep(50);
        }
    }

    // A console error, an uncaught exception, or a failed load (Chromium logs those as errors).
    private static string? Error(JsonNode e)
    {
        var p = e["params"];
        return (string?)e["method"] switch
        {
            "Runtime.consoleAPICalled" when (string?)p!["type"] is "error" or "assert" => "console: " + p["args"]!.ToJsonString(),
            "Runtime.exceptionThrown" => "exception: " + p!["exceptionDetails"]!.ToJsonString(),
            "Log.entryAdded" when (string?)p!["entry"]!["level"] == "error" => "log: " + p["entry"]!.ToJsonString(),
            _ => null,
        };
    }

    private List<JsonNode> Events()
    {
        lock (_gate)
        {
            return [.. _events];
        }
    }

    private JsonNode Send(string method, JsonObject? parameters = null)
    {
        var done = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        int id;
        lock (_gate)
        {
            id = ++_nextId;
            _pending[id] = done;
        }

        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? [] };
        _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None).GetAwaiter().GetResult();
        Assert.That(done.Task.Wait(Patience), Is.True, $"chromium did not answer {method}");
        var reply = done.Task.Result;
        Assert.That(reply["error"], Is.Null, $"{method} failed: {reply["error"]?.ToJsonString()}");
        return reply["result"]!;
    }

    private async Task ReadAsync()
    {
        var buffer = new byte[1 << 16];
        using var message = new MemoryStream();
        while (_socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult received;
            try
            {
                received = await _socket.ReceiveAsync(buffer, CancellationToken.None);
            }
            catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }

            message.Write(buffer, 0, received.Count);
            if (!received.EndOfMessage)
            {
                continue;
            }

            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            lock (_gate)
            {
                if (node["id"] is { } id && _pending.Remove(id.GetValue<int>(), out var done))
                {
                    done.SetResult(node);
                }
                else if (node["method"] is not null)
                {
                    _events.Add(node);
                }
            }
        }
    }
}
