/// Ranking entries regrouped by student: for student `s`, the (position, tier) pairs of every ranking that lists her.
/// Built with one counting sort, so looking up a student's tier at the positions she listed is linear overall.
struct StudentPairs: Sendable {
    let start: [Int32]
    let position: [Int32]
    let tier: [Int32]

    init(_ instance: Instance) {
        let n = instance.studentCount, m = instance.positionCount
        let total = instance.rankingStudent.count
        var start = [Int32](repeating: 0, count: n + 1)
        for s in instance.rankingStudent { start[Int(s) + 1] += 1 }
        for s in 0..<n { start[s + 1] += start[s] }
        var fill = start
        var position = [Int32](repeating: 0, count: total)
        var tier = [Int32](repeating: 0, count: total)
        instance.rankingStudent.withUnsafeBufferPointer { rs in
            instance.rankingTier.withUnsafeBufferPointer { rt in
                for p in 0..<m {
                    for k in Int(instance.rankingStart[p])..<Int(instance.rankingStart[p + 1]) {
                        let s = Int(rs[k])
                        let at = Int(fill[s])
                        fill[s] += 1
                        position[at] = Int32(p)
                        tier[at] = rt[k]
                    }
                }
            }
        }
        self.start = start
        self.position = position
        self.tier = tier
    }

    /// Student `s`'s tier in position `p`'s ranking, or nil when the ranking does not list her.
    func tier(student s: Int, position p: Int32) -> Int32? {
        for k in Int(start[s])..<Int(start[s + 1]) where position[k] == p { return tier[k] }
        return nil
    }
}
