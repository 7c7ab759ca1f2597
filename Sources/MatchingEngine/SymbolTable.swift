/// Interns byte strings: each distinct string gets a dense symbol number `0, 1, 2, …` in order of first sight.
/// Open addressing over raw bytes; no `String` is created. A million ids make the table bigger than the caches,
/// so each slot is two words that usually settle a probe alone: `tag = hash24 << 40 | length8 << 32 | (symbol + 1)`
/// and the id's first eight bytes. Ids of at most eight bytes are compared from the slot only.
struct SymbolTable {
    private(set) var ids = IDList()
    /// Pairs of words per slot; tag 0 = empty.
    private var slots: [UInt64]
    private var mask: Int

    init(expected: Int = 1024) {
        var size = 16
        while size < expected * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: 2 * size)
        mask = size - 1
    }

    var count: Int { ids.count }

    /// A 64-bit hash of the bytes, eight at a time, finished with SplitMix64's mixer.
    @inline(__always)
    static func hash(_ p: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(p.count)
        var i = 0
        let n = p.count
        if let base = p.baseAddress {
            let raw = UnsafeRawPointer(base)
            while i + 8 <= n {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 32
                i += 8
            }
            h = (h ^ tail(base + i, n - i)) &* 0xC4CE_B9FE_1A85_EC53
        }
        return SplitMix64.mix(h)
    }

    /// Up to eight bytes as a little-endian word, zero-padded.
    @inline(__always)
    static func tail(_ p: UnsafePointer<UInt8>, _ n: Int) -> UInt64 {
        var v: UInt64 = 0
        var k = 0
        while k < min(n, 8) {
            v |= UInt64(p[k]) << UInt64(8 * k)
            k += 1
        }
        return v
    }

    @inline(__always)
    static func tagBits(_ h: UInt64, _ length: Int) -> UInt64 {
        (h & 0xFFFF_FF00_0000_0000) | UInt64(min(length, 255)) << 32
    }

    /// The symbol of `key`, adding it when new.
    @inline(__always)
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let h = Self.hash(key)
        let want = Self.tagBits(h, key.count)
        let prefix = key.baseAddress.map { Self.tail($0, key.count) } ?? 0
        var i = Int(truncatingIfNeeded: h) & mask
        let found: Int32? = slots.withUnsafeBufferPointer { slots in
            while true {
                let tag = slots[2 * i]
                if tag == 0 { return nil }
                if tag & 0xFFFF_FFFF_0000_0000 == want && slots[2 * i + 1] == prefix {
                    let s = Int(tag & 0xFFFF_FFFF) - 1
                    if key.count <= 8 || restEqual(s, key) { return Int32(s) }
                }
                i = (i + 1) & mask
            }
        }
        if let found { return found }
        let sym = Int32(ids.count)
        ids.append(key)
        slots[2 * i] = want | UInt64(sym + 1)
        slots[2 * i + 1] = prefix
        if ids.count * 2 > mask + 1 { grow() }
        return sym
    }

    private func restEqual(_ s: Int, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let a = ids.start[s]
        guard ids.start[s + 1] - a == key.count else { return false }
        return ids.bytes.withUnsafeBufferPointer { bytes in
            var j = 8
            while j < key.count {
                if bytes[a + j] != key[j] { return false }
                j += 1
            }
            return true
        }
    }

    mutating func intern(_ key: String) -> Int32 {
        var k = key
        return k.withUTF8 { intern($0) }
    }

    private mutating func grow() {
        let size = (mask + 1) * 2
        var fresh = [UInt64](repeating: 0, count: 2 * size)
        let newMask = size - 1
        ids.bytes.withUnsafeBufferPointer { bytes in
            for s in 0..<ids.count {
                let a = ids.start[s], b = ids.start[s + 1]
                let key = UnsafeBufferPointer(rebasing: bytes[a..<b])
                let h = Self.hash(key)
                var i = Int(truncatingIfNeeded: h) & newMask
                while fresh[2 * i] != 0 { i = (i + 1) & newMask }
                fresh[2 * i] = Self.tagBits(h, key.count) | UInt64(s + 1)
                fresh[2 * i + 1] = key.baseAddress.map { Self.tail($0, key.count) } ?? 0
            }
        }
        slots = fresh
        mask = newMask
    }
}
