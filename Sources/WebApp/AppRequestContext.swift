import Hummingbird
import HummingbirdAuth
import Logging
import NIOCore

/// The request context of every route: session, signed-in user, client address, form decoding.
public struct AppRequestContext: AuthRequestContext, SessionRequestContext, RemoteAddressRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user, set by the session authenticator (or the bearer-token authenticator on `/api/v1`).
    public var identity: SignedInUser?
    /// The session cookie's data.
    public let sessions: SessionContext<WebSession>
    /// The peer's address, for sign-in rate limiting.
    public let remoteAddress: SocketAddress?
    /// A multipart form the CSRF check already parsed (an upload): the controller reads it instead of
    /// parsing megabytes twice.
    var multipartForm: MultipartForm?
    /// A URL-encoded form the CSRF check already parsed: the controller reads the same fields.
    var urlEncodedForm: FormFields?

    public init(source: Source) {
        coreContext = .init(source: source)
        identity = nil
        sessions = .init()
        remoteAddress = source.channel.remoteAddress
    }

    /// JSON for `/api/v1`, URL-encoded forms for the HTML pages.
    public var requestDecoder: AppRequestDecoder { AppRequestDecoder() }

    /// The signed-in user or a 401 that the error page turns into a redirect to sign-in.
    public func requireUser() throws -> SignedInUser {
        guard let identity else { throw HTTPError(.unauthorized) }
        return identity
    }

    /// The session's CSRF token, creating an anonymous session (sign-in form) when there is none.
    public func csrfToken() -> String {
        if let session = sessions.session { return session.csrfToken }
        let session = WebSession()
        sessions.createSession(session)
        return session.csrfToken
    }

    /// A client key for rate limiting: the peer's IP address.
    public var clientAddress: String {
        remoteAddress?.ipAddress ?? "unknown"
    }
}
