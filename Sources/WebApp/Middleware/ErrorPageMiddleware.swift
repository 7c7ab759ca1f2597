import Hummingbird
import Logging

/// Turns errors into calm HTML pages for people, and leaves `/api/` errors as JSON.
///
/// - 401 on a page redirects to the sign-in form (remembering where the person was going).
/// - An `HTTPError`'s message is shown (controllers write them for people); any other error is
///   logged and shown as a generic 500 — no SQL text or stack ever reaches the browser.
public struct ErrorPageMiddleware: RouterMiddleware {
    public typealias Context = AppRequestContext
    let pages: PageRenderer

    public init(pages: PageRenderer) { self.pages = pages }

    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let isAPI = request.uri.path.hasPrefix("/api/")
        do {
            return try await next(request, context)
        } catch let error as HTTPError {
            if isAPI { throw error }
            if error.status == .unauthorized {
                let target = request.method == .get ? request.uri.description : "/"
                return Response.redirect(to: "/login?next=\(target.addingPercentEncodingForQuery())")
            }
            return try render(status: error.status, message: error.body, context: context, request: request)
        } catch let error as any HTTPResponseError {
            if isAPI { throw error }
            return try render(status: error.status, message: nil, context: context, request: request)
        } catch {
            context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))", "path": "\(request.uri.path)"])
            if isAPI { throw HTTPError(.internalServerError, message: "Something went wrong on the server; it has been logged.") }
            return try render(status: .internalServerError, message: nil, context: context, request: request)
        }
    }

    func render(status: HTTPResponse.Status, message: String?, context: Context, request: Request) throws -> Response {
        let (heading, fallback): (String, String) = switch status.code {
        case 400: ("That request could not be read", "Please check the form and try again.")
        case 403: ("Not allowed", "Your account may not see or change this.")
        case 404: ("Not found", "There is nothing at this address, or it is not yours to see.")
        case 413: ("Too large", "The upload is larger than allowed.")
        case 429: ("Too many attempts", "Please wait a few minutes and try again.")
        case 500...: ("Something went wrong", "The error has been logged. Please try again; if it keeps happening, tell your coordinator.")
        default: (status.reasonPhrase, "")
        }
        let page = try pages.page(
            "error", title: heading, context: context,
            data: ["heading": heading, "message": message ?? fallback], status: status
        )
        return try page.response(from: request, context: context)
    }
}

extension String {
    /// Percent-encodes everything but unreserved characters, for a query value.
    func addingPercentEncodingForQuery() -> String {
        var out = ""
        for byte in utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true)
            }
        }
        return out
    }
}
