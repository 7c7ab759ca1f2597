/// SplitMix64 (Steele, Lea, Flood 2014; the generator used to seed `java.util.SplittableRandom` and xoshiro).
/// Output `k` (k = 1, 2, …) for seed `x` is `mix(x + k·0x9E3779B97F4A7C15 mod 2^64)`.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The generator's state.
    public var state: UInt64

    /// Starts the sequence at `seed`.
    public init(seed: UInt64) { state = seed }

    /// The finalizer: a bijection on 64-bit values.
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Advances the state by the golden gamma and returns the mixed state.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }
}
