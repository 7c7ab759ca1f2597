import Testing
@testable import Mail

@Test func moduleLinks() { #expect(String(describing: MailModule.self) == "MailModule") }
