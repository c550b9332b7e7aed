/// Appends JSON straight into a byte buffer: what the hot paths (a claim, a provenance chain, a list page) use to
/// render a body per request without building a tree of values first.
struct JSONOutput {
    var bytes: [UInt8] = []

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// Punctuation and keys, written as is: `raw(#","id":"#)`.
    mutating func raw(_ text: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    mutating func raw(_ json: [UInt8]) { bytes.append(contentsOf: json) }

    mutating func raw(_ json: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: json) }

    /// Appends bytes already written (`range` of `bytes`) once more, without escaping them again.
    mutating func repeatBytes(_ range: Range<Int>) {
        let start = bytes.count
        bytes.append(contentsOf: repeatElement(0, count: range.count))
        bytes.withUnsafeMutableBufferPointer { all in
            (all.baseAddress! + start).update(from: all.baseAddress! + range.lowerBound, count: range.count)
        }
    }

    mutating func string(_ value: String) { JSON.writeString(value, into: &bytes) }

    mutating func string(utf8: UnsafeBufferPointer<UInt8>) { JSON.writeString(utf8: utf8, into: &bytes) }

    mutating func optionalString(_ value: String?) {
        if let value { string(value) } else { raw("null") }
    }

    /// Decimal digits written straight into the buffer (a String per number was a tenth of a claim's rendering).
    mutating func int(_ value: Int) {
        if value >= 0, value < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        if value < 0 { bytes.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, written backwards
        withUnsafeMutableBytes(of: &digits) { buffer in
            var index = buffer.count
            repeat {
                index -= 1
                buffer[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[index...])
        }
    }

    mutating func int(_ value: UInt32) { int(Int(value)) }

    mutating func strings(_ values: some Sequence<String>) {
        bytes.append(UInt8(ascii: "["))
        var first = true
        for value in values {
            if !first { bytes.append(UInt8(ascii: ",")) }
            first = false
            string(value)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    // A member: its key (with the comma or brace before it, as raw JSON) and its value.

    mutating func member(_ key: StaticString, _ value: UInt32) {
        raw(key)
        int(value)
    }

    mutating func member(_ key: StaticString, utf8 value: UnsafeBufferPointer<UInt8>) {
        raw(key)
        string(utf8: value)
    }

    mutating func member(_ key: StaticString, _ value: some JSONVocabulary) {
        raw(key)
        vocabulary(value)
    }
}
