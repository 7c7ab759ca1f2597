import Foundation
import Hummingbird
import Intake
import Store

/// CSV upload (`/imports`): the same validation and scope as `wblmatch import`, all rows or none,
/// and every row error shown with its line and column.
struct ImportsController {
    let deps: Dependencies

    /// The files `user` may upload: the importer's own gate by role (`ImportScope`), which checks
    /// row-level scope again; referrals only for those entitled to juvenile data.
    static func kinds(for user: SignedInUser) -> [IntakeKind] {
        IntakeKind.allCases.filter { kind in
            ImportScope.roles(for: kind).contains(user.role.rawValue)
                && (kind != .referrals || user.role == .caseWorker || user.canViewJuvenile)
        }
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("imports", use: show)
        router.post("imports", use: upload)
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        return try render(user: user, context: context, data: [:])
    }

    func render(user: SignedInUser, context: AppRequestContext, data: [String: Any], status: HTTPResponse.Status = .ok) throws -> HTML {
        var data = data
        let selected = data["kind"] as? String
        data["kinds"] = Self.kinds(for: user).map { ["value": $0.rawValue, "label": $0.rawValue, "selected": $0.rawValue == selected] }
        return try deps.pages.page("imports", title: "Upload a CSV file", context: context, data: data, status: status)
    }

    @Sendable func upload(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        var request = request
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        guard let form = context.multipartForm ?? MultipartForm(contentType: request.headers[.contentType] ?? "", body: Array(buffer: body)) else {
            throw HTTPError(.badRequest, message: "Send the file with the upload form (multipart/form-data).")
        }
        let kindText = form.text("kind") ?? ""
        guard let kind = IntakeKind(rawValue: kindText), Self.kinds(for: user).contains(kind) else {
            throw HTTPError(.forbidden, message: "You may not upload \(kindText.isEmpty ? "that kind of" : kindText) files.")
        }
        guard let file = form["file"], !file.body.isEmpty else {
            return try render(user: user, context: context, data: ["kind": kind.rawValue, "error": "Choose a CSV file to upload."],
                              status: .unprocessableContent).response(from: request, context: context)
        }
        let fileName = (file.fileName?.isEmpty == false ? file.fileName! : "\(kind.rawValue).csv")
        let dryRun = form.text("dry_run") != nil
        do {
            let table = try CSVReader().read(file.body, fileName: fileName)
            let acting = try await UserRepository(pool: deps.pool).actingUser(email: user.email)
            let counts = try await IntakeImporter(pool: deps.pool).run(table, kind: kind, as: acting, options: ImportOptions(dryRun: dryRun))
            let verb = dryRun ? "Checked (nothing saved)" : "Imported"
            return try render(user: user, context: context, data: [
                "kind": kind.rawValue, "done": "\(verb) \(fileName): \(table.rows.count) rows — \(counts.description).",
            ]).response(from: request, context: context)
        } catch let problems as IntakeProblems {
            return try render(user: user, context: context, data: [
                "kind": kind.rawValue, "fileName": fileName, "problemCount": problems.problems.count,
                "problems": problems.problems.map { p -> [String: Any] in
                    ["line": p.line > 0 ? String(p.line) : "", "column": p.column, "message": p.message]
                },
            ], status: .unprocessableContent).response(from: request, context: context)
        }
    }
}
