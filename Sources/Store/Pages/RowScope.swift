import Foundation

/// Which rows a user's role lets them reach; every query of the web app's repositories takes one,
/// so an id changed in a URL never reaches another school's or EDC's row.
public enum RowScope: Sendable, Equatable {
    /// Coordinators: every row.
    case everything
    /// Counselors: the students of one school (organizations.id).
    case school(Int64)
    /// EDC staff: the employers and slots of one EDC (organizations.id).
    case edc(Int64)
    /// Employer users: the slots of the employers linked to one organization
    /// (`employers.organization_id`), for ranking their applicants only (``RankingBook``).
    case employer(Int64)
    /// Roles that may not see this kind of row at all.
    case nothing

    /// The school id to filter on ($n::bigint IS NULL means no filter); nil when not school-scoped.
    var schoolFilter: Int64? { if case .school(let id) = self { id } else { nil } }
    /// The EDC id to filter on; nil when not EDC-scoped.
    var edcFilter: Int64? { if case .edc(let id) = self { id } else { nil } }
    /// The employer user's organization id to filter on; nil when not employer-scoped.
    var employerFilter: Int64? { if case .employer(let id) = self { id } else { nil } }

    /// Whether a query for students may return anything.
    var reachesStudents: Bool {
        switch self { case .everything, .school: true; case .edc, .employer, .nothing: false }
    }
    /// Whether a query for employers and slots may return anything (``SlotCatalog`` filters by
    /// EDC only, so an employer scope reaches nothing there).
    var reachesSlots: Bool {
        switch self { case .everything, .edc: true; case .school, .employer, .nothing: false }
    }
    /// Whether a ranking page may show a slot: the slot catalog's scopes and employer users.
    var reachesRankings: Bool {
        switch self { case .everything, .edc, .employer: true; case .school, .nothing: false }
    }
}

/// Escapes `%`, `_` and `\` so a search box's text matches literally inside `ILIKE '%' || $n || '%'`.
func likePattern(_ text: String) -> String {
    var out = ""
    for ch in text.trimmingCharacters(in: .whitespaces) {
        if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
        out.append(ch)
    }
    return out
}
