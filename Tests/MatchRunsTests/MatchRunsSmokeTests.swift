import Testing
@testable import MatchRuns

@Test func moduleLinks() { #expect(String(describing: MatchRunsModule.self) == "MatchRunsModule") }
