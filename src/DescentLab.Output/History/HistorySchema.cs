namespace DescentLab.Output.History;

/// <summary>The history database schema and its forward migrations, one per version, for SQLite and PostgreSQL alike.</summary>
/// <remarks>Types are written as tokens the dialect renders (<see cref="HistoryDialect.Render"/>): <c>{id}</c> the
/// run set key, <c>{integer}</c> a 64-bit integer, <c>{real}</c> a double, <c>{row_order}</c> the column keeping runs in
/// plan order where the database has no rowid; TEXT is TEXT everywhere. Where the version lives and how a database is
/// recognised as ours is the dialect's too. A new database goes through every migration, so the oldest one is exercised
/// on every fresh database. Never edit a released migration: append one.</remarks>
internal static class HistorySchema
{
    /// <summary>"DLHI" in ASCII: SQLite's application_id for DescentLab history databases.</summary>
    public const long ApplicationId = 0x444C4849;

    /// <summary>Migration <c>i</c> takes the schema from version <c>i</c> to <c>i + 1</c>.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        // v1: the run sets and the metrics the regression check reads.
        """
        CREATE TABLE run_sets (
            id {id},
            config_name TEXT NOT NULL,
            config_hash TEXT NOT NULL,
            started_utc TEXT NOT NULL,
            finished_utc TEXT NOT NULL,
            complete {integer} NOT NULL,
            run_dir TEXT NOT NULL);
        CREATE INDEX run_sets_by_config ON run_sets (config_name, complete, id);
        CREATE TABLE runs (
            {row_order}
            run_set_id {integer} NOT NULL REFERENCES run_sets (id),
            run_id TEXT NOT NULL,
            dataset TEXT NOT NULL,
            model TEXT NOT NULL,
            variant TEXT NOT NULL,
            seed {integer} NOT NULL,
            status TEXT NOT NULL,
            final_gap {real},
            epochs_to_target {integer},
            PRIMARY KEY (run_set_id, run_id));
        """,

        // v2: where a run set came from, and every other summary column, so a past run set reads back as full rows.
        """
        ALTER TABLE run_sets ADD COLUMN git_commit TEXT;
        ALTER TABLE run_sets ADD COLUMN shard TEXT;
        ALTER TABLE runs ADD COLUMN dataset_key TEXT;
        ALTER TABLE runs ADD COLUMN recipe TEXT;
        ALTER TABLE runs ADD COLUMN n {integer};
        ALTER TABLE runs ADD COLUMN loss TEXT;
        ALTER TABLE runs ADD COLUMN lr {real};
        ALTER TABLE runs ADD COLUMN step {real};
        ALTER TABLE runs ADD COLUMN batch {integer};
        ALTER TABLE runs ADD COLUMN shuffle {integer};
        ALTER TABLE runs ADD COLUMN hyper TEXT;
        ALTER TABLE runs ADD COLUMN epochs {integer};
        ALTER TABLE runs ADD COLUMN steps {integer};
        ALTER TABLE runs ADD COLUMN final_loss {real};
        ALTER TABLE runs ADD COLUMN optimum_loss {real};
        ALTER TABLE runs ADD COLUMN optimum_attained {integer};
        ALTER TABLE runs ADD COLUMN grad_evals_to_target {integer};
        ALTER TABLE runs ADD COLUMN grad_evals {integer};
        ALTER TABLE runs ADD COLUMN final_parameters TEXT;
        ALTER TABLE runs ADD COLUMN message TEXT;
        ALTER TABLE runs ADD COLUMN wall_ms {real};
        """,

        // v3: the reference kind and the final accuracy (rows recorded before read both as unknown).
        """
        ALTER TABLE runs ADD COLUMN optimum_kind TEXT;
        ALTER TABLE runs ADD COLUMN accuracy {real};
        """,

        // v4: the machine each run set ran on and its environment (run sets recorded before read as unknown).
        """
        ALTER TABLE run_sets ADD COLUMN machine TEXT;
        ALTER TABLE run_sets ADD COLUMN operating_system TEXT;
        ALTER TABLE run_sets ADD COLUMN runtime TEXT;
        ALTER TABLE run_sets ADD COLUMN cpu_model TEXT;
        ALTER TABLE run_sets ADD COLUMN processors {integer};
        ALTER TABLE run_sets ADD COLUMN architecture TEXT;
        ALTER TABLE run_sets ADD COLUMN descentlab_version TEXT;
        CREATE INDEX run_sets_by_machine ON run_sets (config_name, machine, complete, id);
        """,

        // v5: the trial and phase of a tuned run (rows recorded before, and untuned ones, read both as empty).
        """
        ALTER TABLE runs ADD COLUMN trial {integer};
        ALTER TABLE runs ADD COLUMN phase TEXT;
        """,

        // v6: each run set's trend points, so a trend does not read every run of every night (run sets recorded before
        // have none: their points are computed from their runs when read).
        """
        CREATE TABLE trend_points (
            run_set_id {integer} NOT NULL REFERENCES run_sets (id),
            position {integer} NOT NULL,
            problem TEXT NOT NULL,
            setting TEXT NOT NULL,
            variant TEXT NOT NULL,
            median_final_gap {real},
            median_epochs_to_target {real},
            leader {integer} NOT NULL,
            median_accuracy {real},
            PRIMARY KEY (run_set_id, position));
        """,
    ];

    /// <summary>The version a fresh or migrated database ends at.</summary>
    public static int CurrentVersion => Migrations.Count;
}
