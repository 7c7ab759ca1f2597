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
