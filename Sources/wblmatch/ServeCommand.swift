import ArgumentParser
import Database
import Hummingbird
import Logging
import WebApp

/// `wblmatch serve`: Serve the web app.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the web app.",
        discussion: "Reads DATABASE_URL, HOST, PORT, PUBLIC_URL (links in guardian emails; https:// sets Secure cookies), MAIL_FROM, TZ, BCRYPT_COST and LOG_LEVEL."
    )

    @Option(help: "Address to listen on (default: HOST or 127.0.0.1).") var host: String?
    @Option(help: "Port to listen on (default: PORT or 8080).") var port: Int?
    @Option(help: "Database connections in the pool.") var poolSize: Int = 10

    func run() async throws {
        let config = try AppConfig()
        var logger = Logger(label: "wblmatch.serve")
        logger.logLevel = Logger.Level(rawValue: config.logLevel) ?? .info
        let pool = DatabasePool(url: config.databaseURL, size: poolSize, acquireTimeout: .seconds(10), logger: logger)
        var web = WebAppConfiguration(
            host: host ?? config.host, port: port ?? config.port, bcryptCost: config.bcryptCost,
            secureCookies: config.publicURL.lowercased().hasPrefix("https://")
        )
        web.guardians = GuardianSettings(publicURL: config.publicURL, mailFrom: config.mailFrom, timeZone: config.timeZone.identifier)
        let app = try await buildApplication(configuration: web, pool: pool, logger: logger)
        do {
            try await app.runService()
        } catch {
            await pool.close()
            throw error
        }
        await pool.close()
    }
}
