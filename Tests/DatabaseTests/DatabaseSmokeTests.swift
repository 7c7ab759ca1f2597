import Testing
@testable import Database

@Test func moduleLinks() { #expect(String(describing: DatabaseModule.self) == "DatabaseModule") }
