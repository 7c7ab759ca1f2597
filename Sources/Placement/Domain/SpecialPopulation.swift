/// A Perkins V special population, reported for indicator 5S3.
public enum SpecialPopulation: String, Codable, Sendable, CaseIterable {
    case disability
    case economicallyDisadvantaged = "economically_disadvantaged"
    case nontraditional
    case singleParent = "single_parent"
    case outOfWorkforce = "out_of_workforce"
    case englishLearner = "english_learner"
    case homeless
    case fosterYouth = "foster_youth"
    case militaryParent = "military_parent"
}
