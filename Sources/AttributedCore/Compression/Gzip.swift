/// A whole body as one gzip member, at the server's level.
public func gzip(_ bytes: [UInt8]) -> [UInt8] {
    GzipStream(size: bytes.count).finish(bytes)
}
