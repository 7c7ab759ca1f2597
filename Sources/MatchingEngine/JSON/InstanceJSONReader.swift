/// Reads the `wblmatch solve` instance format:
///
/// ```json
/// {"seed": 7,
///  "students": [{"id": "s1", "preferences": ["p2", "p1"], "reserve_eligible": false}],
///  "positions": [{"id": "p1", "capacity": 2, "reserved": 0, "ranking": ["s1", ["s2", "s3"], "s4"]}],
///  "infeasible": [{"student": "s1", "position": "p2", "reasons": ["under_minimum_age"]}]}
/// ```
/// `seed` (0 ≤ seed < 2^64, default 0), `reserve_eligible` (default false), `reserved` (default 0),
/// `ranking` (absent or null: everyone who applies, one tier) and `infeasible` are optional; unknown members are errors.
/// Every problem is reported with its JSON path; malformed JSON stops at the first syntax error (line:column).
public enum InstanceJSONReader {
    /// Parses and validates `bytes`. `source` names the input in syntax errors (`FILE:line:column`).
    public static func read(_ bytes: UnsafeBufferPointer<UInt8>, source: String = "input") throws(InstanceError) -> Instance {
        let reader = Reader()
        var scanner = JSONScanner(bytes)
        defer { scanner.deallocate() }
        do throws(JSONScanner.SyntaxError) {
            try reader.document(&scanner)
            scanner.skipWhitespace()
            if scanner.i < bytes.count { throw scanner.error("unexpected \(JSONScanner.show(bytes[scanner.i])) after the end of the document") }
        } catch {
            let (line, column) = scanner.location(error.offset)
            throw InstanceError(problems: [InstanceProblem(path: "\(source):\(line):\(column)", message: error.message)])
        }
        let raw = reader.finish()
        let problems = raw.validated()
        guard problems.isEmpty else { throw InstanceError(problems: problems) }
        return raw.build()
    }

    /// Parses and validates a byte array.
    public static func read(_ bytes: [UInt8], source: String = "input") throws(InstanceError) -> Instance {
        try bytes.withUnsafeBufferPointer { (b) throws(InstanceError) -> Instance in try read(b, source: source) }
    }
}

/// The schema-directed part of ``InstanceJSONReader``: fills a ``RawInstance`` with ids as symbols, then resolves them.
private final class Reader {
    typealias SyntaxError = JSONScanner.SyntaxError
    // Only this reader touches these, one call at a time: skip the runtime's per-access exclusivity checks,
    // which otherwise cost as much as the parsing itself.
    @exclusivity(unchecked) var raw = RawInstance()
    @exclusivity(unchecked) var studentSyms = SymbolTable(expected: 1 << 16)
    @exclusivity(unchecked) var positionSyms = SymbolTable(expected: 1 << 12)
    /// Symbol of each student's / position's id, in input order (-1 when missing).
    var studentIDSym: [Int32] = []
    var positionIDSym: [Int32] = []
    var reasonStrings: [String] = []
    var sawStudents = false, sawPositions = false

    static let documentMembers: [StaticString] = ["seed", "students", "positions", "infeasible"]
    static let studentMembers: [StaticString] = ["id", "preferences", "reserve_eligible"]
    static let positionMembers: [StaticString] = ["id", "capacity", "reserved", "ranking"]
    static let infeasibleMembers: [StaticString] = ["student", "position", "reasons"]

    /// False (and a problem reported) when a known member appears a second time in one object.
    func firstTime(_ key: UnsafeBufferPointer<UInt8>, _ names: [StaticString], _ seen: inout UInt8,
                   _ path: @autoclosure () -> String) -> Bool {
        for (bit, name) in names.enumerated() where key.equals(name) {
            if seen & (1 << bit) != 0 {
                problem(path(), "duplicate member; give it once")
                return false
            }
            seen |= 1 << bit
            return true
        }
        return true
    }

    func problem(_ path: String, _ message: String) {
        raw.problems.append(InstanceProblem(path: path, message: message))
    }

