import Testing
@testable import Reports

@Suite struct SmallestTests {
    /// `smallest(k)` is `sorted(by:).prefix(k)` for any input, including ties (kept in input order),
    /// already sorted and reversed input, k = 0 and k larger than the input.
    @Test func agreesWithAStableSortOnRandomInput() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let count = Int.random(in: 0...400, using: &generator)
            // Few distinct keys, so ties are common; the position tells equal keys apart.
            var items = (0..<count).map { (key: Int.random(in: 0...(trial % 3 == 0 ? 5 : 1000), using: &generator), position: $0) }
            if trial % 7 == 1 { items.sort { $0.key < $1.key } }
            if trial % 7 == 2 { items.sort { $0.key > $1.key } }
            let k = [0, 1, 3, 200, 500][trial % 5]
            let expected = items.sorted { $0.key < $1.key }.prefix(k).map(\.position)
            let got = items.smallest(k) { $0.key < $1.key }.map(\.position)
            #expect(got == Array(expected), "trial \(trial): \(count) items, k \(k)")
        }
    }
}

@Suite struct UniquedTests {
    /// Short lists (scanned) and long ones (hashed) keep each element's first occurrence, in order.
    @Test func keepsFirstOccurrencesInOrderAtEveryLength() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 15, 16, 17, 40, 300] {
            let items = (0..<count).map { _ in Int.random(in: 0...(count / 2 + 1), using: &generator) }
            var expected: [Int] = []
            for item in items where !expected.contains(item) { expected.append(item) }
            #expect(items.uniqued() == expected, "\(count) items")
        }
    }
}
