import Database
import Foundation
import MatchingEngine
import Parallel
import Placement
import Reports

/// The pure middle of a match run: eligibility → engine → verifier → explanations, from a snapshot.
/// Same inputs and seed give the same rows, bit for bit.
public struct RunComputation: Sendable {
    /// The algorithm's version, recorded with every run.
    public static let algorithmVersion = "student-proposing-da/soft-reserves/single-lottery v1"

    public var seed: UInt64
    public var assignments: [AssignmentRow]
    public var explanations: [ExplanationRecord]
    /// Empty when the verifier passed.
    public var violations: [String]
    public var violationCount: Int
    public var eligiblePairs: Int
    /// Milliseconds per stage: `eligibility_ms`, `engine_ms`, `verify_ms`, `explain_ms`.
    public var timings: [String: Int]
    /// What the reports need to know about each student and slot.
    public var studentOutcomes: [StudentOutcome]
    public var slotOutcomes: [SlotOutcome]

    public var verified: Bool { violationCount == 0 }
    public var assignedCount: Int { assignments.count { $0.slotID != nil } }

    /// Runs the pipeline's pure stages. Throws only when the snapshot cannot form an instance
    /// (which the database's constraints should make impossible); a verifier failure is returned, not thrown.
    public static func compute(_ inputs: RunInputs, seed: UInt64) throws -> RunComputation {
        var clock = StageClock()
        let checker = try EligibilityChecker(policy: inputs.policy, slots: inputs.slots, sites: inputs.sites)
        let slotIndex = Dictionary(uniqueKeysWithValues: inputs.slots.enumerated().map { ($1.id, $0) })

        // Students taking part: everyone without a kept placement, in id order (the lottery's order).
        let participants = inputs.students.filter { inputs.kept[$0.id] == nil }
        var keptPerSlot = [Int](repeating: 0, count: inputs.slots.count)
        var keptReservedPerSlot = [Int](repeating: 0, count: inputs.slots.count)
        for kept in inputs.kept.values {
            if let p = slotIndex[kept.slotID] {
                keptPerSlot[p] += 1
                if kept.reservedSeat { keptReservedPerSlot[p] += 1 }
            }
        }

        // Eligibility of every listed pair. The checks are pure and per student: chunks of students are
        // checked on every core, then the engine's instance is built in student order.
        let busRoutes = inputs.busRoutes.mapValues { SiteIDSet($0) }
        let pieces = chunks(of: participants.count)
        let checked = inParallel(count: pieces.count) { c in
            pieces[c].map { s -> (context: StudentContext, positions: [Int], checks: [PairEligibility]) in
                let student = participants[s]
                let context = StudentContext(schoolLocation: inputs.organizations[student.schoolID]?.location,
                                             busRouteSiteIDs: busRoutes[student.schoolID] ?? [],
                                             restrictions: inputs.referrals[student.id]?.restrictions)
                let positions = (inputs.choices[student.id] ?? []).compactMap { slotIndex[$0] }
                let checks = checker.check(student, context: context, choices: positions.map { checker.index(ofSlot: inputs.slots[$0].id) ?? $0 })
                return (context, positions, checks)
            }
        }.flatMap { $0 }
        var builder = Instance.Builder(seed: seed)
        var contexts: [StudentContext] = []
        var verdicts: [[PairEligibility]] = []
        var positionsOf: [[Int]] = []
        var applicants = [[Int]](repeating: [], count: inputs.slots.count)
        var eligiblePairs = 0
        contexts.reserveCapacity(participants.count)
        verdicts.reserveCapacity(participants.count)
        for (s, student) in participants.enumerated() {
            let (context, positions, checks) = checked[s]
            builder.addStudent(preferences: positions, reserveEligible: inputs.referrals[student.id] != nil)
            for (k, p) in positions.enumerated() {
                applicants[p].append(s)
                if checks[k].isEligible { eligiblePairs += 1 }
                else { builder.addInfeasible(student: s, position: p, reasons: checks[k].failures.codes.map(\.rawValue)) }
            }
            contexts.append(context)
            verdicts.append(checks)
            positionsOf.append(positions)
        }

        // Positions: capacity less the seats kept from the previous round; ranking or default priority.
        var tierOf: [[Int: Int]] = []
        tierOf.reserveCapacity(inputs.slots.count)
        let participantIndex = Dictionary(uniqueKeysWithValues: participants.enumerated().map { ($1.id, $0) })
        for (p, slot) in inputs.slots.enumerated() {
            let capacity = max(0, slot.capacity - keptPerSlot[p])
            let reserved = max(0, min(slot.reservedSeats - keptReservedPerSlot[p], capacity))
            var tiers: [Int: Int] = [:]
            if let ranking = inputs.rankings[slot.id], !ranking.isEmpty {
                for entry in ranking { if let s = participantIndex[entry.studentID] { tiers[s] = entry.tier } }
            } else {
                // Default priority: applicants in the slot's program of study first, then everyone else.
                for s in applicants[p] {
                    tiers[s] = slot.programOfStudy != nil && participants[s].programOfStudy == slot.programOfStudy ? 1 : 2
                }
            }
            let levels = Set(tiers.values).sorted()
            var grouped = [[Int]](repeating: [], count: levels.count)
            let levelIndex = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, $0) })
            for (s, t) in tiers.sorted(by: { $0.key < $1.key }) { grouped[levelIndex[t]!].append(s) }
            builder.addPosition(capacity: capacity, reserved: reserved, ranking: grouped)
            tierOf.append(Dictionary(uniqueKeysWithValues: tiers.map { ($0.key, levelIndex[$0.value]! + 1) }))
        }
        let instance: Instance
        do { instance = try builder.build() } catch {
            throw RunError(stage: "engine input", message: "the snapshot does not form a valid instance: \(error)")
        }
        clock.lap("eligibility_ms")

        let solution = solve(instance)
        clock.lap("engine_ms")
        let verification = solution.verify()
        clock.lap("verify_ms")

        // Reserved seats: at each slot the best reserve-eligible students hold its reserved seats.
        var onReserved = Set<Int>()
        let byPosition = solution.studentsByPosition()
        for p in 0..<instance.positionCount where instance.reserved[p] > 0 {
            let referred = byPosition[p].map(Int.init).filter { instance.reserveEligible[$0] }
                .sorted { (tierOf[p][$0] ?? 1, solution.lottery.rank[$0]) < (tierOf[p][$1] ?? 1, solution.lottery.rank[$1]) }
            for s in referred.prefix(Int(instance.reserved[p])) { onReserved.insert(s) }
        }

        // Explanations and outcomes per student, chunks on every core, joined in student order.
        let explainer = solution.explainer()
        let (finalContexts, finalVerdicts, finalPositions, reservedSeats) = (contexts, verdicts, positionsOf, onReserved)
        let built = inParallel(count: pieces.count) { c in
            var part = OutcomeBuilder(inputs: inputs, capacity: pieces[c].count)
            for s in pieces[c] {
                let p = solution.position(of: s)
                let rank = p.flatMap { finalPositions[s].firstIndex(of: $0) }
                let pending = rank.map { finalVerdicts[s][$0].pendingApproval } ?? false
                part.add(student: participants[s], context: finalContexts[s], slot: p.map { inputs.slots[$0] }, choiceRank: rank.map { $0 + 1 },
                         reservedSeat: reservedSeats.contains(s), pendingApproval: pending,
                         explanations: explainer.explain(student: s), choiceCount: finalPositions[s].count)
            }
            return part
        }
        var output = OutcomeBuilder(inputs: inputs, capacity: inputs.students.count)
        for part in built { output.append(part) }
        for student in inputs.students { if let kept = inputs.kept[student.id] { output.addKept(student: student, kept: kept) } }
        clock.lap("explain_ms")

        let violations = verification.violations.map { describe($0, participants: participants, slots: inputs.slots) }
        return RunComputation(seed: seed, assignments: output.assignments, explanations: output.explanations,
                              violations: violations, violationCount: verification.violationCount, eligiblePairs: eligiblePairs,
                              timings: clock.laps, studentOutcomes: output.outcomes, slotOutcomes: output.slotOutcomes())
    }

    /// A violation in ids people can look up.
    static func describe(_ v: Verification.Violation, participants: [Student], slots: [Slot]) -> String {
        func st(_ s: Int) -> String { s >= 0 && s < participants.count ? "student #\(participants[s].id)" : "student index \(s)" }
        func sl(_ p: Int) -> String { p >= 0 && p < slots.count ? "slot #\(slots[p].id)" : "slot index \(p)" }
        switch v {
        case let .notListed(s, p): return "\(st(s)) is assigned to \(sl(p)), which she did not list"
        case let .notAcceptable(s, p): return "\(st(s)) is assigned to \(sl(p)), whose ranking does not list her"
        case let .infeasible(s, p): return "\(st(s)) is assigned to \(sl(p)), for which she is ineligible"
        case let .overCapacity(p, a, c): return "\(sl(p)) holds \(a) students, capacity \(c)"
        case let .blockingPair(s, p): return "\(st(s)) and \(sl(p)) block: she prefers it and it would choose her"
        case let .wrongLength(e, g): return "the assignment has \(g) entries for \(e) students"
        }
    }
}

/// A failure of the match-run pipeline, naming the stage.
public struct RunError: Error, CustomStringConvertible, Equatable {
    public var stage: String
    public var message: String
    public init(stage: String, message: String) { self.stage = stage; self.message = message }
    public var description: String { "match run failed at \(stage): \(message)" }
}

/// Measures the stages of a run.
struct StageClock {
    private var last = ContinuousClock.now
    private(set) var laps: [String: Int] = [:]
    mutating func lap(_ name: String) {
        let now = ContinuousClock.now
        laps[name, default: 0] += (now - last).milliseconds
        last = now
    }
}
