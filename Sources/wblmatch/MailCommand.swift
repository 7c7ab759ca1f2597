import ArgumentParser
import Database
import Foundation
import Mail

/// `wblmatch mail send`: deliver the queued emails now, without waiting for a worker's next pass.
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail", abstract: "Deliver queued emails.",
        subcommands: [Send.self])

    struct Send: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Deliver every due email in the outbox now (SMTP_URL, or .eml files in OUTBOX_DIR when it is unset).")

        @Option(help: "Most emails to try in this pass.") var limit: Int = 10_000

        func run() async throws {
            let config = try AppConfig()
            let transport = try MailTransports.make(environment: ProcessInfo.processInfo.environment)
            let pool = DatabasePool(url: config.databaseURL, size: 2)
            let report: DeliveryReport
            do {
                report = try await OutboxSender(pool: pool, transport: transport).deliverDue(limit: limit)
            } catch {
                await pool.close()
                throw error
            }
            await pool.close()
            print("\(report.sent.count) sent, \(report.retrying.count) to retry, \(report.failed.count) failed, \(report.postponed) postponed")
            if let lastError = report.lastError { print("last error: \(lastError)") }
            if !report.retrying.isEmpty || !report.failed.isEmpty || report.postponed > 0 { throw ExitCode(1) }
        }
    }
}
