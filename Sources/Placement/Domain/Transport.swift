/// How a student gets to a placement site.
public enum Transport: String, Codable, Sendable, CaseIterable {
    /// No transport: only virtual slots, sites within walking distance, or on a school bus route.
    case none
    /// Rides the school's buses: sites on a route the school declares (or within walking distance).
    case schoolBus = "school_bus"
    /// Driven by family, within the policy's maximum commute.
    case family
    /// Drives herself (with a driver's license), within the policy's maximum commute.
    case ownCar = "own_car"
}
