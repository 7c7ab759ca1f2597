import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `[make(0), …, make(count - 1)]`, computed on every core. For pure work split into independent
/// pieces: the rows of a large import, the eligibility checks and explanations of chunks of
/// students, the emails of a run.
public func inParallel<T: Sendable>(count: Int, _ make: @Sendable (Int) -> T) -> [T] {
    let results = ParallelResults<T>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { i in results.set(i, make(i)) }
    return results.values
}

/// `(a(), b())`, the two computed at the same time.
public func both<A: Sendable, B: Sendable>(_ a: @Sendable () -> A, _ b: @Sendable () -> B) -> (A, B) {
    let results = ParallelResults<Either<A, B>>(count: 2)
    DispatchQueue.concurrentPerform(iterations: 2) { i in results.set(i, i == 0 ? .first(a()) : .second(b())) }
    let values = results.values
    guard case .first(let x) = values[0], case .second(let y) = values[1] else { fatalError("both: results out of place") }
    return (x, y)
}

private enum Either<A: Sendable, B: Sendable>: Sendable {
    case first(A)
    case second(B)
}

/// `0..<count` cut into about one chunk per core (a few more, so one slow chunk does not leave a core idle).
public func chunks(of count: Int) -> [Range<Int>] {
    let cores = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
    let pieces = max(1, min(count, cores * 4))
    return (0..<pieces).map { count * $0 / pieces ..< count * ($0 + 1) / pieces }
}

/// The results of ``inParallel(count:_:)``: one slot per iteration, each written by its iteration
/// only, and read after `concurrentPerform` has returned (which orders the writes before the reads).
private final class ParallelResults<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func set(_ i: Int, _ value: T) { slots[i] = value }

    var values: [T] { slots.map { $0! } }
}
