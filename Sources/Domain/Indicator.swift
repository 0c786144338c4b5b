/// Whether a higher or a lower value is better.
public enum IndicatorDirection: String, Sendable, Codable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}

/// Where an indicator's value comes from.
public enum IndicatorKind: Hashable, Sendable, Codable {
    /// Entered or imported as observations.
    case value
    /// Numerator indicator ÷ denominator indicator (× 100 when the unit is %).
    case ratio(numerator: String, denominator: String)
    /// Computed from the registers by a named formula (e.g. `schools.meeting_staff_norm`).
    case computed(formula: String)

    /// The text stored in the database.
    public var storedText: String {
        switch self {
        case .value: "value"
        case .ratio(let n, let d): "ratio:\(n)/\(d)"
        case .computed(let f): "computed:\(f)"
        }
    }

    /// Reads the stored text back.
    public init?(storedText: String) {
        if storedText == "value" {
            self = .value
        } else if storedText.hasPrefix("ratio:"), let slash = storedText.firstIndex(of: "/") {
            let start = storedText.index(storedText.startIndex, offsetBy: 6)
            self = .ratio(numerator: String(storedText[start..<slash]), denominator: String(storedText[storedText.index(after: slash)...]))
        } else if storedText.hasPrefix("computed:") {
            self = .computed(formula: String(storedText.dropFirst(9)))
        } else {
            return nil
        }
    }
}

/// A target value to reach by a year, for the whole county or one area.
public struct IndicatorTarget: Hashable, Sendable, Codable {
    public var value: Double
    public var year: Int
    /// True when the year is the system's reading of the plan (规划期末 taken as its horizon year),
    /// not a year the plan states; shown as an assumption wherever the target is.
    public var yearAssumed: Bool
    /// The area the target is for. Nil means the county — and, for a share (%), every area too:
    /// 60% is a goal for each township, while 100 villages is a county total.
    public var areaID: Division.ID?
    /// How the seed or decision states it, e.g. "≥ 60%".
    public var statement: String?

    public init(value: Double, year: Int, yearAssumed: Bool = false, areaID: Division.ID? = nil, statement: String? = nil) {
        self.value = value
        self.year = year
        self.yearAssumed = yearAssumed
        self.areaID = areaID
        self.statement = statement
    }

    /// The moment the target falls due: the end of its year.
    public var due: FractionalYear { .endOfYear(year) }
}

/// An indicator of the monitoring system (指标体系): definition, unit, targets, source.
public struct Indicator: Hashable, Sendable, Codable {
    public var code: String
    public var nameZh: String
    public var nameEn: String
    /// Unit as shown, e.g. "%", "个", "所", "人".
    public var unit: String
    /// Division tiers the indicator is reported at.
    public var levels: [DivisionTier]
    public var direction: IndicatorDirection
    public var kind: IndicatorKind
    /// For a ratio: true when the denominator is the system's choice, not named by the source.
    public var denominatorAssumed: Bool
    public var baselineValue: Double?
    public var baselineYear: Int?
    public var targets: [IndicatorTarget]
    /// The document the indicator and its target come from.
    public var source: String
    /// Behind the expected path by less than this share of the baseline-to-target distance is
    /// yellow; by more, red.
    public var yellowShare: Double
    /// A latest observation older than this many years (before now) makes the status grey.
    public var staleAfterYears: Double
    public var note: String?

    public init(
        code: String, nameZh: String, nameEn: String, unit: String, levels: [DivisionTier],
        direction: IndicatorDirection = .higherIsBetter, kind: IndicatorKind = .value, denominatorAssumed: Bool = false,
        baselineValue: Double? = nil,
        baselineYear: Int? = nil, targets: [IndicatorTarget] = [], source: String, yellowShare: Double = 0.2,
        staleAfterYears: Double = 2, note: String? = nil
    ) {
        self.code = code
        self.nameZh = nameZh
        self.nameEn = nameEn
        self.unit = unit
        self.levels = levels
        self.direction = direction
        self.kind = kind
        self.denominatorAssumed = denominatorAssumed
        self.baselineValue = baselineValue
        self.baselineYear = baselineYear
        self.targets = targets
        self.source = source
        self.yellowShare = yellowShare
        self.staleAfterYears = staleAfterYears
        self.note = note
    }

    /// The target for an area: its own if set, else the general one where it applies (the county
    /// always; other areas only for shares); the latest year wins.
    public func target(for areaID: Division.ID, isCounty: Bool) -> IndicatorTarget? {
        let own = targets.filter { $0.areaID == areaID }
        if !own.isEmpty { return own.max { $0.year < $1.year } }
        guard isCounty || isPercent else { return nil }
        return targets.filter { $0.areaID == nil }.max { $0.year < $1.year }
    }

    /// Whether values are percentages (shown in 百分点 when compared).
    public var isPercent: Bool { unit == "%" }
}

/// One value of an indicator for an area and a period (DHIS2's data value).
public struct Observation: Hashable, Sendable {
    public var indicatorCode: String
    public var areaID: Division.ID
    public var period: Period
    public var value: Double
    public var source: String?
    public var note: String?

    public init(
        indicatorCode: String, areaID: Division.ID, period: Period, value: Double, source: String? = nil,
        note: String? = nil
    ) {
        self.indicatorCode = indicatorCode
        self.areaID = areaID
        self.period = period
        self.value = value
        self.source = source
        self.note = note
    }
}

extension Observation {
    /// What makes an observation unique: one value per indicator, area and period.
    public struct Key: Hashable, Sendable {
        public var indicatorCode: String
        public var areaID: Division.ID
        public var period: Period

        public init(indicatorCode: String, areaID: Division.ID, period: Period) {
            self.indicatorCode = indicatorCode
            self.areaID = areaID
            self.period = period
        }
    }

    /// This observation's key.
    public var key: Key { Key(indicatorCode: indicatorCode, areaID: areaID, period: period) }
}
