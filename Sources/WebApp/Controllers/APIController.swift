import Hummingbird
import Store

/// The JSON API under `/api/v1` for school information systems (bearer tokens; see
/// `Assets/openapi.yaml`). Every route applies the same roles and row scope as the pages:
/// a counselor's token reaches only that school's students, an EDC's only its slots.
struct APIController {
    let deps: Dependencies

    struct Me: ResponseEncodable {
        var id: Int64
        var email: String
        var name: String
        var role: String
        var organizationId: Int64?
    }

    struct StudentJSON: ResponseEncodable {
        var id: Int64
        var externalId: String
        var firstName: String
        var lastName: String
        var grade: Int
        var programOfStudy: String?
        var school: String
        var guardianConsent: Bool
        var choiceCount: Int
    }

    struct SlotJSON: ResponseEncodable {
        var id: Int64
        var externalId: String
        var employer: String
        var title: String
        var kind: String
        var programOfStudy: String
        var capacity: Int
        var active: Bool
        var virtual: Bool
        var startDate: String
        var endDate: String
        var schedule: String
    }

    struct ChoiceJSON: Codable {
        var rank: Int
        var slotId: Int64
        var title: String
        var employer: String
    }

    struct ChoicesJSON: ResponseEncodable {
        var round: String
        var maxChoices: Int
        var choices: [ChoiceJSON]
    }

    /// `PUT /students/:id/choices`: the whole ranked list, favourite first.
    struct ChoicesInput: Decodable {
        var slotIds: [Int64]
    }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("me", use: me)
        router.get("students", use: students)
        router.get("students/:id/choices", use: choices)
        router.put("students/:id/choices", use: putChoices)
        router.get("slots", use: slots)
    }

    @Sendable func me(_ request: Request, context: AppRequestContext) async throws -> Me {
        let user = try context.requireUser()
        return Me(id: user.id, email: user.email, name: user.name, role: user.role.rawValue, organizationId: user.organizationID)
    }

    static func require(_ user: SignedInUser, _ roles: UserRole...) throws {
        guard roles.contains(user.role) else {
            throw HTTPError(.forbidden, message: "A \(user.role.rawValue) token may not use this endpoint.")
        }
    }

    @Sendable func students(_ request: Request, context: AppRequestContext) async throws -> [StudentJSON] {
        let user = try context.requireUser()
        try Self.require(user, .counselor, .coordinator)
        return try await StudentDirectory(pool: deps.pool).list(scope: user.studentScope, search: request.search, limit: 1000).map {
            StudentJSON(id: $0.id, externalId: $0.externalID, firstName: $0.firstName, lastName: $0.lastName, grade: $0.grade,
                        programOfStudy: $0.programOfStudy, school: $0.schoolName, guardianConsent: $0.hasConsent, choiceCount: $0.choiceCount)
        }
    }

    func studentAndRound(_ context: AppRequestContext) async throws -> (StudentRecord, OpenRound) {
        let user = try context.requireUser()
        try Self.require(user, .counselor, .coordinator)
        guard let student = try await StudentDirectory(pool: deps.pool).find(id: try context.id(), scope: user.studentScope) else {
            throw HTTPError(.notFound, message: "No student with this id in your scope.")
        }
        guard let round = try await ChoiceBook(pool: deps.pool).openRound() else {
            throw HTTPError(.conflict, message: "No round is open for choices.")
        }
        return (student, round)
    }

    func choicesJSON(_ student: StudentRecord, _ round: OpenRound) async throws -> ChoicesJSON {
        let list = try await ChoiceBook(pool: deps.pool).choices(studentID: student.summary.id, roundID: round.id)
        return ChoicesJSON(round: round.name, maxChoices: round.maxChoices,
                           choices: list.map { ChoiceJSON(rank: $0.rank, slotId: $0.slotID, title: $0.title, employer: $0.employerName) })
    }

    @Sendable func choices(_ request: Request, context: AppRequestContext) async throws -> ChoicesJSON {
        let (student, round) = try await studentAndRound(context)
        return try await choicesJSON(student, round)
    }

    @Sendable func putChoices(_ request: Request, context: AppRequestContext) async throws -> ChoicesJSON {
        let (student, round) = try await studentAndRound(context)
        let input = try await request.decode(as: ChoicesInput.self, context: context)
        if input.slotIds.count > round.maxChoices {
            throw HTTPError(.unprocessableContent, message: "$.slotIds: \(input.slotIds.count) choices, but the round allows at most \(round.maxChoices)")
        }
        if let dup = Dictionary(grouping: input.slotIds.enumerated(), by: \.element).first(where: { $0.value.count > 1 }) {
            throw HTTPError(.unprocessableContent, message: "$.slotIds[\(dup.value[1].offset)]: slot \(dup.key) is listed twice")
        }
        do {
            _ = try await ChoiceBook(pool: deps.pool).update(studentID: student.summary.id, round: round) { _ in input.slotIds }
        } catch let error as ChoiceChangeError {
            throw HTTPError(.unprocessableContent, message: "$.slotIds: \(error.description)")
        }
        return try await choicesJSON(student, round)
    }

    @Sendable func slots(_ request: Request, context: AppRequestContext) async throws -> [SlotJSON] {
        let user = try context.requireUser()
        // Counselors choose among every open slot; EDC staff see their own, coordinators all.
        let list: [SlotListing] = switch user.role {
        case .counselor: try await SlotCatalog(pool: deps.pool).openSlots(search: request.search, limit: 2000)
        case .edcStaff, .coordinator: try await SlotCatalog(pool: deps.pool).list(scope: user.slotScope, search: request.search, limit: 2000)
        default: throw HTTPError(.forbidden, message: "A \(user.role.rawValue) token may not use this endpoint.")
        }
        return list.map {
            SlotJSON(id: $0.id, externalId: $0.externalID, employer: $0.employerName, title: $0.title, kind: $0.kind,
                     programOfStudy: $0.programOfStudy, capacity: $0.capacity, active: $0.active, virtual: $0.virtual,
                     startDate: $0.startDate, endDate: $0.endDate, schedule: $0.schedule)
        }
    }
}
