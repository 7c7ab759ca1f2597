/// Everything the fast check reads about one slot, precomputed once per run: plain integers and
/// bits, so checking a pair allocates nothing and formats nothing.
///
/// 64 bytes, stored 64-byte aligned (`SlotFactsTable`), so a pair's slot costs one cache line.
struct SlotFacts: Sendable {
    /// The site as a unit vector (three doubles, not SIMD3, whose 32-byte alignment would pad).
    var siteX: Double
    var siteY: Double
    var siteZ: Double
    var siteID: Int64
    var start: Int32
    /// First day the schedule breaks a young-worker limit; `Int32.max` when never.
    var youngViolationDay: Int32
    var hazardousOrders: UInt32
    var flags: Flags
    /// Offset of the slot's schedule in the checker's interned schedule intervals.
    var intervalsStart: Int32
    /// Latest end of any window in minutes after its start day's midnight (> 1440 past midnight); -1 none.
    var latestEnd: Int16
    var intervalsCount: UInt16
    /// Minimum age on the start date; 0 = none.
    var requiredAge: Int8
    var certifications: UInt8
    var minimumGrade: Int8
    /// Small code of the program of study (`ProgramOfStudy.code`); -1 none.
    var program: Int8

    struct Flags: OptionSet, Sendable {
        let rawValue: UInt32
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
