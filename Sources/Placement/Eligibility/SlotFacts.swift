/// Everything the fast check reads about one slot, precomputed once per run: plain integers and
/// bits, so checking a pair allocates nothing and formats nothing.
///
/// 32 bytes, stored 64-byte aligned (`SlotFactsTable`), so two slots share a cache line and a pair's
/// slot costs one. What only some pairs need (site id, latest end, employer) lives in side arrays.
struct SlotFacts: Sendable {
    /// The site as a unit vector in single precision (≈ 0.5 m on the Earth's surface; coordinates
    /// themselves are no better). Distances are compared as squared chords in double precision.
    var siteX: Float
    var siteY: Float
    var siteZ: Float
    var start: Int32
    var hazardousOrders: UInt32
    /// Index of the slot's schedule among the checker's interned schedules.
    var schedule: UInt32
    /// First day the schedule breaks a young-worker limit, in days after `start`; `Int16.max` when never
    /// (a slot lasts at most 3,660 days).
    var youngViolationOffset: Int16
    var flags: Flags
    /// Minimum age on the start date; 0 = none.
    var requiredAge: Int8
    var certifications: UInt8
    var minimumGrade: Int8
    /// Small code of the program of study (`ProgramOfStudy.code`); -1 none.
    var program: Int8

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt16
        static let virtual = Flags(rawValue: 1 << 0)
        static let located = Flags(rawValue: 1 << 1)
        static let manufacturing = Flags(rawValue: 1 << 2)
        static let mining = Flags(rawValue: 1 << 3)
        static let powerMachinery = Flags(rawValue: 1 << 4)
        static let agriculturalHazardous = Flags(rawValue: 1 << 5)
        static let workPermitApplies = Flags(rawValue: 1 << 6)
        static let inactive = Flags(rawValue: 1 << 7)
        static let invalid = Flags(rawValue: 1 << 8)
        static let usesSchoolYear = Flags(rawValue: 1 << 9)
        static let usesSummer = Flags(rawValue: 1 << 10)
        static let backgroundCheck = Flags(rawValue: 1 << 11)
        static let drugScreen = Flags(rawValue: 1 << 12)
        static let driversLicense = Flags(rawValue: 1 << 13)
        static let usCitizenship = Flags(rawValue: 1 << 14)
        static let programRequired = Flags(rawValue: 1 << 15)
        static let restrictedWork: Flags = [.manufacturing, .mining, .powerMachinery]
    }
}

extension ProgramOfStudy {
    /// Small integer for the fast check.
    var code: Int8 {
        switch self {
        case .informationTechnology: 0
        case .manufacturing: 1
        case .agriculture: 2
        case .transportationLogistics: 3
        case .alliedHealth: 4
        case .education: 5
        case .businessManagement: 6
        }
    }
}

/// The slots' facts in one 64-byte-aligned block (an `Array`'s elements start 32 bytes into its
/// allocation, which would split most 64-byte facts across two cache lines). Immutable once built.
final class SlotFactsTable: @unchecked Sendable {
    let base: UnsafeMutablePointer<SlotFacts>
    let count: Int

    init(_ facts: [SlotFacts]) {
        count = facts.count
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(1, facts.count) * MemoryLayout<SlotFacts>.stride, alignment: 64)
        base = raw.bindMemory(to: SlotFacts.self, capacity: max(1, facts.count))
        _ = UnsafeMutableBufferPointer(start: base, count: facts.count).initialize(from: facts)
    }

    deinit {
        base.deinitialize(count: count)
        UnsafeMutableRawPointer(base).deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> SlotFacts {
        precondition(index >= 0 && index < count, "slot index \(index) out of range 0..<\(count)")
        return base[index]
    }
}
