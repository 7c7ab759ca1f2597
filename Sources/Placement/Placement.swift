/// The Placement module. See ARCHITECTURE.md for what it owns.
enum PlacementModule {}
