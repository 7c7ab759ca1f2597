import ArgumentParser

/// `wblmatch worker`: Run a job worker (match runs, emails, maintenance).
struct WorkerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "worker", abstract: "Run a job worker (match runs, emails, maintenance).")

    func run() async throws {
        throw ValidationError("wblmatch worker is not built yet")
    }
}
