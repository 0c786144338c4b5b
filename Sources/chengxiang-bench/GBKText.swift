import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Encodes short strings as GBK with glibc iconv, to write benchmark input as a township would.
struct GBKText {
    func encode(_ text: String) -> [UInt8] {
        let cd = iconv_open("GBK", "UTF-8")
        defer { iconv_close(cd) }
        var input = Array(text.utf8).map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: input.count * 2 + 4)
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
