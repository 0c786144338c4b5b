#if canImport(Glibc)
    import Glibc
#endif

/// Encodes text as GB18030 (a superset of GBK) with glibc `iconv`, for files meant for older
/// Excel and WPS installations that expect the Chinese Windows code page.
public enum GB18030Encoder {
    /// The bytes of `text` in GB18030; characters GB18030 cannot hold do not exist (it covers Unicode).
    public static func encode(_ text: String) -> [UInt8] {
        let cd = iconv_open("GB18030", "UTF-8")
        precondition(cd != iconv_t(bitPattern: -1), "glibc iconv lacks GB18030")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 8)
        var inLeft = input.count
        var outLeft = output.count
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer = inBuffer.baseAddress
                var outPointer = outBuffer.baseAddress
                _ = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
            }
        }
        return output[0..<(output.count - outLeft)].map { UInt8(bitPattern: $0) }
    }
}
