/// A `Duration` as the plain numbers logs, metrics, timeouts and stage timings want.
extension Duration {
    /// The duration in seconds.
    public var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) / 1e18
    }

    /// The duration in whole milliseconds (rounded).
    public var milliseconds: Int { Int((seconds * 1000).rounded()) }
}
