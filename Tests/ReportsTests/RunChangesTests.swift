import Testing
@testable import Reports

@Suite struct RunChangesTests {
    @Test func classifiesEachStudent() {
        let changes = RunChanges.between(previous: [1: 100, 2: 102, 4: 101], current: [1: 100, 2: 101, 3: 100])
        #expect(changes.moved == [.init(studentID: 2, fromSlotID: 102, toSlotID: 101)])
        #expect(changes.newlyMatched == [3])
        #expect(changes.newlyUnmatched == [4])
        #expect(changes.unchanged == 1)
        #expect(!changes.isEmpty)
    }

    @Test func identicalRunsHaveNoChanges() {
        let same: [Int64: Int64] = [1: 5, 2: 6]
        #expect(RunChanges.between(previous: same, current: same).isEmpty)
    }

    /// Property: every student of either run is counted exactly once, on the right side.
    @Test func countsBalanceOnRandomRuns() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            var previous: [Int64: Int64] = [:]
            var current: [Int64: Int64] = [:]
            for student in Int64(0)..<Int64.random(in: 0..<60, using: &rng) {
                if Bool.random(using: &rng) { previous[student] = Int64.random(in: 0..<5, using: &rng) }
                if Bool.random(using: &rng) { current[student] = Int64.random(in: 0..<5, using: &rng) }
            }
            let c = RunChanges.between(previous: previous, current: current)
            #expect(c.moved.count + c.unchanged + c.newlyMatched.count == current.count)
            #expect(c.moved.count + c.unchanged + c.newlyUnmatched.count == previous.count)
            #expect(c.moved.allSatisfy { previous[$0.studentID] == $0.fromSlotID && current[$0.studentID] == $0.toSlotID && $0.fromSlotID != $0.toSlotID })
            #expect(c.newlyMatched == c.newlyMatched.sorted())
        }
    }
}
