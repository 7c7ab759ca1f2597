import Foundation
import Hummingbird

extension Request {
    /// The URL-encoded form of a POST, read once (the CSRF middleware may have collected it already).
    func form(context: AppRequestContext) async throws -> FormFields {
        if let parsed = context.urlEncodedForm { return parsed }
        var request = self
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        return FormFields(String(buffer: body))
    }

    /// The `q` search parameter, trimmed.
    var search: String {
        (uri.queryParameters.get("q") ?? "").trimmingCharacters(in: .whitespaces)
    }
}

extension AppRequestContext {
    /// The `:name` path parameter as an id; a non-number is a 404 (no such page), not a 400.
    func id(_ name: String = "id") throws -> Int64 {
        guard let text = parameters.get(name), let id = Int64(text), id > 0 else { throw HTTPError(.notFound) }
        return id
    }

    /// Sets the one-time message shown on the next page.
    func flash(_ message: String) {
        sessions.withLockedSession { $0?.flash = message }
    }
}
