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
    let hex: StaticString = "0123456789ABCDEF"
    let capacity = prefix.utf8CodeUnitCount + 3 * string.count + suffix.utf8CodeUnitCount
    return String(unsafeUninitializedCapacity: capacity) { out in
        var count = 0
        func copy(_ text: StaticString) {
            for index in 0..<text.utf8CodeUnitCount {
                out[count] = text.utf8Start[index]
                count += 1
            }
        }
        copy(prefix)
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
        copy(suffix)
        return count
    }
}
