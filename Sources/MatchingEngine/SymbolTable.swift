/// Interns byte strings: each distinct string gets a dense symbol number `0, 1, 2, …` in order of first sight.
/// Open addressing with FNV-1a hashing over raw bytes; no `String` is created.
struct SymbolTable {
    private(set) var ids = IDList()
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(expected: Int = 1024) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { ids.count }

    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for c in p { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01b3 }
        return h ^ (h >> 29)
    }

    /// The symbol of `key`, adding it when new.
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(key)
        var i = Int(truncatingIfNeeded: h) & mask
        while true {
            let s = slots[i]
            if s < 0 { break }
            if hashes[Int(s)] == h && equal(Int(s), key) { return s }
            i = (i + 1) & mask
        }
        let sym = Int32(ids.count)
        ids.append(key)
        hashes.append(h)
        slots[i] = sym
        if ids.count * 2 > slots.count { grow() }
        return sym
    }

    mutating func intern(_ key: String) -> Int32 {
        var k = key
        return k.withUTF8 { intern($0) }
    }

    private func equal(_ s: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = ids.start[s], b = ids.start[s + 1]
        guard b - a == key.count else { return false }
        var j = 0
        while j < key.count {
            if ids.bytes[a + j] != key[j] { return false }
            j += 1
        }
        return true
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for s in 0..<hashes.count {
            var i = Int(truncatingIfNeeded: hashes[s]) & mask
            while slots[i] >= 0 { i = (i + 1) & mask }
            slots[i] = Int32(s)
        }
    }
}
