import Glibc

/// Appends JSON straight into a byte buffer: what the hot paths (a claim, a provenance chain, a list page) use to
/// render a body per request without building a tree of values first.
///
/// The buffer is its own malloc'd memory, not an `[UInt8]`: a claim is some sixty appends, and an array's checks
/// (uniqueness, capacity, generic copying) cost more than the copying itself. Noncopyable, so that exactly one
/// owner frees it; `bytes` copies it out for a caller that keeps the body.
struct JSONOutput: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 1024) {
        self.capacity = max(capacity, 64)
        base = Self.allocate(self.capacity)
    }

    deinit { free(base) }

    /// A copy of what was written.
    var bytes: [UInt8] { withBytes { Array($0) } }

    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// Empties the buffer and keeps its memory, for the next body; one grown past `keeping` bytes is given back.
    mutating func removeAll(keeping: Int = .max) {
        count = 0
        guard capacity > keeping else { return }
        free(base)
        capacity = max(keeping, 64)
        base = Self.allocate(capacity)
    }

    // MARK: Appending

    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer, count length: Int) {
        if capacity - count < length { grow(toFit: length) }
        UnsafeMutableRawPointer(base + count).copyMemory(from: source, byteCount: length)
        count += length
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        if count == capacity { grow(toFit: 1) }
        base[count] = byte
        count += 1
    }

    @inline(__always)
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) { appendBytes(UnsafeRawBufferPointer(bytes)) }

    @inline(never)
    private mutating func grow(toFit length: Int) {
        let needed = count + length
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        guard let grown = realloc(base, newCapacity) else { fatalError("out of memory rendering a body of \(needed) bytes") }
        base = grown.assumingMemoryBound(to: UInt8.self)
        capacity = newCapacity
    }

    private static func allocate(_ capacity: Int) -> UnsafeMutablePointer<UInt8> {
        guard let memory = malloc(capacity) else { fatalError("out of memory allocating \(capacity) bytes") }
        return memory.assumingMemoryBound(to: UInt8.self)
    }

    // MARK: JSON

    /// Punctuation and keys, written as is: `raw(#","id":"#)`. Inlined: a claim makes some forty of these calls.
    @inline(__always)
    mutating func raw(_ text: StaticString) {
        append(text.utf8Start, count: text.utf8CodeUnitCount)
    }

    mutating func raw(_ json: [UInt8]) { json.withUnsafeBufferPointer { append($0) } }

    @inline(__always)
    mutating func raw(_ json: UnsafeBufferPointer<UInt8>) { append(json) }

    /// A tree of values (the documents that are not on a hot path: PROV, JSON-LD, an article's claim list).
    mutating func json(_ value: JSON) { value.write(into: &self, spaced: false) }

    /// Appends bytes already written (`range` of this buffer) once more, without escaping them again.
    mutating func repeatBytes(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "repeating bytes not written yet")
        if capacity - count < range.count { grow(toFit: range.count) }
        (base + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    mutating func string(_ value: String) { JSON.writeString(value, into: &self) }

    mutating func string(utf8: UnsafeBufferPointer<UInt8>) { JSON.writeString(utf8: utf8, into: &self) }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// Decimal digits written straight into the buffer (a String per number was a tenth of a claim's rendering).
    mutating func int(_ value: Int) {
        if value >= 0, value < 10 {
            append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        if value < 0 { append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            append(buffer.baseAddress! + index, count: buffer.count - index)
        }
    }

    mutating func int(_ value: UInt32) { int(Int(value)) }

    mutating func strings(_ values: some Sequence<String>) {
        append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { append(UInt8(ascii: ",")) }
            first = false
            string(value)
        }
        append(UInt8(ascii: "]"))
    }

    // A member: its key (with the comma or brace before it, as raw JSON) and its value.

    @inline(__always)
    mutating func member(_ key: StaticString, _ value: UInt32) {
        raw(key)
        int(value)
    }

    @inline(__always)
    mutating func member(_ key: StaticString, utf8 value: UnsafeBufferPointer<UInt8>) {
        raw(key)
        string(utf8: value)
    }

    @inline(__always)
    mutating func member(_ key: StaticString, _ value: some JSONVocabulary) {
        raw(key)
        vocabulary(value)
    }
}

extension JSONOutput: JSONByteSink {
    @inline(__always)
    mutating func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        guard let start = bytes.baseAddress else { return }
        append(start, count: bytes.count)
    }
}
