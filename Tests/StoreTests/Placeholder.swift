import Testing
@testable import Store

// Placeholder until this target's real suites land on main.
@Test func placeholderStore() { #expect(true) }
