/// The stable codes of docs/domain-model.md, as the intake accepts them.
public enum Vocabulary {
    /// Organization kinds.
    public static let organizationKinds = ["consortium", "edc", "school", "juvenile_services", "employer", "partner"]
    /// User roles.
    public static let roles = ["coordinator", "edc_staff", "counselor", "case_worker", "employer"]
    /// Slot kinds.
    public static let slotKinds = ["internship", "pre_apprenticeship", "apprenticeship", "job_shadow", "school_based_enterprise"]
    /// Programs of study.
    public static let programsOfStudy = ["information_technology", "manufacturing", "agriculture", "transportation_logistics",
                                         "allied_health", "education", "business_management"]
    /// How a student gets to a site.
    public static let transports = ["none", "school_bus", "family", "own_car"]
    /// Languages guardian emails are written in.
    public static let guardianLanguages = ["en", "es"]
    /// Perkins V special populations.
    public static let specialPopulations = ["disability", "economically_disadvantaged", "nontraditional", "single_parent",
                                            "out_of_workforce", "english_learner", "homeless", "foster_youth", "military_parent"]
    /// Certifications a student holds or a slot requires.
    public static let certifications = ["osha10", "servsafe", "food_handler", "forklift", "cpr_first_aid"]
    /// Round states.
    public static let roundStates = ["open", "final"]
}
