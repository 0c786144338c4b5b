import Domain
import Interchange
import Localization
import Testing

@Suite("Observations from a spreadsheet")
struct ObservationTableTests {
    let indicators = [
        Indicator(code: "EDU_RETENTION", nameZh: "九年义务教育巩固率", nameEn: "retention", unit: "%", levels: [.county], source: "t"),
        Indicator(code: "INS_WHEAT", nameZh: "小麦保险覆盖率", nameEn: "wheat", unit: "%", levels: [.county, .township], source: "t"),
    ]

    @Test("an XLSX sheet is read cell by cell; a bad value names its spreadsheet row and column")
    func xlsx() throws {
        let reader = ObservationTableReader(register: TestRegister.jiaocheng(), indicators: indicators)
        do {
            _ = try reader.read(try TableSources.open(Fixture.url("observations.xlsx")))
            Issue.record("accepted")
        } catch let rejected as UserError {
            let issue = try #require(rejected.errors.first)
            #expect(rejected.errors.count == 1)
            #expect((issue.row, issue.column, issue.columnName) == (4, 4, "值"))
            #expect(issue.message.zh == "「九十」不是数字")
        }
    }

    @Test("short township names and Chinese periods are understood")
    func goodRows() throws {
        let reader = ObservationTableReader(register: TestRegister.jiaocheng(), indicators: indicators)
        let county = try reader.single(code: "EDU_RETENTION", area: "交城县", period: "2024", value: "97.5%", source: nil, note: nil)
        #expect(county.areaID == 1)
        #expect(county.value == 97.5)
        let township = try reader.single(code: "INS_WHEAT", area: "天宁", period: "2024年", value: "88", source: nil, note: nil)
        #expect(township.areaID == 2)
        #expect(township.period == .year(2024))
    }
}
