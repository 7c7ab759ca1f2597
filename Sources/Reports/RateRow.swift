/// One line of a match-rate table: how many of a group were matched (students) or filled (seats).
struct RateRow: Sendable, Equatable {
    var label: String
    var total: Int
    var matched: Int
    var rate: String { Vocabulary.percent(matched, of: total) }

    var dictionary: [String: Any] { ["label": label, "total": total, "matched": matched, "rate": rate] }

    /// Rows grouped by `key`, sorted by label.
    static func group<T>(_ items: some Sequence<T>, label: (T) -> String, total: (T) -> Int, matched: (T) -> Int) -> [RateRow] {
        var rows: [String: RateRow] = [:]
        for item in items {
            let name = label(item)
            var row = rows[name] ?? RateRow(label: name, total: 0, matched: 0)
            row.total += total(item)
            row.matched += matched(item)
            rows[name] = row
        }
        return rows.values.sorted { $0.label < $1.label }
    }
}
