import ArgumentParser

/// `wblmatch serve`: Serve the web app.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Serve the web app.")

    func run() async throws {
        throw ValidationError("wblmatch serve is not built yet")
    }
}
