/// Writes the `wblmatch solve` output:
///
/// ```json
/// {"assignments": [{"student": "s1", "position": "p2"}],
///  "unmatched": ["s3"],
///  "cutoffs": {"p2": {"tier": 1, "lottery": 4, "student": "s1"}},
///  "verified": true,
///  "stats": {"students": 3, "positions": 2, "proposals": 5, "solve_seconds": 0.000120},
///  "explanations": {"s3": [{"position": "p2", "reason": "outranked", "tier": 1, "lottery": 9, "cutoff": {"tier": 1, "lottery": 4}}]}}
/// ```
/// Students and positions appear in the order of their ids' UTF-8 bytes. Every byte but `solve_seconds`
/// depends only on the input. Cutoffs list positions that filled; a position with reserved seats adds
/// `"open"`, the lowest applicant admitted to a seat that is not reserved (null when there is none).
public enum SolutionJSONWriter {
    /// The output document as UTF-8 bytes (ending with a newline).
    public static func write(_ solution: Solution, verification: Verification, solveSeconds: Double, explain: Bool) -> [UInt8] {
        let instance = solution.instance
        let n = instance.studentCount
        var out = JSONOutput()
        out.bytes.reserveCapacity(48 * n + 1024)
        out.raw("{\"assignments\": [")
        var first = true
        for s in 0..<n {
            let p = solution.assignment[s]
            if p < 0 { continue }
            out.raw(first ? "\n  {\"student\": " : ",\n  {\"student\": ")
            first = false
            out.string(instance.studentName(s))
            out.raw(", \"position\": ")
            out.string(instance.positionName(Int(p)))
            out.raw("}")
        }
        out.raw(first ? "],\n\"unmatched\": [" : "\n],\n\"unmatched\": [")
        first = true
        for s in 0..<n where solution.assignment[s] < 0 {
            out.raw(first ? "\n  " : ",\n  ")
            first = false
            out.string(instance.studentName(s))
        }
        out.raw(first ? "],\n\"cutoffs\": {" : "\n],\n\"cutoffs\": {")
        let explainer = Explainer(solution)
        first = true
        for (p, cutoff) in explainer.cutoffs.enumerated() {
            guard let cutoff else { continue }
            out.raw(first ? "\n  " : ",\n  ")
            first = false
            out.string(instance.positionName(p))
            out.raw(": ")
            priority(&out, cutoff.lowest, student: instance.studentName(cutoff.lowestStudent), close: false)
            if instance.reserved[p] > 0 {
                out.raw(", \"open\": ")
                if let open = cutoff.open, let who = cutoff.openStudent {
                    priority(&out, open, student: instance.studentName(who), close: true)
                } else {
                    out.raw("null")
                }
            }
            out.raw("}")
        }
        out.raw(first ? "},\n\"verified\": " : "\n},\n\"verified\": ")
        out.raw(verification.isStable ? "true" : "false")
        out.raw(",\n\"stats\": {\"students\": ")
        out.int(n)
        out.raw(", \"positions\": ")
        out.int(instance.positionCount)
        out.raw(", \"proposals\": ")
        out.int(solution.proposals)
        out.raw(", \"solve_seconds\": ")
        out.seconds(solveSeconds)
        out.raw("}")
        if explain {
            out.raw(",\n\"explanations\": {")
            first = true
            for s in 0..<n {
                let list = explainer.explain(student: s)
                if list.isEmpty { continue }
                out.raw(first ? "\n  " : ",\n  ")
                first = false
                out.string(instance.studentName(s))
                out.raw(": [")
                for (i, e) in list.enumerated() {
                    out.raw(i == 0 ? "\n    {\"position\": " : ",\n    {\"position\": ")
                    out.string(instance.positionName(e.position))
                    out.raw(", \"reason\": ")
                    out.string(e.reason.code)
                    switch e.reason {
                    case let .infeasible(reasons):
                        out.raw(", \"codes\": [")
                        for (j, r) in reasons.enumerated() {
                            if j > 0 { out.raw(", ") }
                            out.string(r)
                        }
                        out.raw("]")
                    case let .outranked(own, cutoff):
                        out.raw(", \"tier\": ")
                        out.int(own.tier)
                        out.raw(", \"lottery\": ")
                        out.int(own.lottery)
                        out.raw(", \"cutoff\": ")
                        if let cutoff {
                            out.raw("{\"tier\": ")
                            out.int(cutoff.tier)
                            out.raw(", \"lottery\": ")
                            out.int(cutoff.lottery)
                            out.raw("}")
                        } else {
                            out.raw("null")
                        }
                    case .notRanked, .noCapacity:
                        break
                    }
                    out.raw("}")
                }
                out.raw("\n  ]")
            }
            out.raw(first ? "}" : "\n}")
        }
        out.raw("}\n")
        return out.bytes
    }

    private static func priority(_ out: inout JSONOutput, _ p: Priority, student: String, close: Bool) {
        out.raw("{\"tier\": ")
        out.int(p.tier)
        out.raw(", \"lottery\": ")
        out.int(p.lottery)
        out.raw(", \"student\": ")
        out.string(student)
        if close { out.raw("}") }
    }
}
