/// What this binary is: the API version (openapi.yaml's `info.version`; a test keeps the two equal) and the Swift
/// compiler it was built with.
public enum BuildInfo {
    public static let version = "1.0.0"

    public static let swiftVersion: String = {
        #if compiler(>=6.4)
        "6.4 or later"
        #elseif compiler(>=6.3)
        "6.3"
        #elseif compiler(>=6.2)
        "6.2"
        #else
        "6.1 or earlier"
        #endif
    }()
}
