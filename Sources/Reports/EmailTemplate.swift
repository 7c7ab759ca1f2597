/// One Mustache template of the emails, parsed once and rendered over `[String: Any]` view models.
///
/// The emails of a 100,000-student run render hundreds of thousands of variables. The general
/// Mustache library looks each one up through half a dozen protocol casts and escapes HTML one
/// character at a time through a dictionary; that was 17% of a run. This renderer does the subset
/// of Mustache the email templates use, with the same output (`EmailTemplateTests` renders every
/// template with both and compares the bytes):
///
/// - `{{name}}` (HTML-escaped unless the template says `{{% CONTENT_TYPE: TEXT}}`), `{{{name}}}`
///   and `{{&name}}` (never escaped), dotted names (`{{run.id}}`) and `{{.}}`;
/// - sections `{{#name}}…{{/name}}`: an array repeats its body for each element, `true` renders it
///   once, `false`, nil or a missing name not at all, any other value once with that value on top
///   of the lookup stack; inverted sections `{{^name}}` render when a section would not;
/// - comments, and "standalone" lines (a line holding only a section, inverted section, closing,
///   comment or pragma tag disappears with its line break), as the Mustache spec says.
///
/// Partials, lambdas, delimiter changes and the library's transforms are refused when the template
/// is read, naming the line, rather than rendered differently.
struct EmailTemplate: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, body: [Node])
    }

    let nodes: [Node]

    /// Parses `source`; `name` is for error messages.
    init(_ source: String, name: String) throws(ReportError) {
        var parser = Parser(name: name)
        nodes = try parser.parse(source)
    }

    /// The template rendered over `model`.
    func render(_ model: Any) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        var stack: [Any] = [model]
        Self.render(nodes, stack: &stack, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func render(_ nodes: [Node], stack: inout [Any], into out: inout [UInt8]) {
        for node in nodes {
            switch node {
            case .text(let bytes):
                out.append(contentsOf: bytes)
            case .variable(let path, let escaped):
                guard let value = lookup(path, in: stack) else { continue }
                appendValue(value, escaped: escaped, into: &out)
            case .section(let path, let inverted, let body):
                let value = lookup(path, in: stack)
                if inverted {
                    if isFalsy(value) { render(body, stack: &stack, into: &out) }
                    continue
                }
                switch value {
                case .none:
                    break
                case let rows as [[String: Any]]:
                    for row in rows { renderPushed(row, body, stack: &stack, into: &out) }
                case let items as [String]:
                    for item in items { renderPushed(item, body, stack: &stack, into: &out) }
                case let items as [Any]:
                    for item in items { renderPushed(item, body, stack: &stack, into: &out) }
                case let flag as Bool:
                    if flag { render(body, stack: &stack, into: &out) }
                case .some(let object):
                    renderPushed(object, body, stack: &stack, into: &out)
                }
            }
        }
    }

    private static func renderPushed(_ object: Any, _ body: [Node], stack: inout [Any], into out: inout [UInt8]) {
        stack.append(object)
        render(body, stack: &stack, into: &out)
        stack.removeLast()
    }

    private static func isFalsy(_ value: Any?) -> Bool {
        switch value {
        case .none: return true
        case let flag as Bool: return !flag
        case let rows as [[String: Any]]: return rows.isEmpty
        case let items as [String]: return items.isEmpty
        case let items as [Any]: return items.isEmpty
        case .some: return false
        }
    }

    /// The first name is looked for from the innermost object outwards; the rest of a dotted
    /// name is read from what that found.
    private static func lookup(_ path: [String], in stack: [Any]) -> Any? {
        guard let first = path.first else { return stack.last }
        var found: Any?
        for object in stack.reversed() {
            if let value = child(first, of: object) {
                found = value
                break
            }
        }
        for name in path.dropFirst() {
            guard let object = found else { return nil }
            found = child(name, of: object)
        }
        return found
    }

    private static func child(_ name: String, of object: Any) -> Any? {
        if let dictionary = object as? [String: Any] { return dictionary[name].flatMap(unwrapped) }
        // Anything else is read by its stored properties, as the library does.
        guard let value = Mirror(reflecting: object).children.first(where: { $0.label == name })?.value else { return nil }
        return unwrapped(value)
    }

    /// A dictionary may hold an `Optional` boxed in `Any`: nil reads as missing.
    private static func unwrapped(_ value: Any) -> Any? {
        // The common cases first: a cast to a concrete type is cheap, one to a protocol is not.
        if value is String || value is Int || value is Bool || value is [String: Any] || value is [[String: Any]] { return value }
        guard let optional = value as? AnyOptionalValue else { return value }
        return optional.wrappedValue.flatMap(unwrapped)
    }

    private static func appendValue(_ value: Any, escaped: Bool, into out: inout [UInt8]) {
        let text: String
        switch value {
        case let string as String: text = string
        case let number as Int: text = String(number)
        case let number as Int64: text = String(number)
        default: text = String(describing: value)
        }
        if escaped { appendEscaped(text, into: &out) } else { out.append(contentsOf: text.utf8) }
    }

    /// `<`, `>`, `&`, `"` and `'`, as Mustache's HTML escaping.
    static func appendEscaped(_ text: String, into out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
    }
}