    func document(_ s: inout JSONScanner) throws(SyntaxError) {
        guard try s.peekKind() == .object else { throw s.error("the instance must be a JSON object") }
        var seen: UInt8 = 0
        try s.object { (s, key) throws(SyntaxError) in
            if firstTime(key, Self.documentMembers, &seen, key.text) == false { try s.skipValue(); return }
            if key.equals("seed") {
                let value: UInt64?
                if try s.peekKind() == .number { value = try s.number().unsigned } else {
                    try s.skipValue()
                    value = nil
                }
                if let value { raw.seed = value } else { problem("seed", "expected an integer from 0 to 18446744073709551615") }
            } else if key.equals("students") {
                sawStudents = true
                try array(&s, "students") { (s, i) throws(SyntaxError) in try student(&s, i) }
            } else if key.equals("positions") {
                sawPositions = true
                try array(&s, "positions") { (s, i) throws(SyntaxError) in try position(&s, i) }
            } else if key.equals("infeasible") {
                try array(&s, "infeasible") { (s, i) throws(SyntaxError) in try infeasible(&s, i) }
            } else {
                problem(key.text, "unknown member; expected seed, students, positions or infeasible")
                try s.skipValue()
            }
        }
        if !sawStudents { problem("students", "missing; give an array of students") }
        if !sawPositions { problem("positions", "missing; give an array of positions") }
    }

    /// Reads an array, or reports that `path` should be one and skips the value.
    func array(_ s: inout JSONScanner, _ path: @autoclosure () -> String,
                        _ element: (inout JSONScanner, Int) throws(SyntaxError) -> Void) throws(SyntaxError) {
        if try s.peekKind() == .array {
            try s.array(element)
        } else {
            problem(path(), "expected an array")
            try s.skipValue()
        }
    }

