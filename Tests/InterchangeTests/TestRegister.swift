import Domain
import Localization

/// The 交城县 township register as the demo loads it, with row ids, for importer tests.
enum TestRegister {
    static func jiaocheng() -> DivisionRegister {
        func code(_ s: String) -> DivisionCode { DivisionCode(s)! }
        let county = Stored(id: 1, Division(code: code("141122"), name: "交城县", kind: .county))
        let townships: [(Int64, String, String, DivisionKind, DivisionStatus, String?)] = [
            (2, "141122100", "天宁镇", .town, .current, nil),
            (3, "141122101", "夏家营镇", .town, .current, nil),
            (4, "141122102", "西营镇", .town, .current, nil),
            (5, "141122103", "水峪贯镇", .town, .current, nil),
            (6, "141122104", "西社镇", .town, .current, nil),
            (7, "141122105", "庞泉沟镇", .town, .current, nil),
            (8, "141122106", "洪相镇", .town, .current, nil),
            (9, "141122200", "洪相乡", .township, .historical, "141122106"),
            (10, "141122201", "岭底乡", .township, .historical, "141122100"),
            (11, "141122202", "东坡底乡", .township, .current, nil),
            (12, "141122203", "会立乡", .township, .historical, nil),
        ]
        var divisions = [county]
        for (id, c, name, kind, status, successor) in townships {
            divisions.append(
                Stored(
                    id: Division.ID(id),
                    Division(
                        code: code(c), name: name, kind: kind, parentCode: county.code, parentID: 1, status: status,
                        successorCode: successor.map(code))))
        }
        divisions.append(Stored(id: 20, Division(code: code("141122201203"), name: "东雷庄村委会", kind: .village, parentID: 10)))
        divisions.append(Stored(id: 21, Division(code: code("141122100209"), name: "阳渠村委会", kind: .village, parentID: 2)))
        divisions.append(Stored(id: 22, Division(code: nil, name: "石候村委会", kind: .village, parentID: 4)))
        return DivisionRegister(divisions)
    }
}
