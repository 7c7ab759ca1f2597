import Database
import Foundation
import Hummingbird
import HummingbirdAuth
import Store

/// Sign-in and sign-out: `GET/POST /login`, `POST /logout`.
///
/// Sign-in checks the password with bcrypt (off the cooperative pool), refuses after too many
/// failures per email or per client address, and always starts a new session (new id, new CSRF
/// token), deleting the anonymous one the form was served with.
struct LoginController {
    let deps: Dependencies

    struct LoginForm: Decodable {
        var email: String
        var password: String
        var next: String?
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("login", use: show)
        router.post("login", use: signIn)
        router.post("logout", use: signOut)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        if context.identity != nil { return try deps.pages.page("error", title: "Signed in", context: context, data: ["heading": "You are signed in", "message": "Go to the dashboard to continue."]) }
        let next = request.uri.queryParameters.get("next") ?? "/"
        return try deps.pages.page("login", title: "Sign in", context: context, data: ["next": Self.safeNext(next)])
    }

    @Sendable func signIn(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.decode(as: LoginForm.self, context: context)
        let email = form.email.trimmingCharacters(in: .whitespaces)
        let address = context.clientAddress
        let window = deps.configuration.loginWindow.seconds
        let failures = try await deps.loginAttempts.recentFailures(email: email, address: address, windowSeconds: window)
        if failures.byEmail >= deps.configuration.maxFailuresPerEmail || failures.byAddress >= deps.configuration.maxFailuresPerAddress {
            deps.metrics.recordSignIn("limited")
            return try deps.pages.page("login", title: "Sign in", context: context, data: [
                "error": "Too many failed sign-ins. Wait \(Int(window / 60)) minutes and try again, or ask your coordinator to reset your password.",
                "email": email, "next": Self.safeNext(form.next ?? "/"),
            ], status: .tooManyRequests).response(from: request, context: context)
        }
        let account = try await deps.accounts.find(email: email)
        let storedHash = account?.passwordHash
        let hash = if let storedHash { storedHash } else { try await deps.hasher.decoyHash() }
        let matches = try await deps.hasher.verify(form.password, hash: hash)
        guard let account, storedHash != nil, matches, !account.disabled else {
            try await deps.loginAttempts.record(email: email, address: address, succeeded: false)
            deps.metrics.recordSignIn("failure")
            return try deps.pages.page("login", title: "Sign in", context: context, data: [
                "error": "That email and password do not match an active account.",
                "email": email, "next": Self.safeNext(form.next ?? "/"),
            ], status: .unauthorized).response(from: request, context: context)
        }
        try await deps.loginAttempts.record(email: email, address: address, succeeded: true)
        deps.metrics.recordSignIn("success")
        // A new session id at sign-in: drop the anonymous session the form came with.
        if let oldID = request.cookies[SessionCookie.name]?.value {
            try await deps.sessionStorage.remove(key: SessionCookie.keyPrefix + oldID)
        }
        context.sessions.createSession(WebSession(userID: account.id), expiresIn: deps.configuration.sessionLifetime)
        return .redirect(to: Self.safeNext(form.next ?? "/"))
    }

    @Sendable func signOut(_ request: Request, context: AppRequestContext) async throws -> Response {
        context.sessions.clearSession()
        return .redirect(to: "/login")
    }

    /// Only local paths: never redirect off the site after sign-in.
    static func safeNext(_ next: String) -> String {
        guard next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"), !next.contains("://") else { return "/" }
        return next
    }
}
