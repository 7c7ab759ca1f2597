import Foundation
import Hummingbird

/// Decodes JSON bodies and URL-encoded forms, turning every decoding failure into a 400 that names
/// the field (Hummingbird leaves `URLEncodedFormError` as a 500).
public struct AppRequestDecoder: RequestDecoder {
    public func decode<T: Decodable>(_ type: T.Type, from request: Request, context: some RequestContext) async throws -> T {
        let isJSON = request.headers[.contentType]?.lowercased().hasPrefix("application/json") ?? false
        do {
            if isJSON {
                return try await JSONDecoder().decode(type, from: request, context: context)
            }
            return try await URLEncodedFormDecoder().decode(type, from: request, context: context)
        } catch let error as DecodingError {
            throw HTTPError(.badRequest, message: DecodingProblem(error).description)
        } catch let error as URLEncodedFormError {
            throw HTTPError(.badRequest, message: "The form could not be read: \(error)")
        }
    }
}

/// A decoding error in words: which field (JSON path) and what was wrong.
struct DecodingProblem: CustomStringConvertible {
    var description: String

    init(_ error: DecodingError) {
        func path(_ keys: [any CodingKey]) -> String {
            keys.isEmpty ? "$" : "$" + keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            description = "\(path(ctx.codingPath + [key])): this field is required"
        case .typeMismatch(let type, let ctx):
            description = "\(path(ctx.codingPath)): expected \(type)"
        case .valueNotFound(let type, let ctx):
            description = "\(path(ctx.codingPath)): expected \(type), found null"
        case .dataCorrupted(let ctx):
            description = "\(path(ctx.codingPath)): \(ctx.debugDescription)"
        @unknown default:
            description = "the request body could not be read"
        }
    }
}
