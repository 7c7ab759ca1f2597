import ArgumentParser

/// `wblmatch migrate`: Apply the database migrations that are pending (--status lists them).
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "migrate", abstract: "Apply the database migrations that are pending (--status lists them).")

    func run() async throws {
        throw ValidationError("wblmatch migrate is not built yet")
    }
}
