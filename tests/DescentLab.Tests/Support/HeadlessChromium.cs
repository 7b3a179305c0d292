using System.Diagnostics;
using NUnit.Framework;

namespace DescentLab.Tests.Support;

/// <summary>Runs Debian's chromium headless to load a local page and dump its DOM after scripts ran.</summary>
public static class HeadlessChromium
{
    private static readonly string[] Names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

    /// <summary>The browser executable: DESCENTLAB_CHROMIUM, else the first of chromium, chromium-browser, google-chrome on PATH.</summary>
    /// <remarks>Fails the test (never skips) when there is none, saying how to install it.</remarks>
    public static string Find()
    {
        string? configured = Environment.GetEnvironmentVariable("DESCENTLAB_CHROMIUM");
        if (!string.IsNullOrEmpty(configured) && File.Exists(configured))
        {
            return configured;
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string name in Names)
        {
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        Assert.Fail("Chromium is not installed, so report.html cannot be checked in a browser. Install it with "
            + "'apt-get update && apt-get install -y chromium chromium-driver' (Debian), or set DESCENTLAB_CHROMIUM to a Chrome/Chromium executable.");
        return string.Empty;
    }

    /// <summary>Loads <paramref name="htmlPath"/> from disk with a fresh profile and returns the DOM after load.</summary>
    /// <param name="htmlPath">The page.</param>
    /// <param name="profileFolder">A fresh profile folder.</param>
    /// <param name="windowSize">The window, e.g. <c>1280,800</c>, or null for Chromium's default.</param>
    public static string DumpDom(string htmlPath, string profileFolder, string? windowSize = null)
    {
        var start = new ProcessStartInfo(Find())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--allow-file-access-from-files", "--virtual-time-budget=15000",
            "--user-data-dir=" + profileFolder, "--dump-dom", new Uri(htmlPath).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(argument);
        }

        if (windowSize is not null)
        {
            start.ArgumentList.Insert(0, "--window-size=" + windowSize);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("chromium did not finish within 90 s.");
        }

        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            Assert.Fail($"chromium exited with {process.ExitCode}: {stderr.Result}");
        }

        return stdout.Result;
    }
}
