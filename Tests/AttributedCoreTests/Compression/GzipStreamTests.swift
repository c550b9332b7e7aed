@testable import AttributedCore
import Testing

@Suite struct GzipStreamTests {
    /// Text that compresses like the API's bodies (repeated keys), then bytes that do not (a pseudo-random tail).
    static let input: [UInt8] = {
        var bytes = Array(String(repeating: #"{"id":"c01","text":"Militants arrived in Karachi","depth":2},"#, count: 900).utf8)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<40_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        return bytes
    }()

    @Test(arguments: [0, 1, 1023, 1024, 5000, 200_000])
    func oneShotRoundTrips(size: Int) throws {
        let body = Array(Self.input.prefix(size))
        let compressed = gzip(body)
        #expect(compressed.starts(with: [0x1f, 0x8b, 8]))  // the gzip magic and deflate (RFC 1952 §2.3.1)
        #expect(try #require(gunzip(compressed)) == body)
    }

    /// Feeding in chunks of any size gives one gzip member of the whole input, whatever deflate buffered.
    @Test(arguments: [1, 7, 100, 1024, 4096, 16_383, 65_536, 1_000_000])
    func chunkedRoundTrips(chunkSize: Int) throws {
        let input = Array(Self.input.prefix(chunkSize < 100 ? 6000 : .max))  // byte by byte, a part is enough
        let stream = GzipStream()
        var compressed: [UInt8] = []
        var offset = 0
        while offset < input.count {
            let end = min(offset + chunkSize, input.count)
            compressed += stream.compress(Array(input[offset..<end]))
            offset = end
        }
        compressed += stream.finish()
        #expect(try #require(gunzip(compressed)) == input)
    }

    /// The output is a function of the input (no timestamp), which is what lets a gzip body have a strong tag.
    @Test func sameInputSameBytes() {
        #expect(gzip(Self.input) == gzip(Self.input))
        let header = gzip(Array("x".utf8)).prefix(10)
        #expect(Array(header[4..<8]) == [0, 0, 0, 0])  // MTIME 0
    }

    /// Smaller windows for smaller inputs, never below gzip's 9 bits; the full window when the size is unknown.
    @Test func windowFitsTheInput() {
        #expect(GzipStream.Window(fitting: nil).bits == 15)
        #expect(GzipStream.Window(fitting: 1 << 20).bits == 15)
        #expect(GzipStream.Window(fitting: 1600).bits == 11)
        #expect(GzipStream.Window(fitting: 0).bits == 9)
        #expect(GzipStream.Window(fitting: 0).memoryLevel >= 1)
    }

    /// The adapter a streamed export goes through: never an empty chunk before the last, and the chunks
    /// together decompress to what the producer produced, for producers of tiny and of large chunks.
    @Test(arguments: [50, 8192, 300_000])
    func chunkAdapterCompressesAProducer(chunkSize: Int) throws {
        var offset = 0
        let produce = { () -> [UInt8]? in
            guard offset < Self.input.count else { return nil }
            defer { offset = min(offset + chunkSize, Self.input.count) }
            return Array(Self.input[offset..<min(offset + chunkSize, Self.input.count)])
        }
        var chunks = GzipChunks()
        var compressed: [UInt8] = []
        var produced = 0
        while let chunk = chunks.next(from: produce) {
            #expect(!chunk.isEmpty)
            compressed += chunk
            produced += 1
        }
        #expect(chunks.next(from: produce) == nil)
        #expect(produced <= (Self.input.count + chunkSize - 1) / chunkSize + 1)  // at most one per chunk, and the trailer
        #expect(try #require(gunzip(compressed)) == Self.input)
    }

    @Test func anEmptyProducerGivesAnEmptyMember() throws {
        var chunks = GzipChunks()
        let compressed = try #require(chunks.next { nil })
        #expect(chunks.next { nil } == nil)
        #expect(try #require(gunzip(compressed)).isEmpty)
    }
}
