import ArgumentParser

/// `wblmatch user`: Add users, change their roles, disable them.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Add users, change their roles, disable them.")

    func run() async throws {
        throw ValidationError("wblmatch user is not built yet")
    }
}
