/// A cell's normalized value (nil: empty), or why it is wrong.
enum Normalized {
    case success(String?)
    case failure(String)

    var isFailure: Bool { if case .failure = self { true } else { false } }
}

/// Turns one cell's text into its normalized form, or says why it cannot.
enum FieldNormalizer {
    /// The normalized value (nil for an empty optional cell), or a problem message.
    static func normalize(_ raw: String, as type: FieldType) -> Normalized {
        var text = raw.trimmingSpaces
        if text.isEmpty { return .success(nil) }
        // Undo CSVWriter's formula escape ('=…, '+…, '-…, '@…), so exports import back unchanged.
        if text.utf8.count >= 2, text.utf8.first == 0x27, let second = text.unicodeScalars.dropFirst().first,
           ["=", "+", "-", "@", "\t", "\r"].contains(second) {
            text.removeFirst()
        }
        switch type {
        case .text(let maxLength):
            // Characters are never more than bytes, so most cells need no counting of characters.
            if text.utf8.count > maxLength && text.count > maxLength {
                return .failure("is \(text.count) characters long, over the limit of \(maxLength)")
            }
            // Control characters are single bytes in UTF-8, never part of a longer character.
            if text.anyByte({ $0 < 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 || $0 == 0x7F }) {
                return .failure("contains control characters (remove them)")
            }
            return .success(text)
        case .identifier:
            if text.utf8.count > 64 && text.count > 64 { return .failure("\"\(text.prefix(20))…\" is longer than 64 characters") }
            if text.anyByte({ $0 < 0x20 || $0 == 0x7F || $0 == 0x3B }) {
                return .failure("\"\(text)\" contains control characters or ; (ids are plain text)")
            }
            return .success(text)
        case .organizationCode:
            let code = text.anyByte({ $0 >= 0x41 && $0 <= 0x5A || $0 >= 0x80 }) ? text.lowercased() : text
            let ok = code.utf8.count <= 63 && code.utf8.first != 0x2D
                && !code.anyByte({ !(($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D) })
            return ok ? .success(code) : .failure("\"\(text)\" is not an organization code (lowercase letters, digits and -, e.g. clovis-hs)")
        case .email:
            let parts = text.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !text.contains(" "), text.count <= 254 else {
                return .failure("\"\(text)\" is not an email address (name@example.org)")
            }
            return .success(text)
        case .date:
            // A day read from exactly YYYY-MM-DD is written back the same.
            guard CalendarDay(iso: text) != nil else { return .failure("\"\(text)\" is not a date (use YYYY-MM-DD)") }
            return .success(text)
        case .timestamp:
            return normalizeTimestamp(text).map { Normalized.success($0) }
                ?? .failure("\"\(text)\" is not a timestamp (use YYYY-MM-DDTHH:MM:SS-07:00 or YYYY-MM-DD)")
        case .time:
            return TimeOfDayText.normalize(text).map { Normalized.success($0) }
                ?? .failure("\"\(text)\" is not a time of day (use 24-hour HH:MM, e.g. 21:00)")
        case .boolean:
            switch text {   // most cells are already lowercase: no lowercased copy
            case "true", "t", "yes", "y", "1": return .success("true")
            case "false", "f", "no", "n", "0": return .success("false")
            default: break
            }
            switch text.lowercased() {
            case "true", "t", "yes", "y", "1": return .success("true")
            case "false", "f", "no", "n", "0": return .success("false")
            default: return .failure("\"\(text)\" is not true or false (use true/false, yes/no or 1/0)")
            }
        case .integer(let range):
            guard let value = Int(text) else { return .failure("\"\(text)\" is not a whole number") }
            guard range.contains(value) else { return .failure("\(value) is out of range (\(range.lowerBound)–\(range.upperBound))") }
            return .success(String(value))
        case .decimal(let range):
            guard let value = Double(text), value.isFinite else { return .failure("\"\(text)\" is not a number") }
            guard range.contains(value) else {
                return .failure("\(text) is out of range (\(FieldType.format(range.lowerBound))…\(FieldType.format(range.upperBound)))")
            }
            return .success(text)
        case .code(let codes):
            if codes.contains(text) { return .success(text) }   // codes are lowercase
            let code = text.lowercased()
            return codes.contains(code) ? .success(code) : .failure("\"\(text)\" is not one of \(codes.joined(separator: ", "))")
        case .codeList(let codes):
            if !text.utf8.contains(0x3B) && codes.contains(text) { return .success("{" + text + "}") }   // one code, as written
            var seen: [String] = []
            for item in listItems(text) {
                let code = item.lowercased()
                guard codes.contains(code) else { return .failure("\"\(item)\" is not one of \(codes.joined(separator: ", "))") }
                if !seen.contains(code) { seen.append(code) }
            }
            return .success("{" + seen.joined(separator: ",") + "}")
        case .integerList(let range):
            var seen: [Int] = []
            for item in listItems(text) {
                guard let value = Int(item), range.contains(value) else {
                    return .failure("\"\(item)\" is not a number \(range.lowerBound)–\(range.upperBound)")
                }
                if !seen.contains(value) { seen.append(value) }
            }
            return .success("{" + seen.sorted().map(String.init).joined(separator: ",") + "}")
        case .textList:
            let items = listItems(text)
            if let bad = items.first(where: { $0.unicodeScalars.contains { $0.value < 0x20 } }) {
                return .failure("\"\(bad)\" contains control characters")
            }
            return .success(arrayLiteral(items))
        case .weeklyWindows:
            switch WeeklyWindowsText.normalize(text) {
            case .success(let value): return .success(value)
            case .failure(let error): return .failure(error.description)
            }
        }
    }

    /// The non-empty, trimmed items of a `;`-separated list.
    static func listItems(_ text: String) -> [String] {
        text.split(separator: ";").map { String($0).trimmingSpaces }.filter { !$0.isEmpty }
    }

    /// A PostgreSQL array literal of quoted text items.
    static func arrayLiteral(_ items: [String]) -> String {
        var out = "{"
        for (index, item) in items.enumerated() {
            if index > 0 { out += "," }
            var escaped = item.replacing("\\", with: "\\\\")
            escaped = escaped.replacing("\"", with: "\\\"")
            out += "\"" + escaped + "\""
        }
        return out + "}"
    }

    /// The items of an array literal made by ``arrayLiteral(_:)`` or a code list.
    static func arrayItems(_ literal: String) -> [String] {
        var items: [String] = []
        var current = ""
        var inQuotes = false
        var escaped = false
        for character in literal.dropFirst().dropLast() {
            if escaped { current.append(character); escaped = false; continue }
            switch character {
            case "\\" where inQuotes: escaped = true
            case "\"": inQuotes.toggle()
            case "," where !inQuotes: items.append(current); current = ""
            default: current.append(character)
            }
        }
        if !literal.isEmpty && literal != "{}" { items.append(current) }
        return items
    }

    static func normalizeTimestamp(_ text: String) -> String? {
        if let day = CalendarDay(iso: text) { return day.description + "T00:00:00" }
        let bytes = Array(text.utf8)
        guard bytes.count >= 16, bytes[10] == 0x54 || bytes[10] == 0x20,
              CalendarDay(iso: String(decoding: bytes[0..<10], as: UTF8.self)) != nil else { return nil }
        var rest = String(decoding: bytes[11...], as: UTF8.self)
        var zone = ""
        if rest.hasSuffix("Z") { zone = "Z"; rest.removeLast() }
        else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            zone = String(rest[sign...])
            rest = String(rest[..<sign])
            guard TimeOfDayText.normalize(String(zone.dropFirst())) != nil else { return nil }
        }
        let parts = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, TimeOfDayText.normalize(parts[0] + ":" + parts[1]) != nil else { return nil }
        if parts.count == 3 {
            guard parts[2].count == 2, let seconds = Int(parts[2]), (0...59).contains(seconds) else { return nil }
        }
        return String(decoding: bytes[0..<10], as: UTF8.self) + "T" + rest + zone
    }
}

extension String {
    /// Whether any of the string's UTF-8 bytes passes `test`: read straight from its storage when
    /// it is contiguous (as every string the CSV reader makes is), without an iterator per byte.
    @inline(__always)
    func anyByte(_ test: (UInt8) -> Bool) -> Bool {
        utf8.withContiguousStorageIfAvailable { $0.contains(where: test) } ?? utf8.contains(where: test)
    }
}
