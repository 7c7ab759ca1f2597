/// The view of one explanation line.
enum ExplanationRow {
    static func model(_ line: ExplanationLine, juvenileEntitled: Bool) -> [String: Any] {
        [
            "rank": Vocabulary.ordinal(line.choiceRank), "slot": line.slotTitle, "employer": line.employerName,
            "text": line.reason.wording(juvenileEntitled: juvenileEntitled).text,
        ]
    }
}
