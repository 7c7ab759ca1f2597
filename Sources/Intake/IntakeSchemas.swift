/// The column lists of every intake kind. docs/intake.md documents the same columns with examples.
enum IntakeSchemas {
    static let organizations: [IntakeColumn] = [
        .init("code", .organizationCode, required: true, "Short stable code other files use to name the organization (`clovis-hs`)."),
        .init("kind", .code(Vocabulary.organizationKinds), required: true, "What the organization is."),
        .init("name", .text(maxLength: 200), required: true, "Display name."),
        .init("county", .text(maxLength: 100), "County (schools, sites)."),
        .init("latitude", .decimal(-90...90), "Latitude of the campus or office, WGS 84 degrees."),
        .init("longitude", .decimal(-180...180), "Longitude, WGS 84 degrees (negative west)."),
    ]

    static let users: [IntakeColumn] = [
        .init("email", .email, required: true, "Sign-in address, unique regardless of case."),
        .init("name", .text(maxLength: 200), default: "", "Full name."),
        .init("role", .code(Vocabulary.roles), required: true, "What the user may do."),
        .init("organization", .organizationCode, required: true, "Code of the user's organization (a counselor's school, an EDC, juvenile services)."),
        .init("can_view_juvenile", .boolean, default: "false", "May see juvenile-services data (coordinators explicitly granted)."),
        .init("disabled", .boolean, default: "false", "Cannot sign in."),
    ]

    static let rounds: [IntakeColumn] = [
        .init("name", .text(maxLength: 100), required: true, "Unique name of the round (`2026-27 fall`)."),
        .init("max_choices", .integer(1...100), default: "10", "How many slots a student may rank."),
        .init("choice_deadline", .timestamp, "When counselors must have entered choices."),
        .init("state", .code(Vocabulary.roundStates), default: "open", "`open` while choices are taken, `final` once published."),
        .init("previous_round", .text(maxLength: 100), "Name of the round this one follows (a second round for the unmatched)."),
    ]

    static let employers: [IntakeColumn] = [
        .init("edc", .organizationCode, "Code of the EDC that maintains the employer; empty = the importing EDC user's own."),
        .init("employer_id", .identifier, required: true, "The EDC's own id of the employer; unique per EDC."),
        .init("name", .text(maxLength: 200), required: true, "Employer name."),
        .init("industry", .text(maxLength: 100), default: "", "Industry, free text (`dairy processing`)."),
        .init("organization", .organizationCode,
              "Code of the employer's own organization (kind employer or partner), whose users rank its slots' applicants; empty = keep the current link (none for a new employer)."),
    ]

    static let slots: [IntakeColumn] = [
        .init("edc", .organizationCode, "Code of the EDC; empty = the importing EDC user's own."),
        .init("slot_id", .identifier, required: true, "The EDC's own id of the slot; unique per EDC."),
        .init("employer_id", .identifier, required: true, "The employer (its `employer_id` in employers.csv, same EDC)."),
        .init("title", .text(maxLength: 200), required: true, "What the student will do."),
        .init("kind", .code(Vocabulary.slotKinds), required: true, "Kind of placement."),
        .init("program_of_study", .code(Vocabulary.programsOfStudy), required: true, "Program of study the slot belongs to."),
        .init("capacity", .integer(0...10_000), required: true, "Seats."),
        .init("reserved_seats", .integer(0...10_000), default: "0", "Second-chance seats within the capacity (≤ capacity)."),
        .init("start_date", .date, required: true, "First day."),
        .init("end_date", .date, required: true, "Last day (≥ start_date)."),
        .init("schedule", .weeklyWindows, default: "", "When the student works."),
        .init("minimum_age", .integer(0...25), "Minimum age in years, beyond the policy's."),
        .init("hazardous_orders", .integerList(1...17), default: "{}", "Hazardous Occupations Orders of the tasks (`2;7`)."),
        .init("manufacturing", .boolean, default: "false", "Manufacturing work (age ≥ 16)."),
        .init("power_machinery", .boolean, default: "false", "Power-driven machinery (age ≥ 16)."),
        .init("mining", .boolean, default: "false", "Mining (age ≥ 16)."),
        .init("agricultural_hazardous", .boolean, default: "false", "Agricultural hazardous tasks (age ≥ 16, or the vocational-agriculture exemption)."),
        .init("virtual", .boolean, default: "false", "Remote: no site, no travel."),
        .init("active", .boolean, default: "true", "Open to choices this round."),
        .init("certifications", .codeList(Vocabulary.certifications), default: "{}", "Certifications the student needs."),
        .init("background_check", .boolean, default: "false", "Background check required."),
        .init("drug_screen", .boolean, default: "false", "Drug screen required."),
        .init("drivers_license", .boolean, default: "false", "Driver's license required."),
        .init("us_citizenship", .boolean, default: "false", "US citizenship required (defense employers)."),
        .init("minimum_grade", .integer(6...12), "Lowest grade accepted."),
        .init("program_required", .boolean, default: "false", "true: only students of the program; false: preferred."),
        .init("contact_name", .text(maxLength: 200), default: "", "Supervisor's name."),
        .init("contact_email", .text(maxLength: 200), default: "", "Supervisor's email."),
        .init("site_name", .text(maxLength: 200), "Site name (required unless virtual); sites are shared by name per employer."),
        .init("site_address", .text(maxLength: 300), default: "", "Street address."),
        .init("site_county", .text(maxLength: 100), default: "", "County of the site."),
        .init("site_latitude", .decimal(-90...90), "Site latitude (required unless virtual)."),
        .init("site_longitude", .decimal(-180...180), "Site longitude (required unless virtual)."),
    ]

