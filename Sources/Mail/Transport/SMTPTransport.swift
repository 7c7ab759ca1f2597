import CCurl
import Database

/// Delivers email to an SMTP server with libcurl.
///
/// Each ``send(_:)`` opens one connection on a Dispatch thread (libcurl blocks; Swift's
/// cooperative pool never does), says EHLO, upgrades with STARTTLS unless configured otherwise,
/// logs in when credentials are given, and sends the rendered bytes as they are.
public struct SMTPTransport: MailTransport {
    /// Where and how to connect.
    public var configuration: SMTPConfiguration

    /// Creates a transport.
    public init(configuration: SMTPConfiguration) {
        self.configuration = configuration
    }

    public func send(_ email: RenderedEmail) async throws {
        let configuration = self.configuration
        try await BlockingExecutor.run { try CurlSMTPDelivery(configuration: configuration, email: email).perform() }
    }
}

/// curl_global_init is not thread-safe; a Swift global is initialised exactly once.
private let curlGlobalInit: CURLcode = curl_global_init(Int(CURL_GLOBAL_ALL))

/// One blocking SMTP transfer: owns the easy handle, the recipient list and the read position.
final class CurlSMTPDelivery {
    private let configuration: SMTPConfiguration
    private let email: RenderedEmail
    private var offset = 0

    init(configuration: SMTPConfiguration, email: RenderedEmail) {
        self.configuration = configuration
        self.email = email
    }

