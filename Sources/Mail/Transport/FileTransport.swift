import Foundation

/// Writes each email as an `.eml` file (the exact RFC 5322 bytes SMTP would carry) into a folder.
///
/// The default when `SMTP_URL` is unset: development and the demo read mail in `.local/outbox`.
/// The file is named after the Message-ID and written atomically (temporary file, then rename),
/// so delivering the same email twice leaves one file.
public struct FileTransport: MailTransport {
    /// The folder the files go into; created on first use.
    public var directory: URL

    /// Creates a transport writing into `directory` (relative paths are resolved against the
    /// current directory).
    public init(directory: String) {
        self.directory = URL(fileURLWithPath: directory, isDirectory: true)
    }

    /// The file an email is written to: `<local>@<domain>.eml` from its Message-ID.
    public func fileURL(for email: RenderedEmail) -> URL {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@.-_+")
        let name = String(email.messageID.filter { allowed.contains($0) })
        return directory.appendingPathComponent((name.isEmpty ? "message" : name) + ".eml")
    }

    public func send(_ email: RenderedEmail) async throws {
        let directory = self.directory
        let target = fileURL(for: email)
        try await BlockingExecutor.run {
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                try Data(email.bytes).write(to: target, options: .atomic)
            } catch {
                throw MailError(.configuration, "could not write \(target.path)",
                                detail: "\(error.localizedDescription); check that the outbox folder (OUTBOX_DIR) is writable")
            }
        }
    }
}
