using DescentLab.Tests.Support;
using NUnit.Framework;

namespace DescentLab.Tests.Output.History.Stores;

/// <summary>Starts the one PostgreSQL server the store tests share (<see cref="PostgresServer.Shared"/>) before the first of
/// them and stops it after the last.</summary>
[SetUpFixture]
public sealed class PostgresServerFixture
{
    /// <summary>Starts it (a test that needs it is skipped, or under CI fails, with the reason when it cannot start).</summary>
    [OneTimeSetUp]
    public void StartServer() => PostgresServer.StartShared();

    /// <summary>Stops it.</summary>
    [OneTimeTearDown]
    public void StopServer() => PostgresServer.StopShared();
}
