import Database

/// The schema migrations of `sql/`, compiled into the binary by the EmbedSQL plugin
/// (`EmbeddedMigrations.all`, generated), so `wblmatch migrate` works from any directory.
public enum EmbeddedMigrations {}