    /// Reads an object, or reports that `path` should be one and skips the value.
    func object(_ s: inout JSONScanner, _ path: @autoclosure () -> String,
                         _ member: (inout JSONScanner, UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> Void) throws(SyntaxError) -> Bool {
        if try s.peekKind() == .object {
            try s.object(member)
            return true
        }
        problem(path(), "expected an object")
        try s.skipValue()
        return false
    }

    /// Reads a string id, or reports and returns nil.
    func id(_ s: inout JSONScanner, _ path: @autoclosure () -> String, _ what: String,
                     _ table: inout SymbolTable) throws(SyntaxError) -> Int32? {
        if try s.peekKind() == .string { return table.intern(try s.string()) }
        problem(path(), "expected \(what) (a string)")
        try s.skipValue()
        return nil
    }

    func integer(_ s: inout JSONScanner, _ path: @autoclosure () -> String) throws(SyntaxError) -> Int64? {
        if try s.peekKind() == .number {
            let text = try s.number()
            if let v = text.integer { return v }
            problem(path(), "expected an integer, got \(text.text)")
            return nil
        }
        problem(path(), "expected an integer")
        try s.skipValue()
        return nil
    }

    func student(_ s: inout JSONScanner, _ i: Int) throws(SyntaxError) {
        var idSym: Int32 = -1
        var sawPreferences = false
        var eligible = false
        var seen: UInt8 = 0
        let ok = try object(&s, "students[\(i)]") { (s, key) throws(SyntaxError) in
            if firstTime(key, Self.studentMembers, &seen, "students[\(i)].\(key.text)") == false { try s.skipValue(); return }
            if key.equals("id") {
                idSym = try id(&s, "students[\(i)].id", "the student's id", &studentSyms) ?? -1
            } else if key.equals("preferences") {
                sawPreferences = true
                try array(&s, "students[\(i)].preferences") { (s, j) throws(SyntaxError) in
                    if let sym = try id(&s, "students[\(i)].preferences[\(j)]", "a position id", &positionSyms) {
                        raw.prefs.append(sym)
                    } else {
                        raw.prefs.append(-2)  // reported already; keeps indices aligned
                    }
                }
            } else if key.equals("reserve_eligible") {
                if try s.peekKind() == .bool { eligible = try s.bool() } else {
                    problem("students[\(i)].reserve_eligible", "expected true or false")
                    try s.skipValue()
                }
            } else {
                problem("students[\(i)].\(key.text)", "unknown member; expected id, preferences or reserve_eligible")
                try s.skipValue()
            }
        }
        if ok && idSym < 0 { problem("students[\(i)]", "missing \"id\"") }
        if ok && !sawPreferences { problem("students[\(i)]", "missing \"preferences\" (use [] for none)") }
        raw.prefStart.append(Int32(truncatingIfNeeded: raw.prefs.count))
        raw.eligible.append(eligible)
        studentIDSym.append(idSym)
    }

    func position(_ s: inout JSONScanner, _ i: Int) throws(SyntaxError) {
        var idSym: Int32 = -1
        var capacity: Int64?
        var reserved: Int64 = 0
        var ranked = false
        var seen: UInt8 = 0
        let ok = try object(&s, "positions[\(i)]") { (s, key) throws(SyntaxError) in
            if firstTime(key, Self.positionMembers, &seen, "positions[\(i)].\(key.text)") == false { try s.skipValue(); return }
            if key.equals("id") {
                idSym = try id(&s, "positions[\(i)].id", "the position's id", &positionSyms) ?? -1
            } else if key.equals("capacity") {
                capacity = try integer(&s, "positions[\(i)].capacity")
                if capacity == nil { capacity = 0 }
            } else if key.equals("reserved") {
                reserved = try integer(&s, "positions[\(i)].reserved") ?? 0
            } else if key.equals("ranking") {
                switch try s.peekKind() {
                case .null: try s.null()
                case .array:
                    ranked = true
                    try s.array { (s, t) throws(SyntaxError) in
                        switch try s.peekKind() {
                        case .string:
                            appendRanked(studentSyms.intern(try s.string()), tier: t, sub: -1)
                        case .array:
                            try s.array { (s, k) throws(SyntaxError) in
                                let sym = try id(&s, "positions[\(i)].ranking[\(t)][\(k)]", "a student id", &studentSyms) ?? -2
                                appendRanked(sym, tier: t, sub: k)
                            }
                        default:
                            problem("positions[\(i)].ranking[\(t)]", "expected a student id or an array of tied student ids")
                            try s.skipValue()
                        }
                    }
                default:
                    problem("positions[\(i)].ranking", "expected an array of tiers, or null")
                    try s.skipValue()
                }
            } else {
                problem("positions[\(i)].\(key.text)", "unknown member; expected id, capacity, reserved or ranking")
                try s.skipValue()
            }
        }
        if ok && idSym < 0 { problem("positions[\(i)]", "missing \"id\"") }
        if ok && capacity == nil { problem("positions[\(i)]", "missing \"capacity\"") }
        raw.capacity.append(capacity ?? 0)
        raw.reserved.append(reserved)
        raw.hasRanking.append(ranked)
        raw.rankStart.append(Int32(truncatingIfNeeded: raw.rankStudent.count))
        positionIDSym.append(idSym)
    }

    func appendRanked(_ sym: Int32, tier: Int, sub: Int) {
        raw.rankStudent.append(sym)
        raw.rankTier.append(Int32(truncatingIfNeeded: tier + 1))
        raw.rankSub.append(Int32(truncatingIfNeeded: sub))
    }

    func infeasible(_ s: inout JSONScanner, _ i: Int) throws(SyntaxError) {
        var student: Int32 = -2, position: Int32 = -2
        var reasons: [String] = []
        var seen: UInt8 = 0
        let ok = try object(&s, "infeasible[\(i)]") { (s, key) throws(SyntaxError) in
            if firstTime(key, Self.infeasibleMembers, &seen, "infeasible[\(i)].\(key.text)") == false { try s.skipValue(); return }
            if key.equals("student") {
                student = try id(&s, "infeasible[\(i)].student", "a student id", &studentSyms) ?? -3
            } else if key.equals("position") {
                position = try id(&s, "infeasible[\(i)].position", "a position id", &positionSyms) ?? -3
            } else if key.equals("reasons") {
                try array(&s, "infeasible[\(i)].reasons") { (s, k) throws(SyntaxError) in
                    if try s.peekKind() == .string { reasons.append(try s.string().text) } else {
                        problem("infeasible[\(i)].reasons[\(k)]", "expected a reason code (a string)")
                        try s.skipValue()
                    }
                }
            } else {
                problem("infeasible[\(i)].\(key.text)", "unknown member; expected student, position or reasons")
                try s.skipValue()
            }
        }
        if ok && student == -2 { problem("infeasible[\(i)]", "missing \"student\"") }
        if ok && position == -2 { problem("infeasible[\(i)]", "missing \"position\"") }
        raw.infStudent.append(student)
        raw.infPosition.append(position)
        raw.infReasons.append(reasons)
    }

    /// Maps symbols to input indices, reports duplicate ids, and records unknown names.
    func finish() -> RawInstance {
        var studentOf = [Int32](repeating: -1, count: studentSyms.count)
        var sIDs = IDList()
        for (i, sym) in studentIDSym.enumerated() {
            if sym >= 0 {
                if studentOf[Int(sym)] >= 0 {
                    problem("students[\(i)].id", "duplicate student id \"\(studentSyms.ids.string(Int(sym)))\" (first at students[\(studentOf[Int(sym)])])")
                } else { studentOf[Int(sym)] = Int32(i) }
                sIDs.append(studentSyms.ids.bytes[studentSyms.ids.start[Int(sym)]..<studentSyms.ids.start[Int(sym) + 1]])
            } else {
                sIDs.append("")
            }
        }
        var positionOf = [Int32](repeating: -1, count: positionSyms.count)
        var pIDs = IDList()
        for (i, sym) in positionIDSym.enumerated() {
            if sym >= 0 {
                if positionOf[Int(sym)] >= 0 {
                    problem("positions[\(i)].id", "duplicate position id \"\(positionSyms.ids.string(Int(sym)))\" (first at positions[\(positionOf[Int(sym)])])")
                } else { positionOf[Int(sym)] = Int32(i) }
                pIDs.append(positionSyms.ids.bytes[positionSyms.ids.start[Int(sym)]..<positionSyms.ids.start[Int(sym) + 1]])
            } else {
                pIDs.append("")
            }
        }
        // A reference that failed to parse (-2, -3) was reported; map it to an index that validation skips quietly.
        let skip = Int32.min
        for k in 0..<raw.prefs.count {
            let sym = raw.prefs[k]
            if sym < 0 { raw.prefs[k] = skip; continue }
            let p = positionOf[Int(sym)]
            if p < 0 { raw.unknownPreference[k] = positionSyms.ids.string(Int(sym)) }
            raw.prefs[k] = p
        }
        for k in 0..<raw.rankStudent.count {
            let sym = raw.rankStudent[k]
            if sym < 0 { raw.rankStudent[k] = skip; continue }
            let st = studentOf[Int(sym)]
            if st < 0 { raw.unknownRanked[k] = studentSyms.ids.string(Int(sym)) }
            raw.rankStudent[k] = st
        }
        for k in 0..<raw.infStudent.count {
            let sym = raw.infStudent[k]
            if sym < 0 { raw.infStudent[k] = skip } else {
                raw.infStudent[k] = studentOf[Int(sym)]
                if raw.infStudent[k] < 0 { raw.unknownInfStudent[k] = studentSyms.ids.string(Int(sym)) }
            }
            let psym = raw.infPosition[k]
            if psym < 0 { raw.infPosition[k] = skip } else {
                raw.infPosition[k] = positionOf[Int(psym)]
                if raw.infPosition[k] < 0 { raw.unknownInfPosition[k] = positionSyms.ids.string(Int(psym)) }
            }
        }
        raw.studentIDs = sIDs
        raw.positionIDs = pIDs
        return raw
    }
}
