import Testing
@testable import Reports

@Test func moduleLinks() { #expect(String(describing: ReportsModule.self) == "ReportsModule") }
