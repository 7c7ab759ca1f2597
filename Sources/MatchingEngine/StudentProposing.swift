/// Student-proposing deferred acceptance (Gale–Shapley), with each position choosing by the soft-reserve rule.
/// Every free student applies to her next acceptable choice; the position keeps its choice among the
/// applicants it holds plus her and rejects one when full. The rejected student applies on.
/// The outcome does not depend on the order in which free students apply.
enum StudentProposing {
    static func run(_ instance: Instance, keys: [UInt64], lottery: Lottery) -> (assignment: [Int32], proposals: Int) {
        let n = instance.studentCount
        var seats = HeldSeats(capacity: instance.capacity, reserved: instance.reserved)
        defer { seats.deallocate() }
        var assignment = [Int32](repeating: -1, count: n)
        var next = instance.preferenceStart
        var proposals = 0
        keys.withUnsafeBufferPointer { keys in
            instance.preferences.withUnsafeBufferPointer { prefs in
                instance.preferenceStart.withUnsafeBufferPointer { start in
                    instance.reserveEligible.withUnsafeBufferPointer { eligible in
                        lottery.order.withUnsafeBufferPointer { order in
                            assignment.withUnsafeMutableBufferPointer { assignment in
                                next.withUnsafeMutableBufferPointer { next in
                                    for first in 0..<n {
                                        var s = first
                                        chain: while true {
                                            var k = Int(next[s])
                                            let end = Int(start[s + 1])
                                            while k < end {
                                                let key = keys[k]
                                                let p = Int(prefs[k])
                                                k += 1
                                                if key == EdgeKeys.excluded { continue }
                                                proposals += 1
                                                let rejected = seats.add(p, key: key, eligible: eligible[s])
                                                if rejected == key { continue }
                                                next[s] = Int32(k)
                                                assignment[s] = Int32(p)
                                                if rejected == UInt64.max { break chain }
                                                s = Int(order[Int(rejected & 0xFFFF_FFFF)])
                                                assignment[s] = -1
                                                continue chain
                                            }
                                            next[s] = Int32(k)
                                            break chain
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return (assignment, proposals)
    }
}
