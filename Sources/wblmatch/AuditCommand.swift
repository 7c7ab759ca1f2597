import ArgumentParser

/// `wblmatch audit`: Print the audit log.
struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "Print the audit log.")

    func run() async throws {
        throw ValidationError("wblmatch audit is not built yet")
    }
}
