import Testing
@testable import Mail

@Suite struct SMTPConfigurationTests {
    @Test func forms() throws {
        let submission = try SMTPConfiguration(url: "smtp://mail.region1.example")
        #expect(submission.port == 587 && submission.security == .startTLS && submission.username == nil)
        #expect(submission.curlURL == "smtp://mail.region1.example:587")

        let implicit = try SMTPConfiguration(url: "smtps://mail.region1.example")
        #expect(implicit.port == 465 && implicit.security == .implicitTLS)
        #expect(implicit.curlURL == "smtps://mail.region1.example:465")

        let credentials = try SMTPConfiguration(url: "smtp://wbl%40region1:p%3Ass%2Fw@mail.region1.example:2587?connect_timeout=2.5&timeout=30")
        #expect(credentials.username == "wbl@region1" && credentials.password == "p:ss/w" && credentials.port == 2587)
        #expect(credentials.connectTimeout == .milliseconds(2500) && credentials.timeout == .seconds(30))
        #expect(!credentials.description.contains("p:ss") && credentials.description.contains("***"))

        let local = try SMTPConfiguration(url: "smtp://127.0.0.1:2525?tls=none")
        #expect(local.security == .none)

        let separate = try #require(try SMTPConfiguration(environment: ["SMTP_URL": "smtp://u:x@h", "SMTP_USERNAME": "other", "SMTP_PASSWORD": "secret"]))
        #expect(separate.username == "other" && separate.password == "secret")
        #expect(try SMTPConfiguration(environment: ["SMTP_URL": ""]) == nil)
        #expect(try SMTPConfiguration(environment: [:]) == nil)
    }

    @Test(arguments: [
        ("http://mail.example", "scheme"),
        ("smtp://", "no host"),
        ("smtps://h?tls=none", "tls=none contradicts"),
        ("smtp://h?tls=maybe", "tls=maybe"),
        ("smtp://h?timeout=soon", "timeout=soon"),
        ("smtp://h?retries=3", "unknown parameter \"retries\""),
        ("smtp://h:70000", "port"),
    ])
    func malformedURLsAreRefusedSayingWhy(url: String, reason: String) {
        #expect {
            try SMTPConfiguration(url: url)
        } throws: { error in
            guard let error = error as? MailError else { return false }
            return error.kind == .configuration && error.message.hasPrefix("SMTP_URL:") && error.message.contains(reason)
        }
    }

    @Test func transportFollowsTheEnvironment() throws {
        #expect(try MailTransports.make(environment: [:]) is FileTransport)
        #expect((try MailTransports.make(environment: ["OUTBOX_DIR": "/tmp/x"]) as? FileTransport)?.directory.path == "/tmp/x")
        #expect(try MailTransports.make(environment: ["SMTP_URL": "smtp://h:25"]) is SMTPTransport)
    }
}
