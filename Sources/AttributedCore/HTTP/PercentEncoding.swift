/// RFC 3986 percent-encoding of everything but the unreserved characters: safe in a query value and in a path
/// segment alike.
func percentEncoded(_ string: String) -> String {
    percentEncoded(string, between: "", and: "")
}

/// `prefix`, `string` percent-encoded, then `suffix`, written as one String in one pass: this runs for every claim
/// response's Link header, where an interpolation of the three cost ten times as much.
func percentEncoded(_ string: String, between prefix: StaticString, and suffix: StaticString) -> String {
    var string = string
    return string.withUTF8 { percentEncoded(utf8: $0, between: prefix, and: suffix) }
}

/// The same from UTF-8 bytes (an id read in place from the store's string arena, without a String of its own).
func percentEncoded(utf8 string: UnsafeBufferPointer<UInt8>, between prefix: StaticString, and suffix: StaticString) -> String {
    String(unsafeUninitializedCapacity: prefix.utf8CodeUnitCount + 3 * string.count + suffix.utf8CodeUnitCount) { out in
        var writer = PercentEncodingWriter(out)
        writer.copy(prefix)
        writer.encode(string)
        writer.copy(suffix)
        return writer.count
    }
}

/// `first`, the string percent-encoded, `middle`, the string again, then `last`, in one pass (a Link header that
/// names its resource twice, as a target and as an anchor).
func percentEncoded(utf8 string: UnsafeBufferPointer<UInt8>, twiceAmong first: StaticString, _ middle: StaticString,
                    _ last: StaticString) -> String {
    let capacity = first.utf8CodeUnitCount + middle.utf8CodeUnitCount + last.utf8CodeUnitCount + 6 * string.count
    return String(unsafeUninitializedCapacity: capacity) { out in
        var writer = PercentEncodingWriter(out)
        writer.copy(first)
        writer.encode(string)
        writer.copy(middle)
        writer.encode(string)
        writer.copy(last)
        return writer.count
    }
}

/// Writes into a buffer sized for the worst case (3 bytes per encoded byte).
private struct PercentEncodingWriter {
    let out: UnsafeMutableBufferPointer<UInt8>
    var count = 0

    init(_ out: UnsafeMutableBufferPointer<UInt8>) { self.out = out }

    mutating func copy(_ text: StaticString) {
        for index in 0..<text.utf8CodeUnitCount {
            out[count] = text.utf8Start[index]
            count += 1
        }
    }

    mutating func encode(_ string: UnsafeBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789ABCDEF"
        for byte in string {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
                out[count] = byte
                count += 1
            default:
                out[count] = UInt8(ascii: "%")
                out[count + 1] = hex.utf8Start[Int(byte >> 4)]
                out[count + 2] = hex.utf8Start[Int(byte & 0xF)]
                count += 3
            }
        }
    }
}
