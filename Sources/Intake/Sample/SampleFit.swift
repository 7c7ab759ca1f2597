/// What a counselor knows when helping a student choose: a rough version of the eligibility rules
/// (age, child-labor hours, distance and transport, schedule, requirements, consent) over the
/// sample's own facts. Intake does not depend on Placement, so this is an approximation that errs
/// both ways; it only steers most sample choices toward slots a student could take, as the
/// counselor's slot list does, so the demo's match rate resembles a real round.
struct SampleFit {
    /// A slot as the generator made it.
    struct Slot {
        let start: CalendarDay
        let windows: [SampleWindow]
        let isVirtual: Bool
        let latitude: Double, longitude: Double
        let minimumAge: Int
        let hazardousOrders: [Int]
        let agriculturalHazardous: Bool
        let restrictedWork: Bool
        let jobShadow: Bool
        let certifications: Set<String>
        let backgroundCheck: Bool, drugScreen: Bool, driversLicense: Bool, usCitizenship: Bool
        let minimumGrade: Int
        let program: String
        let programRequired: Bool
    }

    /// A student as the generator made her.
    struct Student {
        let birth: CalendarDay
        let grade: Int
        let program: String?
        let transport: String
        let latitude: Double, longitude: Double
        let availability: [SampleWindow]
        let summerAvailability: [SampleWindow]
        let certifications: Set<String>
        let consent: Bool, workPermit: Bool, learnerAgreement: Bool, vocationalAg: Bool
        let backgroundCheck: Bool, drugScreen: Bool, driversLicense: Bool, usCitizen: Bool
    }

    /// Orders the student-learner exemption lifts (the default policy's list).
    static let learnerExemptOrders: Set<Int> = [5, 8, 10, 12, 14, 16, 17]
    static let walkingKm = 1.6, commuteKm = 40.0

    static func fits(_ s: Student, _ slot: Slot) -> Bool {
        let age = s.birth.age(on: slot.start)
        if age < max(14, slot.minimumAge) { return false }
        if !s.consent && age < 18 { return false }
        if age < 16 {
            if slot.restrictedWork || (!slot.jobShadow && !s.workPermit) { return false }
            // 14- and 15-year-olds: outside school hours, at most 3 hours a school day, done by 19:00.
            let summer = slot.start.month >= 6 && slot.start.month <= 8
            for w in slot.windows where !summer && w.days.contains(where: { $0 < 5 }) {
                if w.start < 15 * 60 + 30 || w.end - w.start > 180 || w.end > 19 * 60 { return false }
            }
        }
        if !slot.hazardousOrders.isEmpty && age < 18 {
            let exempt = s.learnerAgreement && age >= 16 && s.program == slot.program
                && slot.hazardousOrders.allSatisfy(learnerExemptOrders.contains)
            if !exempt { return false }
        }
        if slot.agriculturalHazardous && age < 16 && !s.vocationalAg { return false }
        if !slot.isVirtual {
            let km = distanceKm(s.latitude, s.longitude, slot.latitude, slot.longitude)
            switch s.transport {
            case "family", "own_car": if km > commuteKm { return false }
            default: if km > walkingKm { return false }
            }
        }
        let summer = slot.start.month >= 6 && slot.start.month <= 8
        if !SampleWindow.contains(summer ? s.summerAvailability : s.availability, slot.windows) { return false }
        if !slot.certifications.isSubset(of: s.certifications) { return false }
        if slot.backgroundCheck && !s.backgroundCheck { return false }
        if slot.drugScreen && !s.drugScreen { return false }
        if slot.driversLicense && !s.driversLicense { return false }
        if slot.usCitizenship && !s.usCitizen { return false }
        if slot.minimumGrade > s.grade { return false }
        if slot.programRequired && slot.program != s.program { return false }
        return true
    }

    static func distanceKm(_ lat1: Double, _ lon1: Double, _ lat2: Double, _ lon2: Double) -> Double {
        // Equirectangular: exact enough at the scale of a county.
        let radians = Double.pi / 180
        let x = (lon2 - lon1) * radians * cosine((lat1 + lat2) / 2 * radians)
        let y = (lat2 - lat1) * radians
        return (x * x + y * y).squareRoot() * 6_371
    }

    /// cos by its Taylor series around 0 (|x| < 0.7 here): Intake imports nothing, not even Foundation.
    static func cosine(_ x: Double) -> Double {
        let x2 = x * x
        return 1 - x2 / 2 + x2 * x2 / 24 - x2 * x2 * x2 / 720 + x2 * x2 * x2 * x2 / 40_320
    }
}

/// One weekly window of the sample's schedule texts: days (0 = Monday) and minutes of the day.
struct SampleWindow {
    let days: [Int]
    let start: Int, end: Int

    /// Parses the few shapes the sample writes: `Mon-Fri 15:30-18:00; Sat 08:00-12:00`, `Mon,Wed,Fri …`.
    static func parse(_ text: String) -> [SampleWindow] {
        let names = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return text.split(separator: ";").compactMap { part in
            let pieces = part.split(separator: " ")
            guard pieces.count == 2 else { return nil }
            var days: [Int] = []
            for group in pieces[0].split(separator: ",") {
                let ends = group.split(separator: "-").compactMap { names.firstIndex(of: String($0)) }
                guard let first = ends.first, let last = ends.last, first <= last else { return nil }
                days += Array(first...last)
            }
            let times = pieces[1].split(separator: "-").map { t -> Int in
                let hm = t.split(separator: ":").compactMap { Int($0) }
                return hm.count == 2 ? hm[0] * 60 + hm[1] : -1
            }
            guard times.count == 2, times[0] >= 0, times[1] > times[0] else { return nil }
            return SampleWindow(days: days, start: times[0], end: times[1])
        }
    }

    /// Every window of `needed` lies inside one window of `free` on each of its days.
    static func contains(_ free: [SampleWindow], _ needed: [SampleWindow]) -> Bool {
        needed.allSatisfy { n in
            n.days.allSatisfy { day in
                free.contains { $0.days.contains(day) && $0.start <= n.start && $0.end >= n.end }
            }
        }
    }
}
