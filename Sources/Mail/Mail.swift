/// The Mail module. See ARCHITECTURE.md for what it owns.
enum MailModule {}
