/// The places, organizations and industries of the Region I sample: the high schools of Curry,
/// Roosevelt, Quay and De Baca counties, the EDCs of Clovis and Portales, and employer templates
/// in the consortium's target industries. Names of employers are invented look-alikes.
enum SampleRegion {
    struct School {
        let code: String, name: String, county: String, latitude: Double, longitude: Double
        /// Share of the region's students.
        let weight: Double
        /// Student-number prefix.
        let prefix: String
    }

    static let schools: [School] = [
        School(code: "clovis-hs", name: "Clovis High School", county: "Curry", latitude: 34.4265, longitude: -103.1896, weight: 34, prefix: "CLV"),
        School(code: "texico-hs", name: "Texico High School", county: "Curry", latitude: 34.3887, longitude: -103.0513, weight: 3, prefix: "TEX"),
        School(code: "melrose-hs", name: "Melrose High School", county: "Curry", latitude: 34.4298, longitude: -103.6283, weight: 1.5, prefix: "MEL"),
        School(code: "grady-hs", name: "Grady High School", county: "Curry", latitude: 34.8231, longitude: -103.3166, weight: 1, prefix: "GRA"),
        School(code: "portales-hs", name: "Portales High School", county: "Roosevelt", latitude: 34.1776, longitude: -103.3427, weight: 16, prefix: "POR"),
        School(code: "elida-hs", name: "Elida High School", county: "Roosevelt", latitude: 33.9440, longitude: -103.6546, weight: 1, prefix: "ELI"),
        School(code: "dora-hs", name: "Dora High School", county: "Roosevelt", latitude: 33.9315, longitude: -103.3352, weight: 1, prefix: "DOR"),
        School(code: "floyd-hs", name: "Floyd High School", county: "Roosevelt", latitude: 34.2148, longitude: -103.5797, weight: 1.2, prefix: "FLO"),
        School(code: "tucumcari-hs", name: "Tucumcari High School", county: "Quay", latitude: 35.1669, longitude: -103.7247, weight: 6, prefix: "TUC"),
        School(code: "san-jon-hs", name: "San Jon High School", county: "Quay", latitude: 35.1084, longitude: -103.3305, weight: 0.8, prefix: "SJN"),
        School(code: "logan-hs", name: "Logan High School", county: "Quay", latitude: 35.3645, longitude: -103.4180, weight: 1.2, prefix: "LOG"),
        School(code: "house-hs", name: "House High School", county: "Quay", latitude: 34.6484, longitude: -103.9038, weight: 0.4, prefix: "HOU"),
        School(code: "fort-sumner-hs", name: "Fort Sumner High School", county: "De Baca", latitude: 34.4717, longitude: -104.2439, weight: 2, prefix: "FSM"),
    ]

    struct EDC { let code: String, name: String, county: String, latitude: Double, longitude: Double, prefix: String }
    static let edcs: [EDC] = [
        EDC(code: "edc-clovis", name: "Clovis Industrial Development Corporation", county: "Curry", latitude: 34.4048, longitude: -103.2052, prefix: "CL"),
        EDC(code: "edc-portales", name: "Roosevelt County Community Development Corporation", county: "Roosevelt", latitude: 34.1862, longitude: -103.3344, prefix: "PO"),
    ]

    /// Towns employers sit in, with the EDC that serves them and a weight.
    struct Town { let name: String, county: String, latitude: Double, longitude: Double, edc: Int, weight: Double }
    static let towns: [Town] = [
        Town(name: "Clovis", county: "Curry", latitude: 34.4048, longitude: -103.2052, edc: 0, weight: 45),
        Town(name: "Cannon AFB", county: "Curry", latitude: 34.3828, longitude: -103.3222, edc: 0, weight: 4),
        Town(name: "Texico", county: "Curry", latitude: 34.3887, longitude: -103.0513, edc: 0, weight: 3),
        Town(name: "Tucumcari", county: "Quay", latitude: 35.1717, longitude: -103.7250, edc: 0, weight: 8),
        Town(name: "Fort Sumner", county: "De Baca", latitude: 34.4717, longitude: -104.2439, edc: 0, weight: 2),
        Town(name: "Portales", county: "Roosevelt", latitude: 34.1862, longitude: -103.3344, edc: 1, weight: 28),
        Town(name: "Dora", county: "Roosevelt", latitude: 33.9315, longitude: -103.3352, edc: 1, weight: 2),
        Town(name: "Elida", county: "Roosevelt", latitude: 33.9440, longitude: -103.6546, edc: 1, weight: 2),
    ]

