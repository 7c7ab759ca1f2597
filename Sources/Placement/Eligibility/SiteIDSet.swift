/// A set of site ids (a school's bus routes) as a sorted array: membership by binary search,
/// no hashing, one allocation shared by every student of the school.
public struct SiteIDSet: Hashable, Sendable, ExpressibleByArrayLiteral {
    /// The ids, ascending, without duplicates.
    public let sorted: [Int64]

    /// The set of these ids.
    public init(_ ids: some Sequence<Int64>) { sorted = Array(Set(ids)).sorted() }

    public init(arrayLiteral ids: Int64...) { self.init(ids) }

    /// Whether `id` is in the set.
    @inline(__always)
    public func contains(_ id: Int64) -> Bool {
        sorted.withUnsafeBufferPointer { a in
            var lo = 0, hi = a.count
            while lo < hi {
                let mid = (lo + hi) >> 1
                if a[mid] < id { lo = mid + 1 } else { hi = mid }
            }
            return lo < a.count && a[lo] == id
        }
    }

    /// Whether the set is empty.
    public var isEmpty: Bool { sorted.isEmpty }
}
