/// The priority key of every listed (student, position) pair, aligned with `Instance.preferences`:
/// `tier << 32 | lotteryRank` when the pair takes part, ``EdgeKeys/excluded`` when it does not
/// (not ranked by a position that ranks, or infeasible). Lower keys are better.
enum EdgeKeys {
    static let excluded = UInt64.max

    static func build(_ instance: Instance, lottery: Lottery) -> [UInt64] {
        let n = instance.studentCount, m = instance.positionCount
        let pairs = StudentPairs(instance)
        var keys = [UInt64](repeating: excluded, count: instance.choiceCount)
        var scratch = [Int32](repeating: 0, count: m)
        let infeasible = instance.infeasible
        var fi = 0
        keys.withUnsafeMutableBufferPointer { keys in
            scratch.withUnsafeMutableBufferPointer { scratch in
                instance.preferences.withUnsafeBufferPointer { prefs in
                    instance.preferenceStart.withUnsafeBufferPointer { prefStart in
                        instance.hasRanking.withUnsafeBufferPointer { hasRanking in
                            lottery.rank.withUnsafeBufferPointer { rank in
                                pairs.position.withUnsafeBufferPointer { pp in
                                    pairs.tier.withUnsafeBufferPointer { pt in
                                        for s in 0..<n {
                                            let a0 = Int(pairs.start[s]), a1 = Int(pairs.start[s + 1])
                                            for a in a0..<a1 { scratch[Int(pp[a])] = pt[a] }
                                            let f0 = fi
                                            while fi < infeasible.count && Int(infeasible[fi].student) == s {
                                                scratch[Int(infeasible[fi].position)] = -1
                                                fi += 1
                                            }
                                            let lot = UInt64(UInt32(rank[s]))
                                            for k in Int(prefStart[s])..<Int(prefStart[s + 1]) {
                                                let p = Int(prefs[k])
                                                let t = scratch[p]
                                                if t < 0 { continue }
                                                if hasRanking[p] {
                                                    if t > 0 { keys[k] = UInt64(UInt32(t)) << 32 | lot }
                                                } else {
                                                    keys[k] = 1 << 32 | lot
                                                }
                                            }
                                            for a in a0..<a1 { scratch[Int(pp[a])] = 0 }
                                            for f in f0..<fi { scratch[Int(infeasible[f].position)] = 0 }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return keys
    }
}
