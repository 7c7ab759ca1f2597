import Testing
@testable import Jobs

@Test func moduleLinks() { #expect(String(describing: JobsModule.self) == "JobsModule") }
