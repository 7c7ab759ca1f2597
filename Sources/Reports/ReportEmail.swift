/// A rendered email, ready to hand to the outbox: the `Mail` module builds the MIME message.
public struct ReportEmail: Sendable, Equatable {
    /// A file attached to an email.
    public struct Attachment: Sendable, Equatable {
        public var filename: String
        /// e.g. `text/csv; charset=utf-8`.
        public var contentType: String
        public var data: [UInt8]
        public init(filename: String, contentType: String, data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    /// Which report this is: `coordinator_nightly`, `counselor_digest`, `edc_digest`, `case_worker_digest`.
    public var template: String
    public var toName: String
    public var toAddress: String
    /// The recipient's `users.id`.
    public var userID: Int64
    public var subject: String
    public var text: String
    public var html: String
    public var attachments: [Attachment]

    public init(template: String, toName: String, toAddress: String, userID: Int64, subject: String,
                text: String, html: String, attachments: [Attachment] = []) {
        self.template = template
        self.toName = toName
        self.toAddress = toAddress
        self.userID = userID
        self.subject = subject
        self.text = text
        self.html = html
        self.attachments = attachments
    }
}
