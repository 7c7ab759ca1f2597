import Testing
@testable import MatchingEngine

@Test func moduleLinks() { #expect(String(describing: MatchingEngineModule.self) == "MatchingEngineModule") }
