import ArgumentParser

/// `wblmatch jobs`: List, show, retry, cancel or discard jobs.
struct JobsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "jobs", abstract: "List, show, retry, cancel or discard jobs.")

    func run() async throws {
        throw ValidationError("wblmatch jobs is not built yet")
    }
}
