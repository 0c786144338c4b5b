import ArgumentParser
import Foundation
import Interchange
import Localization

/// Runs a command body and turns data errors into messages on stderr and sysexits codes:
/// 65 (EX_DATAERR) for bad input, 66 (EX_NOINPUT) for a missing file or database.
func reportingFailures(_ body: () async throws -> Void) async throws {
    do {
        try await body()
    } catch let rejected as ImportRejected {
        let errors = rejected.errors.count
        Terminal.error("导入被拒绝，数据库未改动（\(errors) 处错误）| import rejected, the database is unchanged (\(errors) errors):")
        for issue in rejected.issues { Terminal.error(issue.description) }
        throw ExitCode(65)
    } catch let error as CLIError {
        switch error {
        case .noDatabase(let path):
            Terminal.error("数据库 \(path) 不存在；先运行 chengxiang init 或 chengxiang demo | database \(path) does not exist; run chengxiang init or chengxiang demo first")
            throw ExitCode(66)
        case .inputMissing(let path):
            Terminal.error("找不到输入文件 \(path) | input file \(path) not found")
            throw ExitCode(66)
        case .notADemoDatabase(let path):
            Terminal.error("\(path) 已存在且不是演示数据库；为避免覆盖，请换一个 --database 路径或加 --force | \(path) exists and is not a demo database; choose another --database or add --force")
            throw ExitCode(73)
        }
    }
}

/// Writing to the terminal.
enum Terminal {
    /// A line on standard error (progress, warnings, errors).
    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}