    func perform() throws {
        guard curlGlobalInit == CURLE_OK else {
            throw MailError(.configuration, "libcurl failed to initialise", detail: String(cString: curl_easy_strerror(curlGlobalInit)))
        }
        guard let handle = curl_easy_init() else {
            throw MailError(.unavailable, "libcurl could not create a transfer handle", detail: "out of memory?")
        }
        defer { curl_easy_cleanup(handle) }
        var recipients: UnsafeMutablePointer<curl_slist>? = nil
        for address in email.recipients {
            guard let list = curl_slist_append(recipients, "<\(address)>") else {
                curl_slist_free_all(recipients)
                throw MailError(.unavailable, "libcurl could not build the recipient list", detail: "out of memory?")
            }
            recipients = list
        }
        defer { curl_slist_free_all(recipients) }
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE) + 1)
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE) + 1)
        defer { errorBuffer.deallocate() }

        let config = configuration
        try check(wbl_curl_set_string(handle, CURLOPT_URL, config.curlURL), "URL")
        try check(wbl_curl_set_long(handle, CURLOPT_NOSIGNAL, 1), "NOSIGNAL")
        try check(wbl_curl_set_pointer(handle, CURLOPT_ERRORBUFFER, errorBuffer), "ERRORBUFFER")
        try check(wbl_curl_set_long(handle, CURLOPT_CONNECTTIMEOUT_MS, config.connectTimeout.milliseconds), "CONNECTTIMEOUT_MS")
        try check(wbl_curl_set_long(handle, CURLOPT_TIMEOUT_MS, config.timeout.milliseconds), "TIMEOUT_MS")
        switch config.security {
        case .startTLS: try check(wbl_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_ALL.rawValue)), "USE_SSL")
        case .implicitTLS: break
        case .none: try check(wbl_curl_set_long(handle, CURLOPT_USE_SSL, Int(CURLUSESSL_NONE.rawValue)), "USE_SSL")
        }
        if let username = config.username { try check(wbl_curl_set_string(handle, CURLOPT_USERNAME, username), "USERNAME") }
        if let password = config.password { try check(wbl_curl_set_string(handle, CURLOPT_PASSWORD, password), "PASSWORD") }
        try check(wbl_curl_set_string(handle, CURLOPT_MAIL_FROM, "<\(email.envelopeFrom)>"), "MAIL_FROM")
        try check(wbl_curl_set_slist(handle, CURLOPT_MAIL_RCPT, recipients), "MAIL_RCPT")
        try check(wbl_curl_set_long(handle, CURLOPT_UPLOAD, 1), "UPLOAD")
        try check(wbl_curl_set_off_t(handle, CURLOPT_INFILESIZE_LARGE, curl_off_t(email.bytes.count)), "INFILESIZE_LARGE")
        try check(wbl_curl_set_read_function(handle, curlReadMessage), "READFUNCTION")

        let code = withExtendedLifetime(self) {
            _ = wbl_curl_set_pointer(handle, CURLOPT_READDATA, Unmanaged.passUnretained(self).toOpaque())
            return curl_easy_perform(handle)
        }
        guard code != CURLE_OK else { return }
        var reply: Int = 0
        _ = wbl_curl_get_long(handle, CURLINFO_RESPONSE_CODE, &reply)
        throw classify(code, reply: reply, text: String(cString: errorBuffer))
    }

    /// Copies the next piece of the message into libcurl's buffer (libcurl does the dot-stuffing).
    fileprivate func read(into buffer: UnsafeMutablePointer<CChar>, capacity: Int) -> Int {
        let count = min(capacity, email.bytes.count - offset)
        guard count > 0 else { return 0 }
        email.bytes.withUnsafeBufferPointer { source in
            UnsafeMutableRawPointer(buffer).copyMemory(from: source.baseAddress! + offset, byteCount: count)
        }
        offset += count
        return count
    }

    private func check(_ code: CURLcode, _ option: String) throws {
        guard code != CURLE_OK else { return }
        throw MailError(.configuration, "libcurl rejected option CURLOPT_\(option)",
                        detail: "\(String(cString: curl_easy_strerror(code))); is libcurl built with SMTP and TLS support?")
    }

    private func classify(_ code: CURLcode, reply: Int, text: String) -> MailError {
        let said = text.isEmpty ? String(cString: curl_easy_strerror(code)) : text
        let server = "\(configuration)"
        let replyCode = reply > 0 ? reply : nil
        switch code {
        case CURLE_USE_SSL_FAILED:
            return MailError(.configuration, "\(server) did not offer STARTTLS", detail:
                "\(said); WBLMatch requires TLS: use a server that offers STARTTLS, smtps://host:465, or ?tls=none for a local test server only", replyCode: replyCode)
        case CURLE_LOGIN_DENIED:
            return MailError(.configuration, "\(server) refused the login", detail:
                "\(said); check the user and password in SMTP_URL or SMTP_USERNAME/SMTP_PASSWORD", replyCode: replyCode)
        case CURLE_COULDNT_CONNECT, CURLE_COULDNT_RESOLVE_HOST, CURLE_OPERATION_TIMEDOUT, CURLE_GOT_NOTHING,
             CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CACERT_BADFILE:
            return MailError(.unavailable, "could not deliver through \(server)", detail: "\(said); the email stays queued and is retried", replyCode: replyCode)
        default:
            if let replyCode, (500..<600).contains(replyCode) {
                return MailError(.rejected, "\(server) refused the email \(email.messageID)", detail: said, replyCode: replyCode)
            }
            if let replyCode, (400..<500).contains(replyCode) {
                return MailError(.temporaryFailure, "\(server) deferred the email \(email.messageID)", detail: said, replyCode: replyCode)
            }
            return MailError(.unavailable, "could not deliver through \(server)", detail: "\(said) (libcurl error \(code.rawValue))", replyCode: replyCode)
        }
    }


}

/// CURLOPT_READFUNCTION: a C function pointer, so it captures nothing and finds its delivery through `userdata`.
private func curlReadMessage(_ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?) -> Int {
    guard let buffer, let userdata else { return 0 }
    let delivery = Unmanaged<CurlSMTPDelivery>.fromOpaque(userdata).takeUnretainedValue()
    return delivery.read(into: buffer, capacity: size * count)
}
