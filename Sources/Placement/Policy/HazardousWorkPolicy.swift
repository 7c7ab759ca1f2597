/// Ages and exemptions for hazardous and restricted work (29 CFR 570 subparts C and E, 570.50,
/// 570.71): the hazardous-occupations orders, manufacturing/mining/machinery for 14–15 year-olds,
/// and agricultural hazardous work.
public struct HazardousWorkPolicy: Hashable, Sendable {
    /// A slot listing hazardous-occupation orders needs this age on its start date. Default 18.
    public var hazardousOrdersMinimumAge: Int = 18
    /// The orders the student-learner exemption can lift. Default HO5, 8, 10, 12, 14, 16, 17;
    /// HO2 (driving) and HO7 (forklifts/hoists) are never allowed here.
    public var studentLearnerExemptOrders: HazardousOrderSet = HazardousOrderSet([5, 8, 10, 12, 14, 16, 17].map { HazardousOrder(rawValue: $0)! })
    /// The youngest age for the student-learner exemption. Default 16.
    public var studentLearnerMinimumAge: Int = 16
    /// Whether HO2 (driving) is lifted for students of `drivingMinimumAge` with a driver's license
    /// (occasional driving under strict conditions). Default false: HO2 blocks every minor.
    public var occasionalDrivingAllowed: Bool = false
    /// The age for occasional driving when allowed. Default 17.
    public var drivingMinimumAge: Int = 17
    /// Manufacturing, mining and power-driven machinery need this age. Default 16.
    public var manufacturingMiningMachineryMinimumAge: Int = 16
    /// Agricultural hazardous work needs this age... Default 16.
    public var agriculturalHazardousMinimumAge: Int = 16
    /// ...or this age with the vocational-agriculture exemption on file. Default 14.
    public var vocationalAgExemptionMinimumAge: Int = 14

    public init() {}

    enum CodingKeys: String, CodingKey, CaseIterable {
        case hazardousOrdersMinimumAge = "hazardous_orders_minimum_age"
        case studentLearnerExemptOrders = "student_learner_exempt_orders"
        case studentLearnerMinimumAge = "student_learner_minimum_age"
        case occasionalDrivingAllowed = "occasional_driving_allowed"
        case drivingMinimumAge = "driving_minimum_age"
        case manufacturingMiningMachineryMinimumAge = "manufacturing_mining_machinery_minimum_age"
        case agriculturalHazardousMinimumAge = "agricultural_hazardous_minimum_age"
        case vocationalAgExemptionMinimumAge = "vocational_ag_exemption_minimum_age"
    }

    /// Orders the student-learner exemption may never lift: HO2 and HO7.
    public static let neverExempt = HazardousOrderSet([.motorVehicleDriving, .hoisting])

    func validate(_ v: inout PolicyValidator) {
        v.age(hazardousOrdersMinimumAge, "hazardous_orders_minimum_age")
        v.age(studentLearnerMinimumAge, "student_learner_minimum_age")
        v.age(drivingMinimumAge, "driving_minimum_age")
        v.age(manufacturingMiningMachineryMinimumAge, "manufacturing_mining_machinery_minimum_age")
        v.age(agriculturalHazardousMinimumAge, "agricultural_hazardous_minimum_age")
        v.age(vocationalAgExemptionMinimumAge, "vocational_ag_exemption_minimum_age")
        let forbidden = studentLearnerExemptOrders.intersection(HazardousWorkPolicy.neverExempt)
        v.check(forbidden.isEmpty, "student_learner_exempt_orders",
                "\(forbidden.text) can never be exempt for student-learners (29 CFR 570.50); remove it")
        v.check(studentLearnerMinimumAge >= 16, "student_learner_minimum_age",
                "the student-learner exemption is for ages 16–17; got \(studentLearnerMinimumAge)")
        v.check(vocationalAgExemptionMinimumAge <= agriculturalHazardousMinimumAge, "vocational_ag_exemption_minimum_age",
                "must not exceed agricultural_hazardous_minimum_age (\(agriculturalHazardousMinimumAge))")
        v.check(drivingMinimumAge >= 17, "driving_minimum_age",
                "16-year-olds may never drive on the job; got \(drivingMinimumAge)")
    }
}

extension HazardousWorkPolicy: Codable {
    public init(from decoder: any Decoder) throws {
        try decoder.rejectUnknownKeys(CodingKeys.self)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = HazardousWorkPolicy()
        hazardousOrdersMinimumAge = try c.value(.hazardousOrdersMinimumAge, or: d.hazardousOrdersMinimumAge)
        studentLearnerExemptOrders = try c.value(.studentLearnerExemptOrders, or: d.studentLearnerExemptOrders)
        studentLearnerMinimumAge = try c.value(.studentLearnerMinimumAge, or: d.studentLearnerMinimumAge)
        occasionalDrivingAllowed = try c.value(.occasionalDrivingAllowed, or: d.occasionalDrivingAllowed)
        drivingMinimumAge = try c.value(.drivingMinimumAge, or: d.drivingMinimumAge)
        manufacturingMiningMachineryMinimumAge = try c.value(.manufacturingMiningMachineryMinimumAge,
                                                             or: d.manufacturingMiningMachineryMinimumAge)
        agriculturalHazardousMinimumAge = try c.value(.agriculturalHazardousMinimumAge, or: d.agriculturalHazardousMinimumAge)
        vocationalAgExemptionMinimumAge = try c.value(.vocationalAgExemptionMinimumAge, or: d.vocationalAgExemptionMinimumAge)
    }
}
