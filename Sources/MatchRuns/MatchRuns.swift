/// The MatchRuns module. See ARCHITECTURE.md for what it owns.
enum MatchRunsModule {}
