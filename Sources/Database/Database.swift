/// The Database module. See ARCHITECTURE.md for what it owns.
enum DatabaseModule {}
