import Foundation

/// The Mustache templates of every email, loaded from the module's `Templates` resources and
/// parsed once (``EmailTemplate``).
///
/// Each report has a `NAME.html.mustache` and a `NAME.text.mustache`; text templates start with
/// `{{% CONTENT_TYPE: TEXT}}` so nothing in them is HTML-escaped.
public struct ReportTemplates: Sendable {
    /// Renders template `name` (`counselor_digest.html`) over a view model; "" for an unknown name.
    let renderTemplate: @Sendable (_ name: String, _ model: [String: Any]) -> String

    /// The templates shipped with the module.
    public static func bundled() async throws -> ReportTemplates {
        guard let directory = bundledDirectory else {
            throw ReportError(message: "the Reports resource bundle was not found beside the executable",
                              detail: "ship WBLMatch_Reports.resources next to wblmatch")
        }
        return try await ReportTemplates(directory: directory)
    }

    /// Where the shipped templates are.
    static var bundledDirectory: String? { Bundle.module.resourcePath.map { $0 + "/Templates" } }

    /// Templates read from a folder (each `NAME.mustache` is registered as `NAME`).
    public init(directory: String) async throws {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        var templates: [String: EmailTemplate] = [:]
        for file in files where file.hasSuffix(".mustache") {
            let name = String(file.dropLast(".mustache".count))
            guard let data = FileManager.default.contents(atPath: directory + "/" + file) else {
                throw ReportError(message: "template \(file) could not be read", detail: "looked in \(directory)")
            }
            templates[name] = try EmailTemplate(String(decoding: data, as: UTF8.self), name: name)
        }
        for name in Self.required where templates[name] == nil {
            throw ReportError(message: "template \(name).mustache is missing", detail: "looked in \(directory)")
        }
        let parsed = templates
        renderTemplate = { name, model in parsed[name]?.render(model) ?? "" }
    }

    /// Templates rendered by another engine (the tests render every email with the Mustache library too).
    init(rendering: @escaping @Sendable (_ name: String, _ model: [String: Any]) -> String) {
        renderTemplate = rendering
    }

    static let required = [
        "coordinator_nightly.html", "coordinator_nightly.text",
        "counselor_digest.html", "counselor_digest.text",
        "edc_digest.html", "edc_digest.text",
        "case_worker_digest.html", "case_worker_digest.text",
        "run_failed.html", "run_failed.text",
        "guardian_placed_en.text", "guardian_placed_es.text",
        "guardian_second_round_en.text", "guardian_second_round_es.text",
    ]

    /// Renders `name.text` and `name.html` with one view model.
    func render(_ name: String, _ model: [String: Any]) -> (text: String, html: String) {
        (renderText(name, model), renderTemplate(name + ".html", model))
    }

    /// Renders the text-only template `name.text`.
    func renderText(_ name: String, _ model: [String: Any]) -> String {
        renderTemplate(name + ".text", model)
    }
}

/// A report could not be produced.
public struct ReportError: Error, CustomStringConvertible {
    public var message: String
    public var detail: String
    public var description: String { "Reports: \(message) (\(detail))" }
}
