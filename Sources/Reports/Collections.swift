import Foundation

extension Sequence {
    /// The `k` smallest elements in increasing order: `sorted(by:).prefix(k)` (stable too), in one
    /// pass that keeps only the best `k`. Emails list the first 200 of tens of thousands; sorting
    /// them all cost more than rendering the email.
    func smallest(_ k: Int, by areInIncreasingOrder: (Element, Element) -> Bool) -> [Element] {
        guard k > 0 else { return [] }
        var best: [Element] = []
        best.reserveCapacity(k + 1)
        for element in self {
            if best.count == k, !areInIncreasingOrder(element, best[k - 1]) { continue }
            // After every element already kept that is not greater: equal elements keep their order.
            var low = 0, high = best.count
            while low < high {
                let mid = (low + high) / 2
                if areInIncreasingOrder(element, best[mid]) { high = mid } else { low = mid + 1 }
            }
            best.insert(element, at: low)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}

extension Array where Element: Hashable {
    /// The elements in order, each kept the first time it appears.
    public func uniqued() -> [Element] {
        // A short list (a student's few actions) is cheaper to scan than to hash into a set.
        if count <= 16 {
            var kept: [Element] = []
            kept.reserveCapacity(count)
            for element in self where !kept.contains(element) { kept.append(element) }
            return kept
        }
        var seen = Set<Element>()
        return filter { seen.insert($0).inserted }
    }
}

/// `[make(0), …, make(count - 1)]`, computed on every core. For pure work split into independent
/// pieces: the emails of a run, the eligibility checks and explanations of chunks of students.
public func inParallel<T: Sendable>(count: Int, _ make: @Sendable (Int) -> T) -> [T] {
    let results = ParallelResults<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, make(i)) }
    return results.values
}

/// `0..<count` cut into about one chunk per core (a few more, so one slow chunk does not leave a core idle).
public func chunks(of count: Int) -> [Range<Int>] {
    let pieces = max(1, min(count, ProcessInfo.processInfo.activeProcessorCount * 4))
    return (0..<pieces).map { count * $0 / pieces ..< count * ($0 + 1) / pieces }
}

/// The results of ``inParallel(count:_:)``, one slot per iteration.
private final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: T) { lock.withLock { slots[i] = value } }
    var values: [T] { lock.withLock { slots.map { $0! } } }
}
