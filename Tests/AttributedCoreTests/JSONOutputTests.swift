@testable import AttributedCore
import Testing

/// `JSONOutput` manages its own memory: what it holds must be exactly what was appended, across every growth.
@Suite struct JSONOutputTests {
    @Test func growingKeepsEveryByteInOrder() {
        var output = JSONOutput(capacity: 1)  // raised to its minimum, then doubled many times
        var expected: [UInt8] = []
        for round in 0..<2_000 {
            let piece = Array("\(round),".utf8)
            piece.withUnsafeBufferPointer { output.raw($0) }
            expected += piece
            output.append(UInt8(ascii: "x"))
            expected.append(UInt8(ascii: "x"))
        }
        #expect(output.count == expected.count)
        #expect(output.bytes == expected)
    }

    @Test func repeatedBytesAreCopiedEvenWhenTheBufferMustGrow() {
        var output = JSONOutput(capacity: 64)
        output.raw(#"{"start":1,"end":2}"#)
        for _ in 0..<10 { output.repeatBytes(0..<output.count) }  // doubles each time: past 64 bytes at once
        #expect(output.count == 19 << 10)
        #expect(output.bytes == Array(repeatElement(Array(#"{"start":1,"end":2}"#.utf8), count: 1 << 10).joined()))
    }

    @Test func removingAllGivesBackABufferThatGrewPastWhatIsKept() {
        var output = JSONOutput(capacity: 64)
        for _ in 0..<1_000 { output.raw("0123456789") }
        output.removeAll(keeping: 128)
        #expect(output.count == 0)
        output.raw("[]")
        #expect(output.bytes == Array("[]".utf8))
    }

    /// The writer is generic over where it writes: into a JSONOutput it must escape exactly as into an array.
    @Test func stringsEscapeAsIntoAnArray() {
        let samples = ["", "plain", "quote \" and \\ backslash", "\u{0}\u{1F}\n\r\t", "Núñez 😀", String(repeating: "ab\"", count: 100)]
        for sample in samples {
            var output = JSONOutput()
            output.string(sample)
            #expect(output.bytes == JSONWriterTests.reference(sample), "\(sample.debugDescription)")
        }
    }

    @Test func treesWriteAsTheyDoIntoAnArray() {
        let tree = JSON.object([("a", .array([.int(-12), .null, .bool(true), .string("é\"")])), ("b", .raw(Array("{}".utf8)))])
        var output = JSONOutput(capacity: 64)
        output.json(tree)
        #expect(output.bytes == tree.bytes)
        #expect(String(decoding: output.bytes, as: UTF8.self) == #"{"a":[-12,null,true,"é\""],"b":{}}"#)
    }
}

/// The per-thread render buffer is reused, never shared by two renders at once, and never pins a large body.
@Suite struct RenderBufferTests {
    @Test func aNestedRenderGetsABufferOfItsOwn() {
        let outer = RenderBuffer.with { output -> [UInt8] in
            output.raw("outer")
            let inner = RenderBuffer.with { nested -> [UInt8] in
                nested.raw("inner")
                return nested.bytes
            }
            #expect(inner == Array("inner".utf8))
            output.raw("!")
            return output.bytes
        }
        #expect(outer == Array("outer!".utf8))
    }

    @Test func eachRenderStartsEmpty() {
        _ = RenderBuffer.with { output in output.raw("left over") }
        let next = RenderBuffer.with { output -> Int in output.count }
        #expect(next == 0)
    }

    @Test func aHugeBodyIsRenderedWholeAndItsMemoryGivenBack() {
        let size = RenderBuffer.retainedCapacity * 3
        let count = RenderBuffer.with { output -> Int in
            for _ in 0..<(size / 8) { output.raw("01234567") }
            return output.count
        }
        #expect(count == size)
        #expect(RenderBuffer.with { $0.count } == 0)
    }
}
