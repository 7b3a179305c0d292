using System.Net;
using System.Net.Sockets;
using System.Text;
using DescentLab.Host;
using DescentLab.Host.Worker;
using DescentLab.Tests.Output.Site;
using DescentLab.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NUnit.Framework;

namespace DescentLab.Tests.Host.Worker;

public sealed class SiteServerTests
{
    [Test]
    public async Task Serve_GivesThePagesReadOnly_AndRefusesEveryWayOutOfTheSite()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        int port = FreePort();
        var (refresher, _) = Site(folder.FullPath, port);
        using var server = new SiteServer(Options.Create(new DescentLabSettings { SiteUrl = $"http://localhost:{port}/" }), refresher, NullLogger<SiteServer>.Instance, new Lifetime());
        await server.StartAsync(CancellationToken.None);
        try
        {
            await server.Listening.WaitAsync(TimeSpan.FromSeconds(60));
            using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}/") };
            string root = await http.GetStringAsync("/");
            using var script = await http.GetAsync("/assets/site.js");
            using var post = await http.PostAsync("/index.html", new StringContent("x"));
            string[] escapes = ["/../history.db", "/%2e%2e/history.db", "/assets/../../history.db", "/%2e%2e%2fhistory.db", "/..%5chistory.db", "/nights/%2e%2e/%2e%2e/history.db"];
            var statuses = new List<string>();
            foreach (string escape in escapes)
            {
                statuses.Add(await RawStatusLine(port, escape));
            }

            Assert.Multiple(() =>
            {
                Assert.That(root, Is.EqualTo(File.ReadAllText(folder.PathOf("site", "index.html"))));
                Assert.That(script.StatusCode, Is.EqualTo(HttpStatusCode.OK));
                Assert.That(script.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/javascript"));
                Assert.That(post.StatusCode, Is.EqualTo(HttpStatusCode.MethodNotAllowed));
                Assert.That(statuses, Is.All.EqualTo("HTTP/1.1 404 Not Found"), string.Join(", ", escapes));
            });
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    [Test]
    public async Task AfterARun_TheSiteShowsTheNewNight()
    {
        using var folder = new TempFolder();
        SiteHistory.Build(folder.FullPath);
        var (refresher, site) = Site(folder.FullPath, FreePort());
        refresher.Refresh();
        var runner = new PublishingConfigRunner(new AddingRunner(folder.FullPath), refresher);

        int exitCode = await runner.RunAsync("configs/weekly.yaml", CancellationToken.None);

        Assert.That(exitCode, Is.EqualTo(3), "the run's exit code, whatever publishing did");
        Assert.That(File.ReadAllText(Path.Combine(site, "index.html")), Does.Contain($"{SiteHistory.NightlyNights + SiteHistory.WeeklyNights + 1} nights of 2 configs"));
    }

    [TestCase("/", "index.html")]
    [TestCase("/assets/site.js?v=1", "assets/site.js")]
    [TestCase("/assets/", null)]
    [TestCase("/.hidden", null)]
    [TestCase("/assets/%2e%2e/index.html", null)]
    [TestCase("/index.html%00.png", null)]
    [TestCase("//etc/passwd", null)]
    public void Resolve_MapsInsideTheSiteOnly(string rawUrl, string? expected)
    {
        using var folder = new TempFolder();
        folder.Write("index.html", "<p>home</p>");
        folder.Write("assets/site.js", "// js");
        folder.Write(".hidden", "secret");

        string? resolved = SiteFiles.Resolve(folder.FullPath, rawUrl);

        Assert.That(resolved, Is.EqualTo(expected is null ? null : folder.PathOf(expected.Split('/'))));
    }

    private static (SiteRefresher Refresher, string SiteDir) Site(string reportsRoot, int port)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["DescentLab:ReportsDir"] = reportsRoot })
            .Build();
        var settings = Options.Create(new DescentLabSettings { ReportsDir = reportsRoot, SiteUrl = $"http://localhost:{port}/" });
        var refresher = new SiteRefresher(settings, configuration, NullLogger<SiteRefresher>.Instance);
        return (refresher, refresher.SiteDir);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    // HttpClient would normalise the dots away, so the request line is written by hand.
    private static async Task<string> RawStatusLine(int port, string target)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {target} HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? string.Empty;
    }

    private sealed class AddingRunner(string reportsRoot) : IConfigRunner
    {
        public Task<int> RunAsync(string configPath, CancellationToken cancellationToken)
        {
            SiteHistory.AddNight(reportsRoot, "weekly", SiteHistory.WeeklyNights + 1, 2e-4);
            return Task.FromResult(3);
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication()
        {
        }
    }
}
