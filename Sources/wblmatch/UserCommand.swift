import ArgumentParser
import Database
import Foundation
import Logging
import Store
import WebApp

/// `wblmatch user`: Add users, change their roles, disable them.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "Add users, change their roles, disable them, issue API tokens.",
        subcommands: [Add.self, Role.self, Disable.self, Enable.self, Password.self, Token.self]
    )

    /// The password comes from the environment (WBLMATCH_PASSWORD) or standard input, never the command line.
    static func readPassword() throws -> String {
        if let value = ProcessInfo.processInfo.environment["WBLMATCH_PASSWORD"], !value.isEmpty { return value }
        if isatty(0) == 0, let line = readLine(strippingNewline: true), !line.isEmpty { return line }
        throw ValidationError("give the password in WBLMATCH_PASSWORD or on standard input (echo \"$PW\" | wblmatch user add ...)")
    }

    static func parseRole(_ text: String) throws -> UserRole {
        guard let role = UserRole(rawValue: text) else {
            throw ValidationError("--role \(text) is not one of \(UserRole.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return role
    }

    static func pool() throws -> DatabasePool {
        let config = try AppConfig()
        return DatabasePool(url: config.databaseURL, size: 1, acquireTimeout: .seconds(10), logger: Logger(label: "wblmatch.user"))
    }

    static func account(_ store: UserAccountStore, email: String) async throws -> UserAccount {
        guard let account = try await store.find(email: email) else {
            throw ValidationError("no user has the email \(email) (wblmatch user add creates one)")
        }
        return account
    }

    /// An organization by code (`clovis-hs`) or numeric id.
    static func organization(_ store: UserAccountStore, _ text: String) async throws -> Int64 {
        if let id = try await store.organizationID(code: text) { return id }
        if let id = Int64(text) { return id }
        throw ValidationError("--organization \(text): no organization has this code (organizations.code)")
    }

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user; the password is read from WBLMATCH_PASSWORD or standard input.")
        @Option(help: "Email address (unique).") var email: String
        @Option(help: "Full name.") var name: String
        @Option(help: "coordinator, edc_staff, counselor, case_worker or employer.") var role: String
        @Option(help: "The user's organization: its code (clovis-hs) or id.") var organization: String
        @Flag(help: "Coordinators only: may see juvenile-services referrals.") var canViewJuvenile = false

        func run() async throws {
            let role = try UserCommand.parseRole(role)
            let password = try UserCommand.readPassword()
            guard password.count >= 10 else { throw ValidationError("the password must have at least 10 characters") }
            let config = try AppConfig()
            let hash = try await PasswordHasher(cost: config.bcryptCost).hash(password)
            let store = UserAccountStore(pool: try UserCommand.pool())
            let organizationID = try await UserCommand.organization(store, organization)
            do {
                let user = try await store.create(email: email, name: name, role: role, organizationID: organizationID,
                                                  canViewJuvenile: canViewJuvenile, passwordHash: hash)
                print("added user \(user.id) \(user.email) (\(user.role.rawValue))")
            } catch let error as DatabaseError where error.isUniqueViolation {
                throw ValidationError("a user with the email \(email) exists already")
            }
        }
    }

    struct Role: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Change a user's role (and organization).")
        @Option(help: "The user's email.") var email: String
        @Option(help: "The new role.") var role: String
        @Option(help: "The user's organization (code or id); kept when not given.") var organization: String?

        func run() async throws {
            let role = try UserCommand.parseRole(role)
            let store = UserAccountStore(pool: try UserCommand.pool())
            let user = try await UserCommand.account(store, email: email)
            let organizationID = if let organization { try await UserCommand.organization(store, organization) } else { user.organizationID }
            try await store.setRole(userID: user.id, role: role, organizationID: organizationID)
            print("\(user.email) is now \(role.rawValue)")
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a user: no sign-in, sessions and API tokens stop working.")
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let store = UserAccountStore(pool: try UserCommand.pool())
            let user = try await UserCommand.account(store, email: email)
            try await store.setDisabled(userID: user.id, true)
            print("\(user.email) is disabled")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled user again.")
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let store = UserAccountStore(pool: try UserCommand.pool())
            let user = try await UserCommand.account(store, email: email)
            try await store.setDisabled(userID: user.id, false)
            print("\(user.email) is enabled")
        }
    }

    struct Password: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Set a user's password (from WBLMATCH_PASSWORD or standard input).")
        @Option(help: "The user's email.") var email: String

        func run() async throws {
            let password = try UserCommand.readPassword()
            guard password.count >= 10 else { throw ValidationError("the password must have at least 10 characters") }
            let config = try AppConfig()
            let store = UserAccountStore(pool: try UserCommand.pool())
            let user = try await UserCommand.account(store, email: email)
            try await store.setPasswordHash(userID: user.id, try await PasswordHasher(cost: config.bcryptCost).hash(password))
            print("password of \(user.email) changed")
        }
    }

    struct Token: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue a bearer token for /api/v1 acting as a user; prints it once (only its SHA-256 is stored).",
            discussion: "Revoke tokens on the web app's users page (/users).")
        @Argument(help: "The email of the user the token acts as (with their role and scope).") var email: String
        @Option(help: "What will use the token (shown on the users page).") var name = "school information system"

        func run() async throws {
            let name = name.trimmingCharacters(in: .whitespaces)
            guard (1...200).contains(name.count) else { throw ValidationError("--name must have 1 to 200 characters") }
            let pool = try UserCommand.pool()
            let store = UserAccountStore(pool: pool)
            let user = try await UserCommand.account(store, email: email)
            if user.disabled { throw ValidationError("\(user.email) is disabled; enable the user first (wblmatch user enable --email \(user.email))") }
            let secret = SecureToken.make()
            let id = try await APITokenStore(pool: pool).create(userID: user.id, name: name, secret: secret)
            FileHandle.standardError.write(Data("token \(id) “\(name)” for \(user.email) (\(user.role.rawValue)); it is shown only now:\n".utf8))
            print(secret)
        }
    }
}
