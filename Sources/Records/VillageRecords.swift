public import Analysis
public import Domain
import Localization
public import Services
public import Store

/// A village's classification, as `villages classify --format json` and the API give it.
public struct VillageClassificationRecord: Encodable, Sendable {
    @Nullable public var code: String?
    public var name: String
    public var township: String
    /// 集聚提升类, 城郊融合类, 特色保护类, 搬迁撤并类 or 暂不分类.
    public var type: String
    public var typeCode: String
    @Nullable public var rule: Int?
    /// Never empty.
    public var reasons: [String]
    public var reasonsEn: [String]
    @Nullable public var population: Int?
    @Nullable public var populationYear: Int?
    @Nullable public var declinePercent: Double?

    public init(_ c: VillageClassification) {
        code = c.facts.code
        name = c.facts.name
        township = c.facts.township
        type = c.type.label.zh
        typeCode = c.type.rawValue
        rule = c.rule?.position
        reasons = c.reasons.map(\.zh)
        reasonsEn = c.reasons.map(\.en)
        population = c.facts.population
        populationYear = c.facts.populationYear
        declinePercent = Records.rounded(c.facts.declinePercent)
    }
}

/// A classification rule.
public struct VillageRuleRecord: Encodable, Sendable {
    public var position: Int
    public var condition: String
    public var type: String
    @Nullable public var threshold: Double?
    @Nullable public var secondThreshold: Double?
    public var enabled: Bool
    public var statement: String

    public init(_ rule: VillageRule) {
        position = rule.position
        condition = rule.condition.rawValue
        type = rule.type.label.zh
        threshold = rule.threshold
        secondThreshold = rule.secondThreshold
        enabled = rule.enabled
        statement = rule.statement.zh
    }
}

/// A 村组合并 candidate with the figures behind it.
public struct MergeCandidateRecord: Encodable, Sendable {
    public var village: String
    public var township: String
    @Nullable public var population: Int?
    @Nullable public var declinePercent: Double?
    public var target: String
    @Nullable public var targetPopulation: Int?
    public var straightKm: Double
    public var travelKm: Double
    public var travelBasis: String

    public init(_ m: MergeCandidate) {
        village = m.village.name
        township = m.village.township
        population = m.village.population
        declinePercent = Records.rounded(m.village.declinePercent)
        target = m.target.name
        targetPopulation = m.target.population
        straightKm = Records.rounded(m.straightKm) ?? 0
        travelKm = Records.rounded(m.travelKm) ?? 0
        travelBasis = L10n.message(.travelByDetour, Format.number(m.detour, digits: 2)).zh
    }
}

/// An idle asset, as `assets list --format json` and the API give it.
public struct AssetRecord: Encodable, Sendable {
    public var id: Int64
    public var kind: String
    public var kindCode: String
    public var name: String
    @Nullable public var village: String?
    public var township: String
    @Nullable public var areaM2: Double?
    @Nullable public var areaMu: Double?
    @Nullable public var owner: String?
    public var status: String
    public var statusCode: String
    @Nullable public var proposedUse: String?
    @Nullable public var actualUse: String?
    @Nullable public var date: String?
    @Nullable public var evidence: String?
    /// A file, `scenario:2`, or a person.
    public var source: String
    @Nullable public var schoolID: Int64?

    public init(_ v: AssetView) {
        let a = v.asset
        id = a.id.rawValue
        kind = a.kind.label.zh
        kindCode = a.kind.rawValue
        name = a.name
        village = v.village
        township = v.township
        areaM2 = Records.rounded(a.areaM2)
        areaMu = Records.rounded(a.areaMu)
        owner = a.owner?.label.zh
        status = a.status.label.zh
        statusCode = a.status.rawValue
        proposedUse = a.proposedUse
        actualUse = a.actualUse
        date = a.date?.description
        evidence = a.evidence
        source = a.source
        schoolID = a.schoolID?.rawValue
    }
}

/// A park with its yearly figures.
public struct ParkRecord: Encodable, Sendable {
    public struct Year: Encodable, Sendable {
        public var year: Int
        public var enterprises: Int
        @Nullable public var jobs: Int?
        @Nullable public var outputWan: Double?
        @Nullable public var investmentWan: Double?
        /// How many enterprises report each figure (fewer than `enterprises`: the sum is partial).
        public var jobsReported: Int
        public var outputReported: Int
        public var investmentReported: Int
    }

