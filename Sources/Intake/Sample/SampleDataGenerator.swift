/// Generates a realistic Region I data set in the intake CSV formats, the same for the same seed.
///
/// Schools of Curry, Roosevelt, Quay and De Baca counties; employers of the Clovis and Portales
/// EDCs in the consortium's industries; students aged 14–19 with realistic gaps (no consent on
/// file, no transport); about 5% referred youth with restrictions; choices skewed toward popular
/// slots and the student's program; employer rankings for some slots.
///
/// ```swift
/// let data = SampleDataGenerator(students: 2_000, seed: 42).generate()
/// ```
public struct SampleDataGenerator: Sendable {
    /// How many students.
    public var students: Int
    /// The seed of every random draw.
    public var seed: UInt64
    /// The round's max_choices.
    public var maxChoices: Int

    /// The email of the generated coordinator (the `--as` user for the whole set).
    public static let coordinatorEmail = "coordinator@region1-cte.example.org"
    /// The name of the generated round.
    public static let roundName = "2027 spring"

    /// Makes a generator.
    public init(students: Int, seed: UInt64, maxChoices: Int = 10) {
        self.students = students
        self.seed = seed
        self.maxChoices = maxChoices
    }

    struct SlotInfo { let edc: String, id: String, program: String, popularity: Double, fit: SampleFit.Slot }
    struct StudentInfo { let school: String, id: String, program: String, birth: CalendarDay, county: String, fit: SampleFit.Student }

    /// The share of a student's choices made without regard to eligibility (aspirations, or a
    /// counselor not yet consulted); the rest are slots the student could plausibly take.
    static let uninformedChoiceShare = 0.15

