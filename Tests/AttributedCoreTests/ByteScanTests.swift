import Testing
@testable import AttributedCore

/// The word-at-a-time searches against a byte-at-a-time definition: at every start, on buffers of every length
/// around a word's, with the bytes that sit next to the sought ones (`Z` and `[`, `|` and `}`, 0x1F and 0x20, 0x5B
/// with its high bit set) and matches where a borrow could wrongly flag a byte above them.
@Suite struct ByteScanTests {
    private static let searches: [(name: String, scan: @Sendable (UnsafeBufferPointer<UInt8>, Int) -> Int, isSought: @Sendable (UInt8) -> Bool)] = [
        ("quote, backslash or control", ByteScan.firstQuoteBackslashOrControl, { $0 == 0x22 || $0 == 0x5C || $0 < 0x20 }),
        ("quote or backslash", ByteScan.firstQuoteOrBackslash, { $0 == 0x22 || $0 == 0x5C }),
        ("bracket or quote", ByteScan.firstBracketOrQuote, { [0x22, 0x5B, 0x5D, 0x7B, 0x7D].contains($0) }),
    ]
    private static let alphabet: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5A, 0x5B, 0x5C, 0x5D, 0x5E, 0x7A,
                                            0x7B, 0x7C, 0x7D, 0x7E, 0x7F, 0x80, 0xA2, 0xDB, 0xDC, 0xFB, 0xFD, 0xFF,
                                            UInt8(ascii: "a"), UInt8(ascii: "e")]

    @Test(arguments: 0..<3)
    func findsWhatAByteLoopFinds(search: Int) {
        let (name, scan, isSought) = Self.searches[search]
        var generator = SeededGenerator(seed: UInt64(search) + 5)
        for length in 0..<40 {
            for round in 0..<60 {
                // Mostly plain bytes, so that runs longer than a word occur before a sought one.
                let bytes = (0..<length).map { _ in
                    round % 3 == 0 || Int.random(in: 0..<6, using: &generator) == 0
                        ? Self.alphabet.randomElement(using: &generator)! : UInt8(ascii: "a")
                }
                bytes.withUnsafeBufferPointer { buffer in
                    for start in 0...length + 1 {
                        let expected = start >= length ? max(start, length) : (start..<length).first { isSought(bytes[$0]) } ?? length
                        let found = scan(buffer, start)
                        #expect(found == expected, "\(name): \(bytes) from \(start)")
                    }
                }
            }
        }
    }

    @Test func everySoughtByteIsFoundAtEveryPlaceInAWord() {
        for (name, scan, isSought) in Self.searches {
            for byte in UInt8.min...UInt8.max where isSought(byte) {
                for place in 0..<17 {
                    var bytes = [UInt8](repeating: UInt8(ascii: "x"), count: 17)
                    bytes[place] = byte
                    // Sought bytes above the first must not move it.
                    if place + 1 < bytes.count { bytes[place + 1] = byte }
                    #expect(bytes.withUnsafeBufferPointer { scan($0, 0) } == place, "\(name): byte \(byte) at \(place)")
                }
            }
            for byte in UInt8.min...UInt8.max where !isSought(byte) {
                let bytes = [UInt8](repeating: byte, count: 19)
                #expect(bytes.withUnsafeBufferPointer { scan($0, 0) } == 19, "\(name): byte \(byte) is not sought")
            }
        }
    }
}