    static let students: [IntakeColumn] = [
        .init("school", .organizationCode, "Code of the school; empty = the importing counselor's own."),
        .init("student_id", .identifier, required: true, "The school's student number; unique per school."),
        .init("first_name", .text(maxLength: 100), required: true, "First name."),
        .init("last_name", .text(maxLength: 100), required: true, "Last name."),
        .init("birth_date", .date, required: true, "Birth date (age 10–25 on the import day)."),
        .init("grade", .integer(6...12), required: true, "Grade level."),
        .init("program_of_study", .code(Vocabulary.programsOfStudy), "CTE program of study."),
        .init("cte_concentrator", .boolean, default: "false", "CTE concentrator (Perkins V)."),
        .init("expected_graduation", .date, "Expected graduation date."),
        .init("transport", .code(Vocabulary.transports), default: "none", "How the student gets to a site."),
        .init("drivers_license", .boolean, default: "false", "Holds a driver's license."),
        .init("home_latitude", .decimal(-90...90), "Home latitude (with home_longitude)."),
        .init("home_longitude", .decimal(-180...180), "Home longitude (with home_latitude)."),
        .init("availability", .weeklyWindows, default: "", "Free time during the school year."),
        .init("summer_availability", .weeklyWindows, default: "", "Free time in summer."),
        .init("certifications", .codeList(Vocabulary.certifications), default: "{}", "Certifications held."),
        .init("guardian_consent_on", .date, "Date the guardian's written consent was received; empty = none."),
        .init("work_permit", .boolean, default: "false", "Work permit on file (under 16)."),
        .init("student_learner_agreement", .boolean, default: "false", "Signed student-learner agreement on file."),
        .init("vocational_ag_exemption", .boolean, default: "false", "Vocational-agriculture exemption on file."),
        .init("background_check_cleared", .boolean, default: "false", "Background check cleared."),
        .init("drug_screen_passed", .boolean, default: "false", "Drug screen passed."),
        .init("us_citizen", .boolean, default: "false", "US citizen."),
        .init("special_populations", .codeList(Vocabulary.specialPopulations), default: "{}", "Perkins V special populations."),
        .init("guardian_name", .text(maxLength: 200), default: "", "Guardian's name."),
        .init("guardian_email", .text(maxLength: 200), default: "", "Guardian's email."),
        .init("guardian_language", .code(Vocabulary.guardianLanguages), default: "en", "Language of guardian emails."),
    ]

    static let choices: [IntakeColumn] = [
        .init("school", .organizationCode, "Code of the student's school; empty = the counselor's own."),
        .init("student_id", .identifier, required: true, "The student (student_id in students.csv)."),
        .init("rank", .integer(1...100), required: true, "1 = first choice; at most the round's max_choices."),
        .init("edc", .organizationCode, "EDC of the slot; needed only when two EDCs use the same slot_id."),
        .init("slot_id", .identifier, required: true, "The slot (slot_id in slots.csv); must be active."),
    ]

    static let referrals: [IntakeColumn] = [
        .init("school", .organizationCode, required: true, "Code of the student's school."),
        .init("student_id", .identifier, required: true, "The student (student_id in students.csv)."),
        .init("referred_on", .date, required: true, "Date of the referral."),
        .init("active", .boolean, default: "true", "The referral is in force."),
        .init("case_worker", .email, "Email of the referring case worker; empty = the importing user."),
        .init("curfew", .time, "No slot may end after this time of day."),
        .init("caseworker_approval_required", .boolean, default: "false", "The case worker must approve the final placement."),
        .init("excluded_employers", .textList, default: "{}", "Employers excluded, as edc:employer_id (`edc-clovis:E014;edc-portales:E003`)."),
        .init("excluded_counties", .textList, default: "{}", "Counties excluded (`Quay;De Baca`)."),
    ]

    static let rankings: [IntakeColumn] = [
        .init("edc", .organizationCode, "EDC of the slot; empty = the importing EDC user's own."),
        .init("slot_id", .identifier, required: true, "The slot being ranked."),
        .init("tier", .integer(1...1000), required: true, "1 = most preferred; equal tiers are ties."),
        .init("school", .organizationCode, required: true, "Code of the student's school."),
        .init("student_id", .identifier, required: true, "The student ranked."),
    ]
}
