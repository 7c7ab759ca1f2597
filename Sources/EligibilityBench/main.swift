// Times the eligibility check of a generated state-scale instance: N students × K distinct choices
// (default 1,000,000 × 10) over S slots, deterministic from a seed. Run through
// `scripts/bench eligibility` (release build). Prints, measured in the same run: the slot
// precomputation, the check, a reference pass over the same choices (reading one field of each chosen
// slot), and the matching engine's build + solve on the eligible pairs of the same instance.
import MatchingEngine
import Placement

#if canImport(Glibc)
import Glibc
#endif

struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// CPU time of this process: on a shared machine, wall time also counts waiting for a core.
func cpuNow() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

func argument(_ name: String, _ fallback: Int) -> Int {
    let args = CommandLine.arguments
    if let i = args.firstIndex(of: name), i + 1 < args.count, let v = Int(args[i + 1].split(separator: "_").joined()) { return v }
    return fallback
}

let studentCount = argument("--students", 1_000_000)
let choiceCount = argument("--choices", 10)
let slotCount = argument("--slots", 100_000)
let seed = UInt64(argument("--seed", 42))
var rng = SplitMix(state: seed)
@MainActor func int(_ r: ClosedRange<Int>) -> Int { Int.random(in: r, using: &rng) }
@MainActor func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

// Pools: real runs share a few dozen schedule shapes and date ranges.
let schedulePool = [
    "Mon-Fri 15:30-18:00", "Mon-Fri 16:00-19:00", "Mon,Wed,Fri 15:30-18:30", "Tue,Thu 16:00-19:00; Sat 09:00-13:00",
    "Sat 08:00-12:00", "Mon-Fri 09:00-12:00", "Mon-Fri 08:00-16:00", "Mon-Thu 13:00-17:00", "Fri 18:00-22:00",
    "Mon-Fri 07:30-11:30", "Sat-Sun 10:00-14:00", "Mon-Fri 12:00-15:00", "Wed 15:30-17:30", "Mon,Wed 16:00-18:00",
].map { try! WeeklySchedule(parsing: $0) }
let availabilityPool = [
    "Mon-Fri 15:30-19:00; Sat 08:00-17:00", "Mon-Fri 07:00-22:00; Sat-Sun 08:00-18:00", "Mon-Sun 00:00-24:00",
    "Mon-Fri 12:00-22:00; Sat 08:00-14:00", "Mon-Fri 07:00-19:00; Sat 07:00-19:00", "Mon-Sun 06:00-23:00",
].map { try! WeeklySchedule(parsing: $0) }
let summerPool = ["Mon-Sun 06:00-23:00", "Mon-Sun 00:00-24:00", "Mon-Fri 07:00-22:00; Sat 08:00-18:00"]
    .map { try! WeeklySchedule(parsing: $0) }
let firstDay = CalendarDay(iso: "2026-01-05")!
let datePool: [(CalendarDay, CalendarDay)] = (0..<40).map { k in
    let start = firstDay.adding(days: k * 9)
    return (start, start.adding(days: 20 + (k % 5) * 30))
}

let siteCount = max(1, slotCount / 20)
let counties = ["Curry", "Roosevelt", "Quay", "De Baca", "Harding", "Union", "Guadalupe", "Lea"]
let sites: [Site] = (0..<siteCount).map { i in
    Site(id: Int64(i), employerID: Int64(i / 2), name: "Site \(i)", county: counties[i % counties.count],
         location: chance(0.98) ? GeoPoint(latitude: 34.0 + Double(int(0...500)) / 1000, longitude: -103.5 + Double(int(0...500)) / 1000) : nil)
}
let hazardous: [HazardousOrderSet] = [[], [], [], [], [], [], [], [], [], [], [], [], HazardousOrderSet([.powerWoodworking]), HazardousOrderSet([.hoisting]),
                                      HazardousOrderSet([.motorVehicleDriving]), HazardousOrderSet([.saws, .metalForming])]
var slots: [Slot] = []
slots.reserveCapacity(slotCount)
for i in 0..<slotCount {
    let dates = datePool[int(0...datePool.count - 1)]
    let virtual = chance(0.1)
    var slot = Slot(id: Int64(i), employerID: Int64(i / 10), siteID: virtual ? nil : Int64(int(0...siteCount - 1)),
                    kind: SlotKind.allCases[int(0...4)], programOfStudy: ProgramOfStudy.allCases[int(0...6)],
                    capacity: int(1...5), startDate: dates.0, endDate: dates.1, schedule: schedulePool[int(0...schedulePool.count - 1)])
    slot.virtual = virtual
    slot.hazardousOrders = hazardous[int(0...hazardous.count - 1)]
    slot.manufacturing = chance(0.05)
    slot.agriculturalHazardous = chance(0.02)
    slot.minimumAge = chance(0.1) ? 16 : nil
    slot.requirements = SlotRequirements(certifications: chance(0.05) ? CertificationSet([.osha10]) : [],
                                         backgroundCheck: chance(0.02), drugScreen: chance(0.02), driversLicense: chance(0.02),
                                         usCitizenship: chance(0.02), minimumGrade: chance(0.1) ? 10 : nil, programRequired: chance(0.05))
    slots.append(slot)
}

