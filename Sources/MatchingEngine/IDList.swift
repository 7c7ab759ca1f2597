/// A compact list of byte-string ids: one arena of UTF-8 bytes plus offsets.
/// Ids are compared and hashed as raw bytes, never as Swift `String`s, so a million of them stay cheap.
struct IDList: Sendable {
    var bytes: [UInt8] = []
    var start: [Int] = [0]

    var count: Int { start.count - 1 }

    mutating func append<C: Collection>(_ id: C) where C.Element == UInt8 {
        bytes.append(contentsOf: id)
        start.append(bytes.count)
    }

    mutating func append(_ id: String) { append(id.utf8) }

    func string(_ i: Int) -> String {
        String(decoding: bytes[start[i]..<start[i + 1]], as: UTF8.self)
    }

    /// Indices `0..<count` ordered by the ids' bytes (ascending, unsigned, shorter prefix first).
    func sortedOrder() -> [Int32] {
        var order = (0..<Int32(count)).map { $0 }
        bytes.withUnsafeBufferPointer { b in
            start.withUnsafeBufferPointer { st in
                order.sort { x, y in
                    let a0 = st[Int(x)], a1 = st[Int(x) + 1], b0 = st[Int(y)], b1 = st[Int(y) + 1]
                    let la = a1 - a0, lb = b1 - b0
                    let n = min(la, lb)
                    var i = 0
                    while i < n {
                        let ca = b[a0 + i], cb = b[b0 + i]
                        if ca != cb { return ca < cb }
                        i += 1
                    }
                    return la < lb
                }
            }
        }
        return order
    }
}