    public var name: String
    public var township: String
    public var kind: String
    public var status: String
    @Nullable public var industries: String?
    @Nullable public var boundaryLayer: String?
    @Nullable public var boundaryFeature: Int?
    public var source: String
    public var years: [Year]

    public init(_ v: ParkView) {
        name = v.park.name
        township = v.township
        kind = v.park.kind
        status = v.park.status.label.zh
        industries = v.park.industries
        boundaryLayer = v.park.boundaryLayer
        boundaryFeature = v.park.boundaryFeature
        source = v.park.source
        years = v.years.map {
            Year(
                year: $0.year, enterprises: $0.enterprises, jobs: $0.jobs, outputWan: $0.outputWan, investmentWan: $0.investmentWan,
                jobsReported: $0.jobsReported, outputReported: $0.outputReported, investmentReported: $0.investmentReported)
        }
    }
}

/// Agricultural zoning: weights, villages with scores and zones, the unzoned, stability.
public struct ZoningRecord: Encodable, Sendable {
    public struct Criterion: Encodable, Sendable {
        public var key: String
        public var name: String
        public var direction: String
        public var weight: Double
    }

    public struct Village: Encodable, Sendable {
        @Nullable public var code: String?
        public var name: String
        public var township: String
        public var values: [Double]
        public var score: Double
        public var zone: String
        public var changesUnderWeightChange: Bool
    }

    public struct Unzoned: Encodable, Sendable {
        public var name: String
        public var township: String
        public var missing: [String]
    }

    public var criteria: [Criterion]
    @Nullable public var consistencyRatio: Double?
    public var defaultWeights: Bool
    public var breaks: String
    public var villages: [Village]
    public var unzoned: [Unzoned]
    /// Criteria weighted but known for no village: left out, the other weights renormalised.
    public var dropped: [String]
    public var notes: [String]
    /// Share of zoned villages whose zone changes when any one weight moves by ±10 %.
    @Nullable public var stabilityShareChanged: Double?

    public init(_ r: ZoningReport) {
        criteria = r.criteria.map {
            Criterion(key: $0.key.rawValue, name: $0.key.label.zh, direction: $0.key.direction, weight: Records.rounded($0.weight) ?? 0)
        }
        consistencyRatio = Records.rounded(r.ahp?.consistencyRatio)
        defaultWeights = r.defaultWeights
        if case .fixed(let t) = r.breaks { breaks = t.map { String($0) }.joined(separator: ",") } else { breaks = "quartiles" }
        villages = r.villages.map {
            Village(
                code: $0.code, name: $0.name, township: $0.township, values: $0.values.map { Records.rounded($0) ?? 0 },
                score: Records.rounded($0.score) ?? 0, zone: $0.zone.label.zh, changesUnderWeightChange: $0.unstable)
        }
        unzoned = r.unzoned.map { Unzoned(name: $0.name, township: $0.township, missing: $0.missing.map(\.rawValue)) }
        dropped = r.dropped.map(\.rawValue)
        notes = r.notes.map(\.zh)
        stabilityShareChanged = Records.rounded(r.stability?.shareChanged)
    }
}

/// What adopting a scenario made.
public struct AdoptionOutcomeRecord: Encodable, Sendable {
    public struct Indicator: Encodable, Sendable {
        public var code: String
        public var name: String
        public var unit: String
        @Nullable public var now: Double?
        @Nullable public var underPlan: Double?
    }

    public var scenario: Int64
    public var scenarioName: String
    public var adoptedAt: String
    public var adoptedBy: String
    public var closedSchools: [Int64]
    public var assets: [Int64]
    public var tasks: [String]
    public var indicators: [Indicator]
    public var notes: [String]

    public init(_ a: Adoption) {
        scenario = a.scenario.id.rawValue
        scenarioName = a.scenario.name
        adoptedAt = a.record.adoptedAt
        adoptedBy = a.record.actor
        closedSchools = a.record.closedSchools.map(\.rawValue)
        assets = a.assets.map(\.id.rawValue)
        tasks = a.tasks.map(\.code)
        indicators = a.indicators.map {
            Indicator(
                code: $0.code, name: $0.name.zh, unit: $0.unit, now: Records.rounded($0.now), underPlan: Records.rounded($0.underPlan))
        }
        notes = a.notes.map(\.zh)
    }
}
