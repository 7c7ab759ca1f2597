/// Where an applicant stands at a position: her tier there (1 = best) and her lottery number (1 = first drawn).
/// Lower is better in both; tier decides first.
public struct Priority: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Tier in the position's ranking (1 when the position did not rank).
    public var tier: Int
    /// Lottery number (1-based place in the draw).
    public var lottery: Int

    /// Creates a priority.
    public init(tier: Int, lottery: Int) {
        self.tier = tier
        self.lottery = lottery
    }

    /// `a < b` when `a` is ranked above (better than) `b`.
    public static func < (a: Priority, b: Priority) -> Bool { (a.tier, a.lottery) < (b.tier, b.lottery) }

    /// `tier 2, lottery 17`.
    public var description: String { "tier \(tier), lottery \(lottery)" }

    /// The engine's packed key: `tier << 32 | lotteryRank` (rank 0-based), so lower keys are better.
    init(key: UInt64) {
        tier = Int(key >> 32)
        lottery = Int(key & 0xFFFF_FFFF) + 1
    }
}
