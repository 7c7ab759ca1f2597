import Testing
import Parallel

@Suite struct ParallelTests {
    @Test(arguments: [0, 1, 2, 7, 1_000])
    func resultsComeBackInOrder(_ count: Int) {
        #expect(inParallel(count: count) { $0 * $0 } == (0..<count).map { $0 * $0 })
    }

    @Test func bothGivesEachResultInItsPlace() {
        let (text, number) = both({ String(repeating: "a", count: 3) }, { (1...100).reduce(0, +) })
        #expect(text == "aaa")
        #expect(number == 5050)
    }

    @Test(arguments: [0, 1, 3, 10, 12_345])
    func chunksCoverEveryIndexOnceInOrder(_ count: Int) {
        let pieces = chunks(of: count)
        #expect(pieces.flatMap { Array($0) } == Array(0..<count))
        #expect(pieces.allSatisfy { !$0.isEmpty } || count == 0)
    }
}
