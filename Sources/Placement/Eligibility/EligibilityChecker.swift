/// Decides, for each (student, slot) pair a student chose, whether it may take part in the match,
/// and if not, every rule that failed.
///
/// Built once per run from the policy, the slots and their sites: everything about a slot is
/// precomputed (its young-worker hour analysis over its dates, its location as a unit vector, its
/// requirements as bits), so checking a pair is a handful of integer comparisons that allocate
/// nothing. Sentences come later and only on request (`failures(of:context:slot:)`).
///
/// ```swift
/// let checker = try EligibilityChecker(policy: policy, slots: slots, sites: sites)
/// let verdicts = checker.check(student, context: context, choices: [3, 17, 42])   // slot indices
/// if !verdicts[0].isEligible {
///     for f in checker.failures(of: student, context: context, slot: 3) {
///         print(f.sentence(name: student.firstName, access: .notEntitled))
///     }
/// }
/// ```
public struct EligibilityChecker: Sendable {
    /// The policy every rule reads.
    public let policy: EligibilityPolicy
    /// The slots, in the order the checker indexes them.
    public let slots: [Slot]
    let facts: SlotFactsTable
    let employerIDs: [Int64]
    /// Per slot: site id (-1 none), latest end of its windows (minutes after the start day's midnight, -1 none).
    let siteIDs: [Int64]
    let latestEnds: [Int32]
    /// Per interned schedule: offset and count in `slotIntervals`.
    let scheduleSpans: [(start: Int32, count: Int32)]
    let slotIntervals: [Int32]
    let analyses: [ScheduleCalendarAnalysis]
    /// Index into `analyses` per slot; -1 for invalid slots.
    let analysisOfSlot: [Int32]
    let siteCounties: [String]
    let siteCountyNames: [String]
    let siteLocations: [GeoPoint?]
    let indexByID: [Int64: Int]
    let neededAges: [Int]
    let walkingChord2: Double
    let commuteChord2: Double

    /// Ages the rules use are kept for 0...31; a slot asking for more is invalid data.
    static let maxAge = 31

    /// Distance limits are applied this much shorter (2 m) to absorb single-precision site coordinates.
    static let distanceMarginKm = 0.002