    /// One kind of slot an employer of an industry offers.
    struct SlotTemplate {
        let title: String, kind: String, program: String
        let hazardousOrders: [Int]
        var manufacturing = false, powerMachinery = false, agriculturalHazardous = false
        var minimumAge: Int? = nil
        var certifications: [String] = []
        var backgroundCheck = false, drugScreen = false, driversLicense = false, usCitizenship = false
        var virtualShare = 0.0
        var capacity: ClosedRange<Int> = 1...3
    }

    struct Industry {
        let name: String
        let employerNames: [String]
        let weight: Double
        let slots: [SlotTemplate]
    }

    static let industries: [Industry] = [
        Industry(name: "dairy and cheese processing", employerNames: ["High Plains Cheese", "Llano Estacado Dairy", "Curry County Creamery", "Blackwater Draw Dairy", "Caprock Milk Producers"], weight: 16, slots: [
            SlotTemplate(title: "Cheese plant quality lab assistant", kind: "internship", program: "agriculture", hazardousOrders: [], certifications: ["food_handler"], capacity: 1...4),
            SlotTemplate(title: "Dairy herd care assistant", kind: "internship", program: "agriculture", hazardousOrders: [], agriculturalHazardous: true, capacity: 1...3),
            SlotTemplate(title: "Plant maintenance helper", kind: "pre_apprenticeship", program: "manufacturing", hazardousOrders: [8, 12], manufacturing: true, powerMachinery: true, minimumAge: 16, certifications: ["osha10"], capacity: 1...2),
            SlotTemplate(title: "Agribusiness office intern", kind: "internship", program: "business_management", hazardousOrders: [], virtualShare: 0.3, capacity: 1...2),
        ]),
        Industry(name: "welding and manufacturing", employerNames: ["Clovis Fabrication & Welding", "Portales Steel Works", "Plains Trailer Manufacturing", "Eastern NM Machine", "Sandia Ag Equipment"], weight: 14, slots: [
            SlotTemplate(title: "Welding pre-apprentice", kind: "pre_apprenticeship", program: "manufacturing", hazardousOrders: [8], manufacturing: true, powerMachinery: true, minimumAge: 16, certifications: ["osha10"], capacity: 1...3),
            SlotTemplate(title: "Registered welding apprentice", kind: "apprenticeship", program: "manufacturing", hazardousOrders: [8, 14], manufacturing: true, powerMachinery: true, minimumAge: 17, certifications: ["osha10"], drugScreen: true, capacity: 1...2),
            SlotTemplate(title: "CNC operator trainee", kind: "internship", program: "manufacturing", hazardousOrders: [8], manufacturing: true, powerMachinery: true, minimumAge: 16, capacity: 1...2),
            SlotTemplate(title: "Fabrication shop job shadow", kind: "job_shadow", program: "manufacturing", hazardousOrders: [], capacity: 2...6),
        ]),
        Industry(name: "information technology", employerNames: ["Eastern Plains IT Services", "Llano Networks", "Caprock Software", "Mesa Data Systems"], weight: 10, slots: [
            SlotTemplate(title: "Help desk intern", kind: "internship", program: "information_technology", hazardousOrders: [], virtualShare: 0.5, capacity: 1...4),
            SlotTemplate(title: "Web development intern", kind: "internship", program: "information_technology", hazardousOrders: [], virtualShare: 0.8, capacity: 1...3),
            SlotTemplate(title: "Network cabling assistant", kind: "internship", program: "information_technology", hazardousOrders: [], driversLicense: false, capacity: 1...2),
        ]),
        Industry(name: "transportation and logistics", employerNames: ["Plains Rail & Freight", "High Plains Trucking", "Clovis Distribution Center", "Staked Plains Logistics"], weight: 11, slots: [
            SlotTemplate(title: "Warehouse associate", kind: "internship", program: "transportation_logistics", hazardousOrders: [7], powerMachinery: true, minimumAge: 18, certifications: ["forklift"], capacity: 1...4),
            SlotTemplate(title: "Dispatch and routing intern", kind: "internship", program: "transportation_logistics", hazardousOrders: [], virtualShare: 0.4, capacity: 1...2),
            SlotTemplate(title: "Diesel technician apprentice", kind: "apprenticeship", program: "transportation_logistics", hazardousOrders: [2], minimumAge: 18, driversLicense: true, capacity: 1...2),
        ]),
        Industry(name: "allied health", employerNames: ["High Plains Regional Medical Center", "Roosevelt County Clinic", "Tucumcari Family Health", "Llano Dental Group", "Caprock Pharmacy"], weight: 13, slots: [
            SlotTemplate(title: "Nursing assistant job shadow", kind: "job_shadow", program: "allied_health", hazardousOrders: [], certifications: ["cpr_first_aid"], capacity: 2...6),
            SlotTemplate(title: "Pharmacy technician intern", kind: "internship", program: "allied_health", hazardousOrders: [], minimumAge: 16, backgroundCheck: true, capacity: 1...2),
            SlotTemplate(title: "Medical records assistant", kind: "internship", program: "allied_health", hazardousOrders: [], backgroundCheck: true, virtualShare: 0.3, capacity: 1...2),
        ]),
        Industry(name: "education", employerNames: ["Clovis Early Learning Center", "Portales Child Development Center", "Quay County Head Start", "Eastern New Mexico University Lab School"], weight: 8, slots: [
            SlotTemplate(title: "Teacher's aide intern", kind: "internship", program: "education", hazardousOrders: [], backgroundCheck: true, capacity: 1...4),
            SlotTemplate(title: "After-school tutor", kind: "school_based_enterprise", program: "education", hazardousOrders: [], virtualShare: 0.5, capacity: 2...6),
        ]),
        Industry(name: "defense", employerNames: ["Cannon Defense Services", "Plains Aerospace Support", "Mesa Avionics"], weight: 5, slots: [
            SlotTemplate(title: "Aircraft maintenance job shadow", kind: "job_shadow", program: "manufacturing", hazardousOrders: [], usCitizenship: true, capacity: 2...5),
            SlotTemplate(title: "Logistics clerk intern", kind: "internship", program: "transportation_logistics", hazardousOrders: [], minimumAge: 16, backgroundCheck: true, usCitizenship: true, capacity: 1...2),
            SlotTemplate(title: "Cybersecurity intern", kind: "internship", program: "information_technology", hazardousOrders: [], minimumAge: 17, backgroundCheck: true, usCitizenship: true, virtualShare: 0.2, capacity: 1...2),
        ]),
        Industry(name: "banking and business", employerNames: ["First Plains Bank", "Portales Federal Credit Union", "Llano Insurance Agency"], weight: 6, slots: [
            SlotTemplate(title: "Bank teller intern", kind: "internship", program: "business_management", hazardousOrders: [], backgroundCheck: true, capacity: 1...2),
            SlotTemplate(title: "Marketing assistant", kind: "internship", program: "business_management", hazardousOrders: [], virtualShare: 0.6, capacity: 1...2),
        ]),
    ]

