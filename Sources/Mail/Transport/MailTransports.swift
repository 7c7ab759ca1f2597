import Logging

/// Chooses the transport from the environment.
public enum MailTransports {
    /// ``SMTPTransport`` when `SMTP_URL` is set, else ``FileTransport`` writing into `OUTBOX_DIR`
    /// (default `.local/outbox`).
    /// - Throws: ``MailError`` when `SMTP_URL` is malformed.
    public static func make(environment: [String: String], logger: Logger = Logger(label: "wblmatch.mail")) throws(MailError) -> any MailTransport {
        if let configuration = try SMTPConfiguration(environment: environment) {
            logger.info("mail: delivering through \(configuration)")
            return SMTPTransport(configuration: configuration)
        }
        let directory = environment["OUTBOX_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? ".local/outbox"
        logger.info("mail: SMTP_URL is not set; writing .eml files into \(directory)")
        return FileTransport(directory: directory)
    }
}
