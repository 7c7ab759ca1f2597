import Foundation
import Mustache

/// The Mustache templates of every email, loaded from the module's `Templates` resources.
///
/// Each report has a `NAME.html.mustache` and a `NAME.text.mustache`; text templates start with
/// `{{% CONTENT_TYPE: TEXT}}` so nothing in them is HTML-escaped.
public struct ReportTemplates: Sendable {
    let library: MustacheLibrary

    /// The templates shipped with the module.
    public static func bundled() async throws -> ReportTemplates {
        guard let path = Bundle.module.resourcePath else {
            throw ReportError(message: "the Reports resource bundle was not found beside the executable",
                              detail: "ship WBLMatch_Reports.resources next to wblmatch")
        }
        return try await ReportTemplates(directory: path + "/Templates")
    }

    /// Templates read from a folder (each `NAME.mustache` is registered as `NAME`).
    public init(directory: String) async throws {
        library = try await MustacheLibrary(directory: directory, withExtension: "mustache")
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw ReportError(message: "template \(name).mustache is missing", detail: "looked in \(directory)")
        }
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
        let text = library.render(model, withTemplate: name + ".text") ?? ""
        let html = library.render(model, withTemplate: name + ".html") ?? ""
        return (text, html)
    }

    /// Renders the text-only template `name.text`.
    func renderText(_ name: String, _ model: [String: Any]) -> String {
        library.render(model, withTemplate: name + ".text") ?? ""
    }
}

/// A report could not be produced.
public struct ReportError: Error, CustomStringConvertible {
    public var message: String
    public var detail: String
    public var description: String { "Reports: \(message) (\(detail))" }
}