    /// School-year windows slots use, with weights.
    static let slotSchedules = ["Mon-Fri 15:30-18:00", "Mon,Wed,Fri 15:30-18:30", "Tue,Thu 15:30-19:00; Sat 08:00-12:00",
                                "Mon-Fri 13:00-16:00", "Sat 08:00-14:00", "Mon-Thu 16:00-19:00"]
    /// Student availability patterns with weights. The release-time pattern (a WBL period from 13:00)
    /// is for juniors and seniors; younger students get the first pattern instead.
    static let availabilities: [(String, Double)] = [
        ("Mon-Fri 15:30-19:00; Sat 08:00-16:00", 30), ("Mon-Fri 13:00-19:00; Sat 08:00-16:00", 25),
        ("Mon-Fri 15:30-21:00; Sat,Sun 08:00-18:00", 15), ("Mon-Fri 15:30-18:00", 8), ("Tue,Thu 15:30-19:00; Sat 08:00-14:00", 8),
        ("Mon,Wed,Fri 15:30-19:00", 7), ("Sat 08:00-16:00", 7),
    ]
    /// Grades 9–12 with weights: work-based learning is mostly for juniors and seniors.
    static let gradeWeights: [(Int, Double)] = [(9, 15), (10, 20), (11, 32), (12, 33)]

    static let firstNames = ["Sofia", "Isabella", "Camila", "Valeria", "Ximena", "Mía", "Lucía", "Ana", "Emma", "Olivia", "Ava", "Harper",
                             "Madison", "Abigail", "Jasmine", "Renée", "Mateo", "Santiago", "Diego", "José", "Luis", "Ángel", "Carlos",
                             "Jesús", "Liam", "Noah", "Wyatt", "Colton", "Caleb", "Tyler", "Hunter", "Bryce", "Minh", "Linh", "Aiyana", "Kai"]
    static let lastNames = ["Garcia", "Martinez", "Hernandez", "Lopez", "Gonzales", "Rodriguez", "Sanchez", "Peña", "Muñoz", "Chávez",
                            "Trujillo", "Baca", "Romero", "Lucero", "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
                            "Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White", "Harris", "Nguyễn", "Tran", "Begay", "Yazzie"]
    static let programWeights: [(String, Double)] = [
        ("agriculture", 20), ("manufacturing", 17), ("information_technology", 15), ("allied_health", 18),
        ("transportation_logistics", 8), ("education", 10), ("business_management", 12),
    ]
}
