import Foundation
import Hummingbird
import Mustache
import Store

/// Renders Mustache templates (escaped by default) inside the common layout.
public struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// Loads every `*.mustache` under the module's `Templates` resource folder.
    public static func load() async throws -> PageRenderer {
        guard let base = Bundle.module.resourcePath else {
            throw WebAppError(message: "the WebApp resource bundle has no path; is the binary installed with its bundle?")
        }
        return PageRenderer(library: try await MustacheLibrary(directory: base + "/Templates", withExtension: "mustache"))
    }

    /// Renders `template` with `data` (no layout), e.g. a fragment.
    public func render(_ template: String, _ data: [String: Any]) throws -> String {
        guard let out = library.render(Self.pruneEmpty(data), withTemplate: template) else {
            throw WebAppError(message: "no template named \(template)")
        }
        return out
    }

    /// Drops empty strings from dictionaries (recursively): Mustache treats "" as true in
    /// `{{#name}}` sections, and a missing key renders as empty anyway.
    static func pruneEmpty(_ value: Any) -> Any {
        if let dict = value as? [String: Any] {
            var out: [String: Any] = [:]
            for (key, item) in dict {
                if let text = item as? String, text.isEmpty { continue }
                out[key] = pruneEmpty(item)
            }
            return out
        }
        if let list = value as? [[String: Any]] { return list.map { pruneEmpty($0) } }
        if let list = value as? [Any] { return list.map { pruneEmpty($0) } }
        return value
    }

    /// Renders `template` inside the layout: title, navigation for the user's role, flash, CSRF token.
    public func page(
        _ template: String, title: String, context: AppRequestContext,
        data: [String: Any] = [:], status: HTTPResponse.Status = .ok
    ) throws -> HTML {
        let csrf = context.csrfToken()
        var data = data
        data["csrf"] = csrf
        let body = try render(template, data)
        var flash: String?
        context.sessions.withLockedSession { session in
            if let message = session?.flash {
                flash = message
                session?.flash = nil
            }
        }
        var layout: [String: Any] = ["title": title, "body": body, "csrf": csrf]
        if let flash { layout["flash"] = flash }
        if let refresh = data["refresh"] { layout["refresh"] = refresh }
        if let user = context.identity {
            layout["user"] = ["name": user.name, "role": user.role.label]
            layout["nav"] = Navigation.items(for: user.role)
        }
        return HTML(try render("layout", layout), status: status)
    }
}