extension EmailTemplate {
    /// Reads a template line by line: a line is either standalone (one block tag and blanks: the
    /// line disappears) or text and tags in order.
    private struct Parser {
        let name: String
        /// Open sections, innermost last: the name, whether inverted, the nodes so far, its line.
        var open: [(name: String, inverted: Bool, nodes: [Node], line: Int)] = []
        var nodes: [Node] = []
        var escapesHTML = true

        init(name: String) { self.name = name }

        enum Tag {
            case variable(String, escaped: Bool)
            case open(String, inverted: Bool)
            case close(String)
            case comment
            case pragma(String)
        }

        mutating func parse(_ source: String) throws(ReportError) -> [Node] {
            let bytes = Array(source.utf8)
            var lineStart = 0
            var lineNumber = 1
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 10 { lineEnd += 1 }
                let next = lineEnd < bytes.count ? lineEnd + 1 : lineEnd   // past the line feed
                try parseLine(bytes[lineStart..<next], number: lineNumber)
                lineStart = next
                lineNumber += 1
            }
            if let section = open.last {
                throw error(line: section.line, "{{#\(section.name)}} is never closed", fix: "add {{/\(section.name)}}")
            }
            return nodes
        }

        private mutating func parseLine(_ line: ArraySlice<UInt8>, number: Int) throws(ReportError) {
            // Split the line into text and tags.
            var pieces: [(text: ArraySlice<UInt8>, tag: Tag?)] = []
            var i = line.startIndex
            var textStart = i
            while i < line.endIndex {
                guard line[i] == UInt8(ascii: "{"), i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: "{") else {
                    i += 1
                    continue
                }
                let triple = i + 2 < line.endIndex && line[i + 2] == UInt8(ascii: "{")
                let closing: [UInt8] = triple ? Array("}}}".utf8) : Array("}}".utf8)
                let contentStart = i + (triple ? 3 : 2)
                guard let contentEnd = Self.find(closing, in: line[contentStart...]) else {
                    throw error(line: number, "a tag opened here is not closed on the same line", fix: "close it with \(String(decoding: closing, as: UTF8.self))")
                }
                pieces.append((line[textStart..<i], nil))
                let content = String(decoding: line[contentStart..<contentEnd], as: UTF8.self)
                pieces.append((line[contentEnd..<contentEnd], try tag(content, triple: triple, line: number)))
                i = contentEnd + closing.count
                textStart = i
            }
            pieces.append((line[textStart..<line.endIndex], nil))

