import ArgumentParser

/// `wblmatch solve`: Compute a stable matching from a JSON instance file.
struct SolveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "solve", abstract: "Compute a stable matching from a JSON instance file.")

    func run() async throws {
        throw ValidationError("wblmatch solve is not built yet")
    }
}
