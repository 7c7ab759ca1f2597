/// The applicants a position currently holds, under the soft-reserve choice rule:
/// a max-heap (worst on top) of the reserve-eligible applicants in reserved seats (at most `reserved`),
/// and a max-heap of everyone else it holds. All positions' heaps live in one flat buffer.
///
/// Adding applicant `x` to a full position rejects exactly one applicant: the worst of those not in
/// reserved seats, after `x` (if eligible and better than the worst reserved-seat holder) has taken her place.
/// This is `Ch(held ∪ {x})` of Hafalir–Yenmez–Yildirim's soft-reserve rule: reserved seats go to the best
/// eligible applicants, the remaining seats to the best of all the others.
struct HeldSeats {
    private(set) var keys: UnsafeMutableBufferPointer<UInt64>
    private let base: [Int]
    let capacity: [Int32]
    let reserved: [Int32]
    private(set) var reservedCount: [Int32]
    private(set) var openCount: [Int32]

    init(capacity: [Int32], reserved: [Int32]) {
        let m = capacity.count
        var base = [Int](repeating: 0, count: m + 1)
        for p in 0..<m { base[p + 1] = base[p] + Int(capacity[p]) + Int(reserved[p]) }
        self.base = base
        self.capacity = capacity
        self.reserved = reserved
        keys = .allocate(capacity: max(base[m], 1))
        reservedCount = [Int32](repeating: 0, count: m)
        openCount = [Int32](repeating: 0, count: m)
    }

    func deallocate() { keys.deallocate() }

    /// The held keys of position `p` (reserved seats first, then the others), unordered.
    func held(_ p: Int) -> [UInt64] {
        let b = base[p], r = Int(reserved[p])
        return Array(keys[b..<b + Int(reservedCount[p])]) + Array(keys[b + r..<b + r + Int(openCount[p])])
    }

    /// Offers position `p` the applicant with `key`. Returns the key of the applicant rejected
    /// (possibly `key` itself), or `EdgeKeys.excluded` when everyone is held.
    @inline(__always)
    mutating func add(_ p: Int, key: UInt64, eligible: Bool) -> UInt64 {
        let c = Int(capacity[p])
        if c == 0 { return key }
        let r = Int(reserved[p])
        let b = base[p]
        var candidate = key
        if eligible && r > 0 {
            let rc = Int(reservedCount[p])
            if rc < r {
                Self.push(keys, b, rc, key)
                reservedCount[p] = Int32(rc + 1)
                if rc + 1 + Int(openCount[p]) <= c { return UInt64.max }
                return popWorstOpen(p, b + r)
            }
            if key < keys[b] {
                candidate = keys[b]
                Self.replaceTop(keys, b, rc, key)
            }
        }
        let o = b + r
        let oc = Int(openCount[p])
        if Int(reservedCount[p]) + oc < c {
            Self.push(keys, o, oc, candidate)
            openCount[p] = Int32(oc + 1)
            return UInt64.max
        }
        if oc == 0 || candidate > keys[o] { return candidate }
        let rejected = keys[o]
        Self.replaceTop(keys, o, oc, candidate)
        return rejected
    }

    @inline(__always)
    private mutating func popWorstOpen(_ p: Int, _ o: Int) -> UInt64 {
        let oc = Int(openCount[p])
        let worst = keys[o]
        let last = keys[o + oc - 1]
        openCount[p] = Int32(oc - 1)
        if oc > 1 { Self.replaceTop(keys, o, oc - 1, last) }
        return worst
    }

    @inline(__always)
    private static func push(_ h: UnsafeMutableBufferPointer<UInt64>, _ b: Int, _ count: Int, _ key: UInt64) {
        var i = count
        while i > 0 {
            let parent = (i - 1) >> 1
            let pk = h[b + parent]
            if pk >= key { break }
            h[b + i] = pk
            i = parent
        }
        h[b + i] = key
    }

    @inline(__always)
    private static func replaceTop(_ h: UnsafeMutableBufferPointer<UInt64>, _ b: Int, _ count: Int, _ key: UInt64) {
        var i = 0
        while true {
            let l = 2 * i + 1
            if l >= count { break }
            var child = l
            if l + 1 < count && h[b + l + 1] > h[b + l] { child = l + 1 }
            if h[b + child] <= key { break }
            h[b + i] = h[b + child]
            i = child
        }
        h[b + i] = key
    }
}