let schoolCount = 400
let schoolContexts: [StudentContext] = (0..<schoolCount).map { _ in
    StudentContext(schoolLocation: GeoPoint(latitude: 34.0 + Double(int(0...500)) / 1000, longitude: -103.5 + Double(int(0...500)) / 1000),
                   busRouteSiteIDs: SiteIDSet((0..<20).map { _ in Int64(int(0...siteCount - 1)) }))
}
let referredContexts: [StudentContext] = (0..<200).map { k in
    var c = schoolContexts[k % schoolCount]
    c.restrictions = CourtRestrictions(excludedEmployerIDs: [Int64(int(0...slotCount / 10))], excludedCounties: chance(0.3) ? ["Lea"] : [],
                                       curfew: chance(0.5) ? TimeOfDay(hour: 21, minute: 0) : nil, caseworkerApprovalRequired: chance(0.5))
    return c
}
var students: [Student] = []
var contextOf: [Int32] = []          // index into schoolContexts, or schoolCount + k for referred
students.reserveCapacity(studentCount)
contextOf.reserveCapacity(studentCount)
let birthBase = CalendarDay(iso: "2007-06-01")!
let transports: [Transport] = [.family, .family, .family, .family, .family, .family, .ownCar, .ownCar, .schoolBus, .none]
for i in 0..<studentCount {
    let school = int(0...schoolCount - 1)
    students.append(Student(
        id: Int64(i), schoolID: Int64(school), firstName: "", birthDate: birthBase.adding(days: int(0...1500)), grade: int(9...12),
        programOfStudy: ProgramOfStudy.allCases[int(0...6)], transport: transports[int(0...transports.count - 1)], driversLicense: chance(0.6),
        home: chance(0.9) ? GeoPoint(latitude: 34.0 + Double(int(0...500)) / 1000, longitude: -103.5 + Double(int(0...500)) / 1000) : nil,
        availability: availabilityPool[int(0...availabilityPool.count - 1)], summerAvailability: summerPool[int(0...summerPool.count - 1)],
        certifications: chance(0.3) ? CertificationSet([.osha10]) : [], guardianConsentOn: chance(0.97) ? firstDay : nil,
        workPermit: chance(0.95), studentLearnerAgreement: chance(0.2), vocationalAgExemption: chance(0.1),
        backgroundCheckCleared: chance(0.5), drugScreenPassed: chance(0.5), usCitizen: chance(0.9)))
    contextOf.append(chance(0.03) ? Int32(schoolCount + int(0...referredContexts.count - 1)) : Int32(school))
}
let contexts = schoolContexts + referredContexts
// Distinct choices per student.
var choices = [Int32](repeating: 0, count: studentCount * choiceCount)
for i in 0..<studentCount {
    var k = 0
    while k < choiceCount {
        let c = Int32(int(0...slotCount - 1))
        if !choices[i * choiceCount..<i * choiceCount + k].contains(c) { choices[i * choiceCount + k] = c; k += 1 }
    }
}

print("eligibility: \(studentCount) students × \(choiceCount) choices over \(slotCount) slots (\(siteCount) sites), seed \(seed)")

/// The timed part, in a function so the arrays are locals (no global-variable access checks).
func measure(_ slots: [Slot], _ sites: [Site], _ students: [Student], _ contexts: [StudentContext], _ contextOf: [Int32],
             _ choices: [Int32], choiceCount: Int) throws -> (build: Double, check: Double, checkCPU: Double, pass: Double, results: [PairEligibility], checksum: Int64) {
    // 1. Precompute the slots' facts.
    let t0 = now()
    let checker = try EligibilityChecker(policy: .default, slots: slots, sites: sites)
    let build = now() - t0

    // 2. The check.
    var results = [PairEligibility](repeating: PairEligibility(failures: [], pendingApproval: false), count: choices.count)
    let t1 = now(), c1 = cpuNow()
    choices.withUnsafeBufferPointer { all in
        results.withUnsafeMutableBufferPointer { out in
            for i in 0..<students.count {
                let range = i * choiceCount..<(i + 1) * choiceCount
                checker.check(students[i], context: contexts[Int(contextOf[i])], choices: UnsafeBufferPointer(rebasing: all[range]),
                              into: UnsafeMutableBufferPointer(rebasing: out[range]))
            }
        }
    }
    let check = now() - t1, checkCPU = cpuNow() - c1

    // 3. Reference: one pass over the same choices reading one field of each chosen slot.
    let capacities = slots.map { Int32($0.capacity) }
    let t2 = now()
    var reference: Int64 = 0
    choices.withUnsafeBufferPointer { all in
        capacities.withUnsafeBufferPointer { cap in
            for c in all { reference &+= Int64(cap[Int(c)]) }
        }
    }
    let pass = now() - t2
    return (build, check, checkCPU, pass, results, reference)
}

