import Testing
@testable import Placement

@Test func moduleLinks() { #expect(String(describing: PlacementModule.self) == "PlacementModule") }