    /// Precomputes the facts of every slot.
    ///
    /// - Parameters:
    ///   - policy: validated here; an invalid policy throws and checks nothing.
    ///   - slots: the slots of the run; `check` takes indices into this array.
    ///   - sites: the sites the slots reference (others are ignored). A non-virtual slot whose
    ///     site is missing or not located fails with `location_unknown`.
    public init(policy: EligibilityPolicy, slots: [Slot], sites: [Site]) throws(PolicyError) {
        try policy.validate()
        self.policy = policy
        self.slots = slots
        let siteByID = Dictionary(sites.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let hw = policy.hazardousWork
        var ages: Set<Int> = [policy.minimumAge, policy.jobShadowMinimumAge, policy.youngWorkers.underAge,
                              hw.hazardousOrdersMinimumAge, hw.studentLearnerMinimumAge, hw.drivingMinimumAge,
                              hw.manufacturingMiningMachineryMinimumAge, hw.agriculturalHazardousMinimumAge,
                              hw.vocationalAgExemptionMinimumAge, policy.guardianConsentUnderAge, policy.workPermitUnderAge]
        var facts: [SlotFacts] = []
        facts.reserveCapacity(slots.count)
        var intervals: [Int32] = []
        var internedSchedules: [WeeklySchedule: UInt32] = [:]
        var scheduleSpans: [(start: Int32, count: Int32)] = []
        var siteIDs: [Int64] = []
        var latestEnds: [Int32] = []
        var employerIDs: [Int64] = []
        var analyses: [ScheduleCalendarAnalysis] = []
        var analysisIndex: [ScheduleCalendarAnalysis.Key: Int] = [:]
        var analysisOfSlot: [Int32] = []
        var counties: [String] = []
        var countyNames: [String] = []
        var locations: [GeoPoint?] = []
        var indexByID: [Int64: Int] = [:]
        counties.reserveCapacity(slots.count)
        locations.reserveCapacity(slots.count)
        for (i, slot) in slots.enumerated() {
            indexByID[slot.id] = i
            let site = slot.siteID.flatMap { siteByID[$0] }
            var flags: SlotFacts.Flags = []
            let tooLong = slot.startDate.days(to: slot.endDate) > 3660
            let badAge = (slot.minimumAge ?? 0) > EligibilityChecker.maxAge || (slot.minimumAge ?? 0) < 0
            if slot.endDate < slot.startDate || tooLong || badAge { flags.insert(.invalid) }
            if !slot.active { flags.insert(.inactive) }
            if slot.virtual { flags.insert(.virtual) }
            if site?.location != nil { flags.insert(.located) }
            if slot.manufacturing { flags.insert(.manufacturing) }
            if slot.mining { flags.insert(.mining) }
            if slot.powerMachinery { flags.insert(.powerMachinery) }
            if slot.agriculturalHazardous { flags.insert(.agriculturalHazardous) }
            if !policy.workPermitExemptKinds.contains(slot.kind) { flags.insert(.workPermitApplies) }
            let r = slot.requirements
            if r.backgroundCheck { flags.insert(.backgroundCheck) }
            if r.drugScreen { flags.insert(.drugScreen) }
            if r.driversLicense { flags.insert(.driversLicense) }
            if r.usCitizenship { flags.insert(.usCitizenship) }
            if r.programRequired && slot.programOfStudy != nil { flags.insert(.programRequired) }

            var youngViolation = Int32.max
            var analysisSlot = -1
            if !flags.contains(.invalid) {
                let key = ScheduleCalendarAnalysis.Key(schedule: slot.schedule, start: slot.startDate, end: slot.endDate)
                if let k = analysisIndex[key] {
                    analysisSlot = k
                } else {
                    analysisSlot = analyses.count
                    analyses.append(ScheduleCalendarAnalysis.analyze(key, policy: policy))
                    analysisIndex[key] = analysisSlot
                }
                let a = analyses[analysisSlot]
                if let v = a.firstViolation { youngViolation = v.date.dayNumber }
                if a.usesSchoolYear { flags.insert(.usesSchoolYear) }
                if a.usesSummer { flags.insert(.usesSummer) }
            }
            analysisOfSlot.append(Int32(analysisSlot))
            let baseAge = slot.kind == .jobShadow ? policy.jobShadowMinimumAge : policy.minimumAge
            let required = flags.contains(.invalid) ? 0 : max(baseAge, slot.minimumAge ?? 0)
            ages.insert(required)
            let latestEnd = slot.schedule.windows.map { $0.crossesMidnight ? 1440 + $0.end : $0.end }.max() ?? -1
            let scheduleIndex: UInt32
            if let k = internedSchedules[slot.schedule] {
                scheduleIndex = k
            } else {
                scheduleIndex = UInt32(scheduleSpans.count)
                internedSchedules[slot.schedule] = scheduleIndex
                scheduleSpans.append((Int32(intervals.count), Int32(slot.schedule.intervals.count)))
                intervals += slot.schedule.intervals
            }
            siteIDs.append(slot.siteID ?? -1)
            latestEnds.append(Int32(latestEnd))
            let unit = site?.location?.unitVector ?? .zero
            employerIDs.append(slot.employerID)
            let offset = youngViolation == Int32.max ? Int16.max : Int16(youngViolation - slot.startDate.dayNumber)
            facts.append(SlotFacts(
                siteX: Float(unit.x), siteY: Float(unit.y), siteZ: Float(unit.z), start: slot.startDate.dayNumber,
                hazardousOrders: slot.hazardousOrders.rawValue, schedule: scheduleIndex, youngViolationOffset: offset,
                flags: flags, requiredAge: Int8(required), certifications: r.certifications.rawValue,
                minimumGrade: Int8(clamping: r.minimumGrade ?? 0), program: slot.programOfStudy?.code ?? -1))
            counties.append(site?.county.lowercased() ?? "")
            countyNames.append(site?.county ?? "")
            locations.append(slot.virtual ? nil : site?.location)
        }
        self.facts = SlotFactsTable(facts)
        self.employerIDs = employerIDs
        self.siteIDs = siteIDs
        self.latestEnds = latestEnds
        self.scheduleSpans = scheduleSpans
        self.slotIntervals = intervals
        self.analyses = analyses
        self.analysisOfSlot = analysisOfSlot
        self.siteCounties = counties
        self.siteCountyNames = countyNames
        self.siteLocations = locations
        self.indexByID = indexByID
        self.neededAges = ages.filter { (0...EligibilityChecker.maxAge).contains($0) }.sorted()
        // Sites are stored in single precision (≈ 0.5 m): compare against limits 2 m shorter, so rounding
        // can only make a pair at the very edge ineligible, never one beyond the limit eligible.
        self.walkingChord2 = GeoPoint.squaredChord(forKm: max(0, policy.transport.walkingDistanceKm - EligibilityChecker.distanceMarginKm))
        self.commuteChord2 = GeoPoint.squaredChord(forKm: max(0, policy.transport.maxCommuteKm - EligibilityChecker.distanceMarginKm))
    }

    /// The index of the slot with this id, for `check`.
    public func index(ofSlot id: Int64) -> Int? { indexByID[id] }

    /// A student's facts prepared for checking many pairs.
    public func prepare(_ student: Student, context: StudentContext) -> PreparedStudent {
        PreparedStudent(student, context: context, neededAges: neededAges, leapDay: policy.leapDayBirthday,
                        fromSchool: policy.transport.measureFrom == .school)
    }

    /// The verdicts for a student's choices (slot indices), in the same order.
    public func check(_ student: Student, context: StudentContext, choices: [Int]) -> [PairEligibility] {
        let p = prepare(student, context: context)
        return choices.map { check(p, slot: $0) }
    }

    /// The verdicts for a student's choices written into `results` (same count as `choices`):
    /// the allocation-free form for whole runs.
    public func check(_ student: Student, context: StudentContext, choices: UnsafeBufferPointer<Int32>,
                      into results: UnsafeMutableBufferPointer<PairEligibility>) {
        precondition(results.count >= choices.count, "results must have room for every choice")
        let p = prepare(student, context: context)
        for k in 0..<choices.count { results[k] = check(p, slot: Int(choices[k])) }
    }

    /// The verdict for one pair.
    public func check(_ s: PreparedStudent, slot index: Int) -> PairEligibility {
        let f = facts[index]
        var fail: UInt32 = 0
        @inline(__always) func add(_ code: FailureCode) { fail |= code.bit }
        if f.flags.contains(.invalid) {
            add(.slotInvalid)
            if f.flags.contains(.inactive) { add(.slotInactive) }
            return PairEligibility(failures: FailureSet(rawValue: fail), pendingApproval: false)
        }
        if f.flags.contains(.inactive) { add(.slotInactive) }
        let start = f.start
        let b = s.birthdays
        let hw = policy.hazardousWork

        // Age and the child-labor rules.
        if f.requiredAge > 0 && start < b[Int(f.requiredAge)] { add(.underMinimumAge) }
        if f.youngViolationOffset != Int16.max && start + Int32(f.youngViolationOffset) < b[policy.youngWorkers.underAge] {
            add(.hoursLimit)
        }
        if !f.flags.isDisjoint(with: .restrictedWork) && start < b[hw.manufacturingMiningMachineryMinimumAge] {
            add(.restrictedWork)
        }
        if f.hazardousOrders != 0 && start < b[hw.hazardousOrdersMinimumAge] {
            if blockingOrders(s, f) != 0 { add(.hazardousOrder) }
        }
        if f.flags.contains(.agriculturalHazardous) && start < b[hw.agriculturalHazardousMinimumAge]
            && !(s.flags.contains(.vocationalAgExemption) && start >= b[hw.vocationalAgExemptionMinimumAge]) {
            add(.agriculturalHazardous)
        }
        if !s.flags.contains(.guardianConsent) && start < b[policy.guardianConsentUnderAge] { add(.missingGuardianConsent) }
        if f.flags.contains(.workPermitApplies) && !s.flags.contains(.workPermit) && start < b[policy.workPermitUnderAge] {
            add(.missingWorkPermit)
        }

        // Transport.
        if !f.flags.contains(.virtual) {
            if !f.flags.contains(.located) || !s.hasOrigin {
                add(.locationUnknown)
            } else {
                let dx = s.origin.x - Double(f.siteX), dy = s.origin.y - Double(f.siteY), dz = s.origin.z - Double(f.siteZ)
                let chord2 = dx * dx + dy * dy + dz * dz
                switch s.transport {
                case .family, .ownCar:
                    if chord2 > commuteChord2 { add(.commuteTooFar) }
                case .none, .schoolBus:
                    if chord2 > walkingChord2 && !s.busRouteSiteIDs.contains(siteIDs[index]) { add(.noTransport) }
                }
            }
        }

        // Schedule inside availability.
        if !scheduleFits(s, f) { add(.scheduleConflict) }

        // Requirements.
        if f.certifications & ~s.certifications != 0 { add(.missingCertification) }
        if f.flags.contains(.backgroundCheck) && !s.flags.contains(.backgroundCheck) { add(.backgroundCheckRequired) }
        if f.flags.contains(.drugScreen) && !s.flags.contains(.drugScreen) { add(.drugScreenRequired) }
        if f.flags.contains(.driversLicense) && !s.flags.contains(.driversLicense) { add(.driversLicenseRequired) }
        if f.flags.contains(.usCitizenship) && !s.flags.contains(.usCitizen) { add(.usCitizenshipRequired) }
        if f.minimumGrade > s.grade { add(.belowMinimumGrade) }
        if f.flags.contains(.programRequired) && f.program != s.program { add(.programOfStudyRequired) }

        // Court-ordered restrictions.
        if s.restricted && breaksCourtRestriction(s, index, f) { add(.courtRestriction) }

        return PairEligibility(failures: FailureSet(rawValue: fail), pendingApproval: fail == 0 && s.approvalRequired)
    }

    /// The hazardous orders no exemption lifts for this student on this slot.
    @inline(__always)
    func blockingOrders(_ s: PreparedStudent, _ f: SlotFacts) -> UInt32 {
        let hw = policy.hazardousWork
        var blocking = f.hazardousOrders
        let driving: UInt32 = 1 << 2   // HO2
        if hw.occasionalDrivingAllowed && s.flags.contains(.driversLicense) && f.start >= s.birthdays[hw.drivingMinimumAge] {
            blocking &= ~driving
        }
        if blocking != 0 && learnerExemptionHolds(s, f) {
            blocking &= ~hw.studentLearnerExemptOrders.rawValue
        }
        return blocking
    }

    @inline(__always)
    func learnerExemptionHolds(_ s: PreparedStudent, _ f: SlotFacts) -> Bool {
        s.flags.contains(.studentLearnerAgreement) && f.start >= s.birthdays[policy.hazardousWork.studentLearnerMinimumAge]
            && f.program >= 0 && f.program == s.program
    }

    @inline(__always)
    func scheduleFits(_ s: PreparedStudent, _ f: SlotFacts) -> Bool {
        let span = scheduleSpans[Int(f.schedule)]
        if span.count == 0 { return true }
        return slotIntervals.withUnsafeBufferPointer { all in
            let slot = UnsafeBufferPointer(rebasing: all[Int(span.start)..<Int(span.start) + Int(span.count)])
            if f.flags.contains(.usesSchoolYear) {
                let ok = s.availability.withUnsafeBufferPointer { WeeklySchedule.contains($0, slot) }
                if !ok { return false }
            }
            if f.flags.contains(.usesSummer) {
                return s.summerAvailability.withUnsafeBufferPointer { WeeklySchedule.contains($0, slot) }
            }
            return true
        }
    }

    @inline(__always)
    func breaksCourtRestriction(_ s: PreparedStudent, _ index: Int, _ f: SlotFacts) -> Bool {
        if latestEnds[index] > s.curfew { return true }
        for id in s.excludedEmployerIDs where id == employerIDs[index] { return true }
        if !s.excludedCounties.isEmpty && !f.flags.contains(.virtual) {
            let county = siteCounties[index]
            for c in s.excludedCounties where c == county && !county.isEmpty { return true }
        }
        return false
    }

    /// Every court restriction this slot breaks, with its facts.
    func courtRestrictionFacts(_ s: PreparedStudent, _ index: Int, _ f: SlotFacts) -> [CourtRestrictionFact] {
        var out: [CourtRestrictionFact] = []
        if s.excludedEmployerIDs.contains(employerIDs[index]) { out.append(.excludedEmployer(employerID: employerIDs[index])) }
        if !f.flags.contains(.virtual) && !siteCounties[index].isEmpty && s.excludedCounties.contains(siteCounties[index]) {
            out.append(.excludedCounty(siteCountyNames[index]))
        }
        if latestEnds[index] > s.curfew, let c = s.curfewTime { out.append(.curfew(curfew: c, slotEnds: Int(latestEnds[index]))) }
        return out
    }
}