            let tags = pieces.compactMap(\.tag)
            let blank = pieces.allSatisfy { piece in piece.text.allSatisfy { $0 == 32 || $0 == 9 || $0 == 13 || $0 == 10 } }
            if tags.count == 1, blank, Self.isBlock(tags[0]) {
                try apply(tags[0], line: number)
                return
            }
            for piece in pieces {
                if !piece.text.isEmpty { nodes.append(.text(Array(piece.text))) }
                if let tag = piece.tag { try apply(tag, line: number) }
            }
        }

        private static func isBlock(_ tag: Tag) -> Bool {
            if case .variable = tag { return false }
            return true
        }

        private mutating func apply(_ tag: Tag, line: Int) throws(ReportError) {
            switch tag {
            case .variable(let name, let escaped):
                nodes.append(.variable(path: Self.path(name), escaped: escaped && escapesHTML))
            case .open(let name, let inverted):
                open.append((name, inverted, nodes, line))
                nodes = []
            case .close(let name):
                guard let section = open.popLast() else {
                    throw error(line: line, "{{/\(name)}} closes no section", fix: "remove it or open {{#\(name)}} before it")
                }
                guard section.name == name else {
                    throw error(line: line, "{{/\(name)}} closes {{#\(section.name)}} (opened on line \(section.line))",
                                fix: "close {{#\(section.name)}} first")
                }
                let body = nodes
                nodes = section.nodes
                nodes.append(.section(path: Self.path(section.name), inverted: section.inverted, body: body))
            case .comment:
                break
            case .pragma(let value):
                escapesHTML = value != "TEXT"
            }
        }

        private func tag(_ content: String, triple: Bool, line: Int) throws(ReportError) -> Tag {
            let trimmed = content.trimmingBlanks
            if triple { return .variable(trimmed, escaped: false) }
            guard let sigil = trimmed.first else { throw error(line: line, "an empty tag {{}}", fix: "name a value") }
            let rest = String(trimmed.dropFirst()).trimmingBlanks
            switch sigil {
            case "#": return .open(rest, inverted: false)
            case "^": return .open(rest, inverted: true)
            case "/": return .close(rest)
            case "!": return .comment
            case "&": return .variable(rest, escaped: false)
            case "%":
                let parts = rest.split(separator: ":", maxSplits: 1).map { String($0).trimmingBlanks }
                guard parts.count == 2, parts[0] == "CONTENT_TYPE", parts[1] == "TEXT" || parts[1] == "HTML" else {
                    throw error(line: line, "pragma {{% \(rest)}} is not understood", fix: "use {{% CONTENT_TYPE: TEXT}} or {{% CONTENT_TYPE: HTML}}")
                }
                return .pragma(parts[1])
            case ">", "=", "<", "$":
                throw error(line: line, "{{\(trimmed)}}: partials, blocks and delimiter changes are not used in email templates",
                            fix: "write the text out in the template")
            default:
                if trimmed.contains("(") {
                    throw error(line: line, "{{\(trimmed)}}: transforms are not used in email templates", fix: "format the value in the view model")
                }
                return .variable(trimmed, escaped: true)
            }
        }

        private static func path(_ name: String) -> [String] {
            name == "." ? [] : name.split(separator: ".").map(String.init)
        }

        private static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
            var i = haystack.startIndex
            while i + needle.count <= haystack.endIndex {
                if haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
                i += 1
            }
            return nil
        }

        private func error(line: Int, _ message: String, fix: String) -> ReportError {
            ReportError(message: "\(name).mustache:\(line): \(message)", detail: fix)
        }
    }
}

private protocol AnyOptionalValue {
    var wrappedValue: Any? { get }
}

extension Optional: AnyOptionalValue {
    fileprivate var wrappedValue: Any? { self.map { $0 } }
}

private extension String {
    var trimmingBlanks: String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" { s.removeLast() }
        return String(s)
    }
}
