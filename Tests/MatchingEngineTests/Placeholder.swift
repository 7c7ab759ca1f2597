import Testing
@testable import MatchingEngine

// Placeholder until this target's real suites land on main.
@Test func placeholderMatchingEngine() { #expect(true) }
