/// Writes an HTML page as bytes. Markup comes only from string literals (`raw` takes a `StaticString`); every other
/// string, above all every string from the dataset, goes through `text` or `attribute`, which escape `& < > " '`.
/// So no name, cue or headline can open a tag, close one, or leave an attribute value, whatever it holds.
struct HTMLOutput {
    private(set) var bytes: [UInt8] = []

    init(capacity: Int = 16 * 1024) {
        bytes.reserveCapacity(capacity)
    }

    mutating func raw(_ markup: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: markup.utf8Start, count: markup.utf8CodeUnitCount))
    }

    /// Text content, escaped.
    mutating func text(_ string: some StringProtocol) {
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "&"): raw("&amp;")
            case UInt8(ascii: "<"): raw("&lt;")
            case UInt8(ascii: ">"): raw("&gt;")
            case UInt8(ascii: "\""): raw("&quot;")
            case UInt8(ascii: "'"): raw("&#39;")
            default: bytes.append(byte)
            }
        }
    }

    mutating func text(_ scalars: ArraySlice<Unicode.Scalar>) {
        var string = ""
        string.unicodeScalars.append(contentsOf: scalars)
        text(string)
    }

    mutating func number(_ value: some BinaryInteger) { text(String(value)) }

    /// ` name="value"`, the value escaped.
    mutating func attribute(_ name: StaticString, _ value: some StringProtocol) {
        raw(" ")
        raw(name)
        raw("=\"")
        text(value)
        raw("\"")
    }

    mutating func attribute(_ name: StaticString, _ value: some BinaryInteger) { attribute(name, String(value)) }

    /// `<dt>term</dt><dd>value</dd>`, in a `<dl>`.
    mutating func definition(_ term: String, _ value: String) {
        raw("<dt>")
        text(term)
        raw("</dt><dd>")
        text(value)
        raw("</dd>")
    }

    /// `<a href="…">text</a>`.
    mutating func link(_ href: String, _ label: some StringProtocol, class className: String? = nil) {
        raw("<a")
        attribute("href", href)
        if let className { attribute("class", className) }
        raw(">")
        text(label)
        raw("</a>")
    }
}
