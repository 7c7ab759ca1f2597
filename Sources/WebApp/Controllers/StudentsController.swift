import Foundation
import Hummingbird
import Store

/// Counselors' (their school) and coordinators' student pages: list and search, the facts form.
struct StudentsController {
    let deps: Dependencies
    var directory: StudentDirectory { StudentDirectory(pool: deps.pool) }

    func addRoutes(to router: some RouterMethods<AppRequestContext>) {
        router.get("students", use: list)
        router.get("students/:id", use: show)
        router.post("students/:id", use: save)
    }

    @Sendable func list(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        let search = request.search
        let students = try await directory.list(scope: user.studentScope, search: search)
        let rows: [[String: Any]] = students.map { s in
            ["id": s.id, "externalID": s.externalID, "name": "\(s.lastName), \(s.firstName)", "grade": s.grade,
             "program": Vocabulary.label(s.programOfStudy, in: Vocabulary.programs), "school": s.schoolName,
             "consent": s.hasConsent, "choices": s.choiceCount]
        }
        return try deps.pages.page("students", title: "Students", context: context, data: [
            "q": search, "students": rows, "none": rows.isEmpty, "showSchool": user.role == .coordinator,
        ])
    }

    @Sendable func show(_ request: Request, context: AppRequestContext) async throws -> HTML {
        let user = try context.requireUser()
        guard let student = try await directory.find(id: try context.id(), scope: user.studentScope) else { throw HTTPError(.notFound) }
        return try render(student, facts: student.facts, errors: [], context: context)
    }

    @Sendable func save(_ request: Request, context: AppRequestContext) async throws -> Response {
        let user = try context.requireUser()
        let id = try context.id()
        guard let student = try await directory.find(id: id, scope: user.studentScope) else { throw HTTPError(.notFound) }
        let form = try await request.form(context: context)
        let (facts, errors) = StudentFactsForm.read(form, current: student.facts)
        if !errors.isEmpty {
            return try render(student, facts: facts, errors: errors, context: context, status: .unprocessableContent)
                .response(from: request, context: context)
        }
        guard try await directory.update(id: id, scope: user.studentScope, facts: facts) else { throw HTTPError(.notFound) }
        context.flash("Saved \(student.summary.firstName) \(student.summary.lastName).")
        return .redirect(to: "/students/\(id)")
    }

    func render(_ student: StudentRecord, facts: StudentFacts, errors: [FieldError], context: AppRequestContext,
                status: HTTPResponse.Status = .ok) throws -> HTML {
        let s = student.summary
        return try deps.pages.page("student", title: "\(s.firstName) \(s.lastName)", context: context, data: [
            "id": s.id, "name": "\(s.firstName) \(s.lastName)", "externalID": s.externalID, "school": s.schoolName,
            "birthDate": student.birthDate, "choiceCount": s.choiceCount,
            "hasErrors": !errors.isEmpty, "errors": errors.map { ["field": $0.field, "message": $0.message] },
            "grade": facts.grade, "programs": [["value": "", "label": "—", "selected": facts.programOfStudy == nil]] + Vocabulary.options(Vocabulary.programs, selected: facts.programOfStudy),
            "transports": Vocabulary.options(Vocabulary.transports, selected: facts.transport),
            "driversLicense": facts.driversLicense, "consentOn": facts.guardianConsentOn ?? "",
            "workPermit": facts.workPermit, "studentLearner": facts.studentLearnerAgreement,
            "vocAg": facts.vocationalAgExemption, "availability": facts.availability,
            "certifications": Vocabulary.certifications.map { ["value": $0.0, "label": $0.1, "checked": facts.certifications.contains($0.0)] },
            "guardianName": facts.guardianName, "guardianEmail": facts.guardianEmail,
            "languages": Vocabulary.options(Vocabulary.languages, selected: facts.guardianLanguage),
        ], status: status)
    }
}

/// A form field and what is wrong with it.
struct FieldError: Sendable, Equatable {
    var field: String
    var message: String
}

/// Reads and checks the student facts form; every problem is named by its field.
enum StudentFactsForm {
    static func read(_ form: FormFields, current: StudentFacts) -> (StudentFacts, [FieldError]) {
        var errors: [FieldError] = []
        var facts = current
        let gradeText = form["grade"] ?? ""
        if let grade = Int(gradeText), (6...12).contains(grade) { facts.grade = grade }
        else { errors.append(FieldError(field: "Grade", message: "'\(gradeText)' is not a grade from 6 to 12")) }
        let program = form["program_of_study"] ?? ""
        if program.isEmpty { facts.programOfStudy = nil }
        else if Vocabulary.programs.contains(where: { $0.0 == program }) { facts.programOfStudy = program }
        else { errors.append(FieldError(field: "Program of study", message: "'\(program)' is not a program of study")) }
        let transport = form["transport"] ?? ""
        if Vocabulary.transports.contains(where: { $0.0 == transport }) { facts.transport = transport }
        else { errors.append(FieldError(field: "Transport", message: "'\(transport)' is not one of none, school bus, family, own car")) }
        facts.driversLicense = form["drivers_license"] != nil
        facts.workPermit = form["work_permit"] != nil
        facts.studentLearnerAgreement = form["student_learner_agreement"] != nil
        facts.vocationalAgExemption = form["vocational_ag_exemption"] != nil
        let consent = (form["guardian_consent_on"] ?? "").trimmingCharacters(in: .whitespaces)
        if consent.isEmpty { facts.guardianConsentOn = nil }
        else if isDate(consent) { facts.guardianConsentOn = consent }
        else { errors.append(FieldError(field: "Guardian consent on", message: "'\(consent)' is not a date like 2026-09-01")) }
        facts.availability = (form["availability"] ?? "").trimmingCharacters(in: .whitespaces)
        let certs = form.all("certifications[]")
        let unknown = certs.filter { c in !Vocabulary.certifications.contains { $0.0 == c } }
        if unknown.isEmpty { facts.certifications = certs }
        else { errors.append(FieldError(field: "Certifications", message: "unknown: \(unknown.joined(separator: ", "))")) }
        facts.guardianName = (form["guardian_name"] ?? "").trimmingCharacters(in: .whitespaces)
        let email = (form["guardian_email"] ?? "").trimmingCharacters(in: .whitespaces)
        if email.isEmpty || (email.contains("@") && !email.contains(" ")) { facts.guardianEmail = email }
        else { errors.append(FieldError(field: "Guardian email", message: "'\(email)' is not an email address")) }
        let language = form["guardian_language"] ?? "en"
        if Vocabulary.languages.contains(where: { $0.0 == language }) { facts.guardianLanguage = language }
        else { errors.append(FieldError(field: "Guardian language", message: "'\(language)' is not en or es")) }
        return (facts, errors)
    }

    /// A real calendar date in `YYYY-MM-DD` form.
    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1900...2200).contains(y), (1...12).contains(m) else { return false }
        let days = [31, (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return (1...days[m - 1]).contains(d)
    }
}
