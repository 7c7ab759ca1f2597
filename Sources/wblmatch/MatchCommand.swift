import ArgumentParser

/// `wblmatch match`: Run, show and publish match runs.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "match", abstract: "Run, show and publish match runs.")

    func run() async throws {
        throw ValidationError("wblmatch match is not built yet")
    }
}