let (build, check, checkCPU, pass, results, reference) = try measure(slots, sites, students, contexts, contextOf, choices, choiceCount: choiceCount)

/// 4. The engine on the same instance: the eligible pairs as preferences, capacities, referred students
///    reserve-eligible, one reserved seat on every tenth slot, no rankings (one tier + the lottery).
///    `allChoices`: every choice is a preference and the ineligible pairs go in as `infeasible` (as the run
///    pipeline feeds it); otherwise only the eligible pairs are preferences.
func engine(_ slots: [Slot], _ choices: [Int32], _ results: [PairEligibility], _ contextOf: [Int32], choiceCount: Int,
            allChoices: Bool) throws -> (seconds: Double, cpu: Double, matched: Int) {
    let n = choices.count / choiceCount, m = slots.count
    var start = [Int32](repeating: 0, count: n + 1)
    var prefs: [Int32] = []
    var infeasible: [InfeasiblePair] = []
    prefs.reserveCapacity(choices.count)
    for i in 0..<n {
        for k in i * choiceCount..<(i + 1) * choiceCount {
            if results[k].isEligible || allChoices { prefs.append(choices[k]) }
            if allChoices && !results[k].isEligible { infeasible.append(InfeasiblePair(student: Int32(i), position: choices[k], reasons: [])) }
        }
        start[i + 1] = Int32(prefs.count)
    }
    let reserveEligible = contextOf.map { Int($0) >= schoolCount }
    let capacity = slots.map { Int32($0.capacity) }
    let reserved = slots.indices.map { $0 % 10 == 0 ? Int32(1) : 0 }
    let t = now(), c = cpuNow()
    let instance = try Instance(seed: 1, preferenceStart: start, preferences: prefs, reserveEligible: reserveEligible,
                                capacity: capacity, reserved: reserved, hasRanking: [Bool](repeating: false, count: m),
                                rankingStart: [Int32](repeating: 0, count: m + 1), rankingStudent: [], rankingTier: [],
                                infeasible: infeasible)
    let solution = solve(instance, proposing: .students)
    let seconds = now() - t, cpu = cpuNow() - c
    return (seconds, cpu, solution.assignment.filter { $0 >= 0 }.count)
}
let engineRun = try engine(slots, choices, results, contextOf, choiceCount: choiceCount, allChoices: false)
let engineAll = try engine(slots, choices, results, contextOf, choiceCount: choiceCount, allChoices: true)

var eligible = 0, pending = 0
var byCode = [Int](repeating: 0, count: FailureCode.allCases.count)
for r in results {
    if r.isEligible { eligible += 1 }
    if r.pendingApproval { pending += 1 }
    for (k, code) in FailureCode.allCases.enumerated() where r.failures.contains(code) { byCode[k] += 1 }
}
func f(_ x: Double, _ digits: Int = 3) -> String {
    let p = pow(10.0, Double(digits))
    return String((x * p).rounded() / p)
}
print("  precompute slots:  \(f(build)) s")
print("  check:             \(f(check)) s  (\(Int(Double(studentCount) / check)) students/s, \(f(check / Double(choices.count) * 1e9, 1)) ns/pair)")
print("  check CPU time:    \(f(checkCPU)) s  (\(Int(Double(studentCount) / checkCPU)) students/s of CPU; wall > CPU means the machine was busy)")
print("  check + precompute: \(f(check + build)) s")
print("  reference pass:    \(f(pass)) s  (read one field of each chosen slot; checksum \(reference))")
print("  ratio check / reference pass: \(f(check / pass, 1))×")
print("  engine build+solve on the eligible pairs: \(f(engineRun.seconds)) s wall, \(f(engineRun.cpu)) s CPU (\(engineRun.matched) students matched)")
print("  ratio check / engine build+solve: \(f(check / engineRun.seconds, 2))× wall, \(f(checkCPU / engineRun.cpu, 2))× CPU")
print("  engine build+solve on all choices, ineligible ones as infeasible pairs: \(f(engineAll.seconds)) s wall, \(f(engineAll.cpu)) s CPU (\(engineAll.matched) matched)")
print("  ratio check / that: \(f(check / engineAll.seconds, 2))× wall, \(f(checkCPU / engineAll.cpu, 2))× CPU")
print("  eligible pairs: \(eligible) of \(choices.count) (\(f(Double(eligible) * 100 / Double(choices.count), 1)) %), pending approval: \(pending)")
print("  failures by code: " + FailureCode.allCases.enumerated().filter { byCode[$0.offset] > 0 }
    .map { "\($0.element.rawValue) \(byCode[$0.offset])" }.joined(separator: ", "))
