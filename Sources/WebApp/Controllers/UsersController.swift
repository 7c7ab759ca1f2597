import Database
import Foundation
import Hummingbird
import Store

/// Coordinators' user administration: list, add, change role, disable or enable, reset a password,
/// issue and revoke API tokens for school information systems (a token is shown once, stored as
/// its SHA-256).
struct UsersController {
    let deps: Dependencies

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("users", use: list)
        router.post("users", use: create)
        router.post("users/:id/role", use: role)
        router.post("users/:id/disabled", use: disabled)
        router.post("users/:id/password", use: password)
        router.post("users/tokens", use: issueToken)
        router.post("users/tokens/:id/revoke", use: revokeToken)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        try await render(context: context, errors: [])
    }

    func render(context: AppRequestContext, errors: [FieldError], newToken: [String: String]? = nil, tokenErrors: [FieldError] = [],
                status: HTTPResponse.Status = .ok) async throws -> HTML {
        let users = try await deps.accounts.all()
        let tokens = try await deps.tokens.all()
        var data: [String: Any] = [
            "tokens": tokens.map { t -> [String: Any] in
                ["id": t.id, "email": t.userEmail, "name": t.name, "created": t.createdAt, "used": t.lastUsedAt ?? "",
                 "revoked": t.revokedAt ?? "", "live": t.revokedAt == nil]
            },
            "hasTokenErrors": !tokenErrors.isEmpty, "tokenErrors": tokenErrors.map { ["field": $0.field, "message": $0.message] },
            "tokenUsers": users.filter { !$0.disabled }.map { ["value": $0.id, "label": "\($0.name) <\($0.email)>"] },
        ]
        if let newToken { data["newToken"] = newToken }
        return try deps.pages.page("users", title: "Users", context: context, data: data.merging([
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "roles": UserRole.allCases.map { ["value": $0.rawValue, "label": $0.label] },
            "users": users.map { u -> [String: Any] in
                ["id": u.id, "name": u.name, "email": u.email, "role": u.role.label, "organization": u.organizationID.map(String.init) ?? "",
                 "disabled": u.disabled, "roles": UserRole.allCases.map { ["value": $0.rawValue, "label": $0.label, "selected": $0 == u.role] }]
            },
        ]) { a, _ in a }, status: status)
    }

    /// Issues a token for the chosen user and shows it once, on this response only (never in the
    /// session or a redirect).
    @Sendable func issueToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.form(context: context)
        var errors: [FieldError] = []
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty || name.count > 200 { errors.append(FieldError(field: "Token name", message: "say what will use it (1–200 characters), e.g. “Clovis HS PowerSchool”")) }
        var account: UserAccount?
        if let id = Int64(form["user_id"] ?? ""), let found = try await deps.accounts.find(id: id), !found.disabled { account = found }
        if account == nil { errors.append(FieldError(field: "User", message: "choose an enabled user; the token acts with their role and scope")) }
        guard errors.isEmpty, let account else {
            return try await render(context: context, errors: [], tokenErrors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        let secret = SecureToken.make()
        _ = try await deps.tokens.create(userID: account.id, name: name, secret: secret)
        return try await render(context: context, errors: [], newToken: ["secret": secret, "name": name, "email": account.email])
            .response(from: request, context: context)
    }

    @Sendable func revokeToken(_ request: Request, context: AppRequestContext) async throws -> Response {
        let id = try context.id()
        guard let token = try await deps.tokens.all().first(where: { $0.id == id }) else { throw HTTPError(.notFound) }
        if try await deps.tokens.revoke(tokenID: token.id, userID: token.userID) {
            context.flash("Token “\(token.name)” of \(token.userEmail) revoked: it no longer works.")
        }
        return .redirect(to: "/users")
    }

    @Sendable func create(_ request: Request, context: AppRequestContext) async throws -> Response {
        let form = try await request.form(context: context)
        var errors: [FieldError] = []
        let email = (form["email"] ?? "").trimmingCharacters(in: .whitespaces)
        if !(email.contains("@") && !email.contains(" ")) { errors.append(FieldError(field: "Email", message: "'\(email)' is not an email address")) }
        let name = (form["name"] ?? "").trimmingCharacters(in: .whitespaces)
        if name.isEmpty { errors.append(FieldError(field: "Name", message: "give the person's name")) }
        let role = UserRole(rawValue: form["role"] ?? "")
        if role == nil { errors.append(FieldError(field: "Role", message: "choose a role")) }
        let organization = Int64((form["organization_id"] ?? "").trimmingCharacters(in: .whitespaces))
        if organization == nil { errors.append(FieldError(field: "Organization", message: "give the organization's id")) }
        let password = form["password"] ?? ""
        if password.count < 10 { errors.append(FieldError(field: "Password", message: "use at least 10 characters")) }
        guard errors.isEmpty, let role else {
            return try await render(context: context, errors: errors, status: .unprocessableContent).response(from: request, context: context)
        }
        do {
            _ = try await deps.accounts.create(email: email, name: name, role: role, organizationID: organization,
                                               canViewJuvenile: form["can_view_juvenile"] != nil, passwordHash: try await deps.hasher.hash(password))
        } catch let error as DatabaseError where error.isUniqueViolation || error.isForeignKeyViolation {
            let problem = error.isUniqueViolation ? FieldError(field: "Email", message: "another user has this email")
                                                  : FieldError(field: "Organization", message: "no organization has this id")
            return try await render(context: context, errors: [problem], status: .unprocessableContent).response(from: request, context: context)
        }
        context.flash("Added \(name).")
        return .redirect(to: "/users")
    }

    func account(_ context: AppRequestContext) async throws -> UserAccount {
        guard let account = try await deps.accounts.find(id: try context.id()) else { throw HTTPError(.notFound) }
        return account
    }

    @Sendable func role(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try await account(context)
        guard let role = UserRole(rawValue: try await request.form(context: context)["role"] ?? "") else {
            throw HTTPError(.badRequest, message: "Choose one of the roles.")
        }
        try await deps.accounts.setRole(userID: account.id, role: role, organizationID: account.organizationID)
        context.flash("\(account.name) is now \(role.label).")
        return .redirect(to: "/users")
    }

    @Sendable func disabled(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let account = try await account(context)
        let disable = try await request.form(context: context)["disabled"] == "1"
        if disable && account.id == user.id { throw HTTPError(.conflict, message: "You cannot disable your own account.") }
        try await deps.accounts.setDisabled(userID: account.id, disable)
        context.flash(disable ? "\(account.name) can no longer sign in." : "\(account.name) can sign in again.")
        return .redirect(to: "/users")
    }

    @Sendable func password(_ request: Request, context: AppRequestContext) async throws -> Response {
        let account = try await account(context)
        let password = try await request.form(context: context)["password"] ?? ""
        guard password.count >= 10 else { throw HTTPError(.unprocessableContent, message: "A password needs at least 10 characters.") }
        try await deps.accounts.setPasswordHash(userID: account.id, try await deps.hasher.hash(password))
        context.flash("Password of \(account.name) reset. Give it to them in person or by phone.")
        return .redirect(to: "/users")
    }
}
