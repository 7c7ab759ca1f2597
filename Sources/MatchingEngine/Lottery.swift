/// Single tie-breaking: one lottery number per student, used by every position.
///
/// Derivation (an auditor can recompute it in any language):
/// 1. Student `i` (its index in the instance's canonical order: ids sorted by UTF-8 bytes) draws
///    `d(i) = SplitMix64.mix(seed + (i + 1) · 0x9E3779B97F4A7C15 mod 2^64)`, the `(i+1)`-th output of SplitMix64 seeded with `seed`.
/// 2. Students are sorted by `(d(i), i)` ascending; a student's lottery number is her 1-based place in that order.
/// 3. A lower lottery number wins ties: at any position, applicant `a` comes before `b` when
///    `(tier(a), lottery(a)) < (tier(b), lottery(b))`.
public struct Lottery: Sendable {
    /// `rank[s]` is student `s`'s 0-based place in the draw (her lottery number minus one).
    public let rank: [Int32]
    /// `order[k]` is the student with 0-based place `k`.
    public let order: [Int32]

    /// Draws the lottery for `count` students from `seed`.
    public init(seed: UInt64, count: Int) {
        var draws = [UInt64](repeating: 0, count: count)
        var g = SplitMix64(seed: seed)
        for i in 0..<count { draws[i] = g.next() }
        order = Lottery.sortedIndices(draws)
        var rank = [Int32](repeating: 0, count: count)
        for (k, s) in order.enumerated() { rank[Int(s)] = Int32(k) }
        self.rank = rank
    }

    /// Student `s`'s lottery number (1 = first drawn, wins every tie).
    public func number(of student: Int) -> Int { Int(rank[student]) + 1 }

    /// Indices sorted by (value, index): a stable LSD radix sort over four 16-bit digits.
    static func sortedIndices(_ keys: [UInt64]) -> [Int32] {
        let n = keys.count
        if n < 4096 {
            // Small lotteries: a comparison sort beats clearing the radix histogram four times.
            return (0..<Int32(n)).sorted { (keys[Int($0)], $0) < (keys[Int($1)], $1) }
        }
        var idx = (0..<Int32(n)).map { $0 }
        var tmp = [Int32](repeating: 0, count: n)
        var count = [Int](repeating: 0, count: 65_537)
        keys.withUnsafeBufferPointer { k in
            for shift in stride(from: 0, to: 64, by: 16) {
                for i in 0..<count.count { count[i] = 0 }
                for i in 0..<n { count[Int((k[i] >> UInt64(shift)) & 0xFFFF) + 1] += 1 }
                for d in 0..<65_536 { count[d + 1] += count[d] }
                idx.withUnsafeBufferPointer { src in
                    tmp.withUnsafeMutableBufferPointer { dst in
                        for i in 0..<n {
                            let s = src[i]
                            let d = Int((k[Int(s)] >> UInt64(shift)) & 0xFFFF)
                            dst[count[d]] = s
                            count[d] += 1
                        }
                    }
                }
                swap(&idx, &tmp)
            }
        }
        return idx
    }
}
