/// The Jobs module. See ARCHITECTURE.md for what it owns.
enum JobsModule {}
