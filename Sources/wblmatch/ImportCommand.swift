import ArgumentParser

/// `wblmatch import`: Import a CSV file of employers, slots, students, choices, referrals or rankings.
struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "import", abstract: "Import a CSV file of employers, slots, students, choices, referrals or rankings.")

    func run() async throws {
        throw ValidationError("wblmatch import is not built yet")
    }
}
