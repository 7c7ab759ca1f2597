import Database
import Testing
@testable import MatchRuns

@Suite struct SHA256Tests {
    func hex(_ s: String) -> String { var h = SHA256(); h.update(s); return h.finalizeHex() }

    @Test func knownVectors() {
        #expect(hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1") // 56 bytes: the padding needs a second block
    }

    @Test func incrementalEqualsWhole() {
        let text = String(repeating: "The quick brown fox jumps over the lazy dog. ", count: 40)
        var parts = SHA256()
        var rest = Substring(text)
        var size = 1
        while !rest.isEmpty {
            parts.update(Array(rest.prefix(size).utf8))
            rest = rest.dropFirst(size)
            size = size % 70 + 7
        }
        #expect(parts.finalizeHex() == hex(text))
    }
}
