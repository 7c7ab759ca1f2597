/// Position-proposing deferred acceptance. Each position offers seats to its choice (soft-reserve rule) among
/// the applicants who have not rejected it; each student keeps her best offer and rejects the rest.
/// Because the rule is substitutable, a rejection never withdraws another offer: the position offers at most
/// one new seat, found with two cursors over its applicants sorted best first:
/// `eligibleCursor` (eligible applicants before it are in reserved seats or have rejected) and
/// `openCursor` (applicants before it hold an offer or have rejected).
enum PositionProposing {
    private static let none: UInt8 = 0, inReserved: UInt8 = 1, inOpen: UInt8 = 2, gone: UInt8 = 3

    static func run(_ instance: Instance, keys: [UInt64], lottery: Lottery) -> (assignment: [Int32], proposals: Int) {
        let n = instance.studentCount, m = instance.positionCount
        // Applicants of each position, sorted by key.
        var start = [Int](repeating: 0, count: m + 1)
        for (k, p) in instance.preferences.enumerated() where keys[k] != EdgeKeys.excluded { start[Int(p) + 1] += 1 }
        for p in 0..<m { start[p + 1] += start[p] }
        var fill = start
        var entryKey = [UInt64](repeating: 0, count: start[m])
        var entryRank = [Int32](repeating: 0, count: start[m])
        for s in 0..<n {
            let lo = Int(instance.preferenceStart[s])
            for k in lo..<Int(instance.preferenceStart[s + 1]) where keys[k] != EdgeKeys.excluded {
                let p = Int(instance.preferences[k])
                entryKey[fill[p]] = keys[k]
                entryRank[fill[p]] = Int32(k - lo)
                fill[p] += 1
            }
        }
        var entryPosition = [Int32](repeating: 0, count: start[m])
        for p in 0..<m {
            var pairs = (start[p]..<start[p + 1]).map { (entryKey[$0], entryRank[$0]) }
            pairs.sort { $0.0 < $1.0 }
            for (i, e) in pairs.enumerated() {
                entryKey[start[p] + i] = e.0
                entryRank[start[p] + i] = e.1
                entryPosition[start[p] + i] = Int32(p)
            }
        }

        var state = [UInt8](repeating: none, count: start[m])
        var eligibleCursor = Array(start[0..<m]), openCursor = Array(start[0..<m])
        var reservedCount = [Int](repeating: 0, count: m), openCount = [Int](repeating: 0, count: m)
        var held = [Int](repeating: -1, count: n)
        var proposals = 0
        var rejections: [Int] = []

        func student(_ e: Int) -> Int { Int(lottery.order[Int(entryKey[e] & 0xFFFF_FFFF)]) }
        func isEligible(_ e: Int) -> Bool { instance.reserveEligible[student(e)] }

        func offer(_ e: Int) {
            proposals += 1
            let s = student(e)
            let h = held[s]
            if h < 0 {
                held[s] = e
            } else if entryRank[e] < entryRank[h] {
                held[s] = e
                rejections.append(h)
            } else {
                rejections.append(e)
            }
        }
        func offerOpenSeat(_ p: Int) {
            var g = openCursor[p]
            while g < start[p + 1] && state[g] != none { g += 1 }
            openCursor[p] = g
            if g < start[p + 1] {
                state[g] = inOpen
                openCount[p] += 1
                openCursor[p] = g + 1
                offer(g)
            }
        }

        for p in 0..<m {
            let c = Int(instance.capacity[p]), r = Int(instance.reserved[p])
            var e = eligibleCursor[p]
            while reservedCount[p] < r && e < start[p + 1] {
                if isEligible(e) {
                    state[e] = inReserved
                    reservedCount[p] += 1
                    offer(e)
                }
                e += 1
            }
            eligibleCursor[p] = e
            while reservedCount[p] + openCount[p] < c && openCursor[p] < start[p + 1] { offerOpenSeat(p) }
        }

        while let e = rejections.popLast() {
            let p = Int(entryPosition[e])
            let was = state[e]
            state[e] = gone
            if was == inReserved {
                reservedCount[p] -= 1
                var f = eligibleCursor[p]
                while f < start[p + 1] && (!isEligible(f) || state[f] == gone) { f += 1 }
                if f < start[p + 1] {
                    eligibleCursor[p] = f + 1
                    reservedCount[p] += 1
                    if state[f] == none {
                        state[f] = inReserved
                        offer(f)
                        continue
                    }
                    state[f] = inReserved  // was in an open seat: moves to a reserved one, freeing an open seat
                    openCount[p] -= 1
                } else {
                    eligibleCursor[p] = f
                }
            } else {
                openCount[p] -= 1
            }
            offerOpenSeat(p)
        }

        var assignment = [Int32](repeating: -1, count: n)
        for s in 0..<n where held[s] >= 0 { assignment[s] = entryPosition[held[s]] }
        return (assignment, proposals)
    }
}
