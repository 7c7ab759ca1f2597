/// The Store module. See ARCHITECTURE.md for what it owns.
enum StoreModule {}