    /// Builds every file.
    public func generate() -> SampleDataSet {
        var random = SampleRandom(seed: seed)
        let writer = CSVWriter()
        var counts: [(IntakeKind, Int)] = []
        func header(_ kind: IntakeKind) -> String { writer.line(kind.columns.map(\.name)) }

        // Organizations and users.
        var organizations = header(.organizations)
        var users = header(.users)
        organizations += writer.line(["region1", "consortium", "Region I CTE Consortium", "Curry", "34.4048", "-103.2052"])
        users += writer.line([Self.coordinatorEmail, "Dana Whitfield", "coordinator", "region1", "true", "false"])
        users += writer.line(["reports@region1-cte.example.org", "Marcus Ortega", "coordinator", "region1", "false", "false"])
        for edc in SampleRegion.edcs {
            organizations += writer.line([edc.code, "edc", edc.name, edc.county, String(edc.latitude), String(edc.longitude)])
            users += writer.line(["staff@\(edc.code).example.org", "\(edc.county) EDC staff", "edc_staff", edc.code, "false", "false"])
        }
        for school in SampleRegion.schools {
            organizations += writer.line([school.code, "school", school.name, school.county, String(school.latitude), String(school.longitude)])
            users += writer.line(["counselor@\(school.code).example.org", "Counselor, \(school.name)", "counselor", school.code, "false", "false"])
        }
        organizations += writer.line(["jjs-region1", "juvenile_services", "Juvenile Justice Services, Region I", "Curry", "34.4048", "-103.2052"])
        let caseWorkers = ["casey.morales@jjs-region1.example.org", "jordan.baca@jjs-region1.example.org"]
        users += writer.line([caseWorkers[0], "Casey Morales", "case_worker", "jjs-region1", "true", "false"])
        users += writer.line([caseWorkers[1], "Jordan Baca", "case_worker", "jjs-region1", "true", "false"])
        counts.append((.organizations, SampleRegion.schools.count + SampleRegion.edcs.count + 2))
        counts.append((.users, SampleRegion.schools.count + SampleRegion.edcs.count + 4))

        let rounds = header(.rounds) + writer.line([Self.roundName, String(maxChoices), "2027-01-08T17:00:00-07:00", "open", nil])
        counts.append((.rounds, 1))

        // Employers and slots: a little more than one seat per student (about 2.1 seats a slot), as the
        // consortium aims for; popularity and eligibility still leave some students out.
        let slotTarget = max(8, students * 10 / 19)
        let employerTarget = max(4, slotTarget / 3)
        var employers = header(.employers)
        var slots = header(.slots)
        var slotInfos: [SlotInfo] = []
        var employerRefs: [(edc: String, id: String, county: String)] = []
        let industryWeights = cumulative(SampleRegion.industries.map(\.weight))
        let townWeights = cumulative(SampleRegion.towns.map(\.weight))
        var slotCount = 0
        for e in 0..<employerTarget {
            let industry = SampleRegion.industries[random.weightedIndex(cumulative: industryWeights)]
            let town = SampleRegion.towns[random.weightedIndex(cumulative: townWeights)]
            let edc = SampleRegion.edcs[town.edc]
            let employerID = "\(edc.prefix)-E\(pad(e + 1, 5))"
            let baseName = random.pick(industry.employerNames)
            let name = e < 30 ? "\(baseName) \(town.name)" : "\(baseName) \(town.name) #\(e + 1)"
            employers += writer.line([edc.code, employerID, name, industry.name, nil])
            employerRefs.append((edc.code, employerID, town.county))
            let siteLat = town.latitude + Double.random(in: -0.03...0.03, using: &random)
            let siteLon = town.longitude + Double.random(in: -0.03...0.03, using: &random)
            let slotsHere = min(slotTarget - slotCount, Int.random(in: 1...5, using: &random))
            for _ in 0..<max(0, slotsHere) {
                slotCount += 1
                let template = random.pick(industry.slots)
                let slotID = "\(edc.prefix)-S\(pad(slotCount, 6))"
                let capacity = Int.random(in: template.capacity, using: &random)
                let reserved = capacity >= 2 && random.chance(0.2) ? 1 : 0
                let isVirtual = random.chance(template.virtualShare)
                let summer = random.chance(0.15)
                let schedule = summer ? "Mon-Fri 08:00-15:00" : random.pick(SampleRegion.slotSchedules)
                let active = !random.chance(0.03)
                // A few slots (the hospital, the IT shop downtown) draw far more applicants than the rest.
                let popularity = Double.random(in: 0.5...1, using: &random) * (random.chance(0.03) ? 6 : 1)
                let programRequired = random.chance(0.25)
                let start = summer ? CalendarDay(year: 2027, month: 6, day: 7)! : CalendarDay(year: 2027, month: 1, day: 11)!
                slots += writer.line([
                    edc.code, slotID, employerID, template.title, template.kind, template.program, String(capacity), String(reserved),
                    summer ? "2027-06-07" : "2027-01-11", summer ? "2027-07-30" : "2027-05-14", schedule,
                    template.minimumAge.map(String.init), template.hazardousOrders.map(String.init).joined(separator: ";"),
                    bool(template.manufacturing), bool(template.powerMachinery), "false", bool(template.agriculturalHazardous),
                    bool(isVirtual), bool(active), template.certifications.joined(separator: ";"), bool(template.backgroundCheck),
                    bool(template.drugScreen), bool(template.driversLicense), bool(template.usCitizenship),
                    template.minimumAge.map { $0 >= 17 ? "11" : "9" }, bool(programRequired),
                    "Supervisor \(slotCount)", "supervisor\(slotCount)@\(edc.code).example.org",
                    isVirtual ? nil : "\(town.name) site", isVirtual ? nil : "\(100 + e % 900) Main St, \(town.name), NM",
                    isVirtual ? nil : town.county, isVirtual ? nil : format(siteLat), isVirtual ? nil : format(siteLon),
                ])
                if active {
                    let fit = SampleFit.Slot(
                        start: start, windows: SampleWindow.parse(schedule), isVirtual: isVirtual, latitude: siteLat, longitude: siteLon,
                        minimumAge: template.minimumAge ?? 0, hazardousOrders: template.hazardousOrders,
                        agriculturalHazardous: template.agriculturalHazardous,
                        restrictedWork: template.manufacturing || template.powerMachinery, jobShadow: template.kind == "job_shadow",
                        certifications: Set(template.certifications), backgroundCheck: template.backgroundCheck,
                        drugScreen: template.drugScreen, driversLicense: template.driversLicense, usCitizenship: template.usCitizenship,
                        minimumGrade: (template.minimumAge ?? 0) >= 17 ? 11 : 9, program: template.program, programRequired: programRequired)
                    slotInfos.append(SlotInfo(edc: edc.code, id: slotID, program: template.program, popularity: popularity, fit: fit))
                }
            }
        }
        counts.append((.employers, employerTarget))
        counts.append((.slots, slotCount))

        // Students.
        var studentRows = header(.students)
        var studentInfos: [StudentInfo] = []
        studentInfos.reserveCapacity(students)
        let schoolWeights = cumulative(SampleRegion.schools.map(\.weight))
        let programWeights = cumulative(SampleRegion.programWeights.map(\.1))
        let gradeWeights = cumulative(SampleRegion.gradeWeights.map(\.1))
        let availabilityWeights = cumulative(SampleRegion.availabilities.map(\.1))
        var perSchool = [Int](repeating: 0, count: SampleRegion.schools.count)
        for _ in 0..<students {
            let s = random.weightedIndex(cumulative: schoolWeights)
            let school = SampleRegion.schools[s]
            perSchool[s] += 1
            let id = "\(school.prefix)\(pad(100_000 + perSchool[s], 6))"
            let grade = SampleRegion.gradeWeights[random.weightedIndex(cumulative: gradeWeights)].0
            let heldBack = random.chance(0.04) ? 1 : 0
            let ageOnSept1 = grade + 5 + heldBack
            let birth = CalendarDay(year: 2026 - ageOnSept1 - 1, month: 9, day: 2)!.adding(days: Int.random(in: 0..<365, using: &random))
            let program = SampleRegion.programWeights[random.weightedIndex(cumulative: programWeights)].0
            let age = birth.age(on: CalendarDay(year: 2027, month: 1, day: 11)!)
            let license = age >= 16 && random.chance(0.55)
            let transport: String
            if license && random.chance(0.8) { transport = "own_car" }
            else { transport = random.pick(["family", "family", "family", "family", "school_bus", "none"]) }
            let consent = age >= 18 || !random.chance(0.08)
            var certifications: [String] = []
            if random.chance(0.15) { certifications.append("osha10") }
            if random.chance(0.12) { certifications.append("food_handler") }
            if random.chance(0.10) { certifications.append("cpr_first_aid") }
            if age >= 18 && random.chance(0.1) { certifications.append("forklift") }
            var populations: [String] = []
            if random.chance(0.55) { populations.append("economically_disadvantaged") }
            if random.chance(0.12) { populations.append("disability") }
            if random.chance(0.09) { populations.append("english_learner") }
            if random.chance(0.03) { populations.append("homeless") }
            if random.chance(0.02) { populations.append("foster_youth") }
            if random.chance(0.08) { populations.append("military_parent") }
            let spanish = random.chance(0.25)
            let first = random.pick(SampleRegion.firstNames), last = random.pick(SampleRegion.lastNames)
            let hasProgram = random.chance(0.93)
            let homeLatitude = school.latitude + Double.random(in: -0.12...0.12, using: &random)
            let homeLongitude = school.longitude + Double.random(in: -0.12...0.12, using: &random)
            var availability = SampleRegion.availabilities[random.weightedIndex(cumulative: availabilityWeights)].0
            if grade < 11 && availability.hasPrefix("Mon-Fri 13:00") { availability = SampleRegion.availabilities[0].0 }
            let summerAvailability = "Mon-Fri 08:00-17:00"
            let consentOn = consent ? "2026-\(pad(Int.random(in: 8...11, using: &random), 2))-\(pad(Int.random(in: 1...28, using: &random), 2))" : nil
            let workPermit = age < 16 && random.chance(0.85), learner = age >= 16 && random.chance(0.2)
            let vocationalAg = program == "agriculture" && random.chance(0.3)
            let background = random.chance(0.45), drugScreen = random.chance(0.35), citizen = random.chance(0.93)
            studentRows += writer.line([
                school.code, id, first, last, birth.description, String(grade), hasProgram ? program : nil,
                bool(random.chance(0.6)), "\(2027 + (12 - grade))-05-22", transport, bool(license),
                format(homeLatitude), format(homeLongitude), availability, summerAvailability,
                certifications.joined(separator: ";"), consentOn,
                bool(workPermit), bool(learner), bool(vocationalAg),
                bool(background), bool(drugScreen), bool(citizen), populations.joined(separator: ";"),
                "\(random.pick(SampleRegion.firstNames)) \(last)", "guardian.\(id.lowercased())@mail.example.org", spanish ? "es" : "en",
            ])
            let fit = SampleFit.Student(
                birth: birth, grade: grade, program: hasProgram ? program : nil, transport: transport,
                latitude: homeLatitude, longitude: homeLongitude,
                availability: SampleWindow.parse(availability), summerAvailability: SampleWindow.parse(summerAvailability),
                certifications: Set(certifications), consent: consent, workPermit: workPermit, learnerAgreement: learner,
                vocationalAg: vocationalAg, backgroundCheck: background, drugScreen: drugScreen, driversLicense: license, usCitizen: citizen)
            studentInfos.append(StudentInfo(school: school.code, id: id, program: program, birth: birth, county: school.county, fit: fit))
        }
        counts.append((.students, students))

        // Choices: 0–max per student, skewed toward popular slots and the student's program.
        var choices = header(.choices)
        var choiceCount = 0
        var applicants = [[Int]](repeating: [], count: slotInfos.count)
        let all = cumulative(slotInfos.map(\.popularity))
        var byProgram: [(String, [Int], [Double])] = []
        for (program, _) in SampleRegion.programWeights {
            let indices = slotInfos.indices.filter { slotInfos[$0].program == program }
            byProgram.append((program, indices, cumulative(indices.map { slotInfos[$0].popularity })))
        }
        if !slotInfos.isEmpty {
            for (s, student) in studentInfos.enumerated() {
                if random.chance(0.08) { continue }   // no choices entered yet
                let wanted = min(slotInfos.count, Int.random(in: min(5, maxChoices)...maxChoices, using: &random))
                let own = byProgram.first { $0.0 == student.program }!
                var picked: [Int] = []
                func draw() -> Int {
                    !own.1.isEmpty && random.chance(0.55) ? own.1[random.weightedIndex(cumulative: own.2)] : random.weightedIndex(cumulative: all)
                }
                // Draw by popularity and program. Most choices are slots the student could take (the
                // counselor's list shows which); some are not. A student no slot suits (no consent on
                // file, say) ends up with plain draws.
                var attempts = 0
                while picked.count < wanted && attempts < wanted * 6 {
                    attempts += 1
                    let informed = !random.chance(Self.uninformedChoiceShare)
                    var index = draw(), tries = 1
                    while informed && tries < 40 && (picked.contains(index) || !SampleFit.fits(student.fit, slotInfos[index].fit)) {
                        index = draw()
                        tries += 1
                    }
                    if !picked.contains(index) { picked.append(index) }
                }
                for (rank, index) in picked.enumerated() {
                    let slot = slotInfos[index]
                    choices += writer.line([student.school, student.id, String(rank + 1), slot.edc, slot.id])
                    applicants[index].append(s)
                    choiceCount += 1
                }
            }
        }
        counts.append((.choices, choiceCount))

        // Referrals: about 5% of students.
        var referrals = header(.referrals)
        var referralCount = 0
        for student in studentInfos where random.chance(0.05) {
            referralCount += 1
            var excludedEmployers: [String] = []
            if random.chance(0.2), !employerRefs.isEmpty {
                let employer = random.pick(employerRefs)
                excludedEmployers.append("\(employer.edc):\(employer.id)")
            }
            let excludedCounties = random.chance(0.2) ? random.pick(["Quay", "De Baca", "Roosevelt", "Curry"]) : ""
            referrals += writer.line([
                student.school, student.id, "2026-\(pad(Int.random(in: 8...11, using: &random), 2))-\(pad(Int.random(in: 1...28, using: &random), 2))",
                bool(!random.chance(0.05)), random.pick(caseWorkers), random.chance(0.5) ? random.pick(["19:00", "20:00", "21:00"]) : nil,
                bool(random.chance(0.5)), excludedEmployers.joined(separator: ";"), excludedCounties,
            ])
        }
        counts.append((.referrals, referralCount))

        // Rankings: some slots rank their applicants in 1–3 tiers.
        var rankings = header(.rankings)
        var rankingCount = 0
        for (index, slot) in slotInfos.enumerated() where !applicants[index].isEmpty && random.chance(0.15) {
            for s in applicants[index] {
                let student = studentInfos[s]
                let tier = student.program == slot.program ? Int.random(in: 1...2, using: &random) : Int.random(in: 2...3, using: &random)
                rankings += writer.line([slot.edc, slot.id, String(tier), student.school, student.id])
                rankingCount += 1
            }
        }
        counts.append((.rankings, rankingCount))

        return SampleDataSet(
            files: [(.organizations, organizations), (.users, users), (.rounds, rounds), (.employers, employers), (.slots, slots),
                    (.students, studentRows), (.choices, choices), (.referrals, referrals), (.rankings, rankings)],
            coordinatorEmail: Self.coordinatorEmail,
            counts: counts)
    }

    func cumulative(_ weights: [Double]) -> [Double] {
        var total = 0.0
        return weights.map { total += $0; return total }
    }

    func bool(_ value: Bool) -> String { value ? "true" : "false" }

    func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    func format(_ value: Double) -> String {
        let scaled = (value * 10_000).rounded() / 10_000
        return String(scaled)
    }

    func pow(_ base: Double, _ exponent: Int) -> Double {
        (0..<exponent).reduce(1.0) { product, _ in product * base }
    }
}

extension CalendarDay {
    /// The day `days` after this one.
    func adding(days: Int) -> CalendarDay {
        var result = self
        for _ in 0..<days {
            if result.day < CalendarDay.daysIn(month: result.month, year: result.year) { result.day += 1 }
            else if result.month < 12 { result.month += 1; result.day = 1 }
            else { result.year += 1; result.month = 1; result.day = 1 }
        }
        return result
    }
}
