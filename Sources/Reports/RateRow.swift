/// One line of a match-rate table: how many of a group were matched (students) or filled (seats).
struct RateRow: Sendable, Equatable {
    var label: String
    var total: Int
    var matched: Int
    var rate: String { Vocabulary.percent(matched, of: total) }

    var dictionary: [String: Any] { ["label": label, "total": total, "matched": matched, "rate": rate] }

    /// Rows grouped by `label`, sorted by label. Items are first counted by `key` (an id or a code:
    /// cheap to hash), and only each key's label is computed, once; keys with one label share a row.
    static func group<T, Key: Hashable>(_ items: some Sequence<T>, key: (T) -> Key, label: (Key) -> String,
                                        total: (T) -> Int, matched: (T) -> Int) -> [RateRow] {
        var counts: [Key: (total: Int, matched: Int)] = [:]
        for item in items {
            let k = key(item)
            var count = counts[k] ?? (0, 0)
            count.total += total(item)
            count.matched += matched(item)
            counts[k] = count
        }
        var rows: [String: RateRow] = [:]
        for (k, count) in counts {
            let name = label(k)
            var row = rows[name] ?? RateRow(label: name, total: 0, matched: 0)
            row.total += count.total
            row.matched += count.matched
            rows[name] = row
        }
        return rows.values.sorted { $0.label < $1.label }
    }
}
