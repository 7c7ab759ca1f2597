import Intake

/// Perkins V secondary indicator 5S3 (program quality: work-based learning): the share of CTE
/// concentrators who graduated having completed a work-based-learning placement — overall, for
/// each Perkins special population, by school, by program of study and by both.
///
/// Justice involvement is not a Perkins population: it appears as its own row only in a report
/// built with `includeJustice` (for users entitled to juvenile-services data).
public struct PerkinsReport: Sendable, Equatable {
    /// The Perkins V special populations, in the law's order, with the label a report shows.
    public static let specialPopulations: [(code: String, label: String)] = [
        ("disability", "Individuals with disabilities"),
        ("economically_disadvantaged", "Economically disadvantaged"),
        ("nontraditional", "Nontraditional fields"),
        ("single_parent", "Single parents"),
        ("out_of_workforce", "Out-of-workforce individuals"),
        ("english_learner", "English learners"),
        ("homeless", "Homeless individuals"),
        ("foster_youth", "Youth in foster care"),
        ("military_parent", "Youth with a parent in active military service"),
    ]

    /// Every line, overall first.
    public var rows: [PerkinsRow]

    /// Aggregates a cohort. Every special population has a row (zero when empty); schools and
    /// programs appear when they have concentrators.
    public init(cohort: [PerkinsStudent], includeJustice: Bool) {
        func row(_ group: String, _ key: String, _ label: String, _ members: [PerkinsStudent]) -> PerkinsRow {
            PerkinsRow(group: group, key: key, label: label, concentrators: members.count,
                       participated: members.filter(\.completedPlacement).count)
        }
        var rows = [row("overall", "all", "All CTE concentrators", cohort)]
        for (code, label) in Self.specialPopulations {
            rows.append(row("special_population", code, label, cohort.filter { $0.specialPopulations.contains(code) }))
        }
        let schools = Dictionary(grouping: cohort, by: \.schoolID)
        for (id, members) in schools.sorted(by: { $0.value[0].schoolName < $1.value[0].schoolName }) {
            rows.append(row("school", String(id), members[0].schoolName, members))
        }
        let programs = Dictionary(grouping: cohort, by: { $0.programOfStudy ?? "" })
        for (code, members) in programs.sorted(by: { $0.key < $1.key }) {
            rows.append(row("program_of_study", code.isEmpty ? "none" : code, Self.programLabel(code), members))
        }
        let pairs = Dictionary(grouping: cohort, by: { "\($0.schoolID)/\($0.programOfStudy ?? "none")" })
        for (key, members) in pairs.sorted(by: { ($0.value[0].schoolName, $0.key) < ($1.value[0].schoolName, $1.key) }) {
            rows.append(row("school_program", key, "\(members[0].schoolName) · \(Self.programLabel(members[0].programOfStudy ?? ""))", members))
        }
        if includeJustice {
            rows.append(row("justice_involved", "referred", "Referred by juvenile services (not a Perkins population)",
                            cohort.filter(\.justiceInvolved)))
        }
        self.rows = rows
    }

    /// The row of `group` and `key`, if any.
    public func row(_ group: String, _ key: String) -> PerkinsRow? {
        rows.first { $0.group == group && $0.key == key }
    }

    /// The report as CSV (header line first; formulas escaped for spreadsheets).
    public func csv() -> String {
        let writer = CSVWriter()
        var out = writer.line(["group", "key", "label", "concentrators", "participated", "rate_percent"])
        for r in rows {
            out += writer.line([r.group, r.key, r.label, String(r.concentrators), String(r.participated), r.rate == nil ? "" : String(r.percent.dropLast())])
        }
        return out
    }

    static func programLabel(_ code: String) -> String {
        code.isEmpty || code == "none" ? "No program of study"
            : code.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
    }
}
