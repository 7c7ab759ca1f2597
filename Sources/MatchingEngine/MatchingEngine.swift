/// The MatchingEngine module. See ARCHITECTURE.md for what it owns.
enum MatchingEngineModule {}
