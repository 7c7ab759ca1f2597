import Hummingbird

/// A rendered HTML page, sent as `text/html; charset=utf-8` with a status.
public struct HTML: ResponseGenerator, Sendable {
    /// The page's markup.
    public var markup: String
    /// The status to send, 200 unless the page reports a problem.
    public var status: HTTPResponse.Status

    /// Wraps `markup` to be sent with `status`.
    public init(_ markup: String, status: HTTPResponse.Status = .ok) {
        self.markup = markup
        self.status = status
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status,
            headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
            body: .init(byteBuffer: ByteBuffer(string: markup))
        )
    }
}
