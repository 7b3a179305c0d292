namespace DescentLab.Output.History;

/// <summary>The history database schema and its forward migrations, one per version.</summary>
/// <remarks>The version lives in <c>PRAGMA user_version</c>; <c>PRAGMA application_id</c> marks the file as ours, so another
/// application's SQLite file is recognised and left alone. A new file goes through every migration, so the oldest one is
/// exercised on every fresh database. Never edit a released migration: append one.</remarks>
internal static class HistorySchema
{
    /// <summary>"DLHI" in ASCII: SQLite's application_id for DescentLab history databases.</summary>
    public const long ApplicationId = 0x444C4849;

    /// <summary>Migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1: the run sets and the metrics the regression check reads.
        $"""
        PRAGMA application_id = {ApplicationId};
        CREATE TABLE run_sets (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            config_name TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            finished_utc TEXT NOT NULL,
            complete INTEGER NOT NULL,
            run_dir TEXT NOT NULL);
        CREATE INDEX run_sets_by_config ON run_sets (config_name, complete, id);
        CREATE TABLE runs (
            run_set_id INTEGER NOT NULL REFERENCES run_sets (id),
            run_id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            model TEXT NOT NULL,
            variant TEXT NOT NULL,
            seed INTEGER NOT NULL,
            status TEXT NOT NULL,
            final_gap REAL,
            epochs_to_target INTEGER,
            PRIMARY KEY (run_set_id, run_id));
        """,

        // v2: where a run set came from, and every other summary column, so a past run set reads back as full rows.
        """
        ALTER TABLE run_sets ADD COLUMN git_commit TEXT;
        ALTER TABLE run_sets ADD COLUMN shard TEXT;
        ALTER TABLE runs ADD COLUMN dataset_key TEXT;
        ALTER TABLE runs ADD COLUMN recipe TEXT;
        ALTER TABLE runs ADD COLUMN n INTEGER;
        ALTER TABLE runs ADD COLUMN loss TEXT;
        ALTER TABLE runs ADD COLUMN lr REAL;
        ALTER TABLE runs ADD COLUMN step REAL;
        ALTER TABLE runs ADD COLUMN batch INTEGER;
        ALTER TABLE runs ADD COLUMN shuffle INTEGER;
        ALTER TABLE runs ADD COLUMN hyper TEXT;
        ALTER TABLE runs ADD COLUMN epochs INTEGER;
        ALTER TABLE runs ADD COLUMN steps INTEGER;
        ALTER TABLE runs ADD COLUMN final_loss REAL;
        ALTER TABLE runs ADD COLUMN optimum_loss REAL;
        ALTER TABLE runs ADD COLUMN optimum_attained INTEGER;
        ALTER TABLE runs ADD COLUMN grad_evals_to_target INTEGER;
        ALTER TABLE runs ADD COLUMN grad_evals INTEGER;
        ALTER TABLE runs ADD COLUMN final_parameters TEXT;
        ALTER TABLE runs ADD COLUMN message TEXT;
        ALTER TABLE runs ADD COLUMN wall_ms REAL;
        """,

        // v3: the reference kind and the final accuracy (rows recorded before read both as unknown).
        """
        ALTER TABLE runs ADD COLUMN optimum_kind TEXT;
        ALTER TABLE runs ADD COLUMN accuracy REAL;
        """,

        // v4: the trial and phase of a tuned run (rows recorded before, and untuned ones, read both as empty).
        """
        ALTER TABLE runs ADD COLUMN trial INTEGER;
        ALTER TABLE runs ADD COLUMN phase TEXT;
        """,
    ];

    /// <summary>The version a fresh or migrated database ends at.</summary>
    public static int CurrentVersion => Migrations.Count;
}
