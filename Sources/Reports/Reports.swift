/// The Reports module. See ARCHITECTURE.md for what it owns.
enum ReportsModule {}
