public import Domain

/// The indicators and validation rules chapter 6 of 交城's plan sets, loaded into the demo (and
/// into a register made with `chengxiang init --plan jiaocheng`).
///
/// Only what the plan states: targets and years where it gives them, no baselines (the plan
/// gives none), no invented values. Targets "by the end of the plan period" are dated 2025, the
/// plan's own horizon (its other targets say "到2025年"), and marked `yearAssumed` so every view
/// says so. The farmland denominator of the scale-operation share is the system's choice
/// (`denominatorAssumed`). Names, statements and sources here are data stored in the register.
public enum SeedCatalogue {
    static let chapter = "交城县乡村振兴规划 第六章"  // data

    /// The seed's indicators and the indicators computed from the school register.
    public static let indicators: [Indicator] = [
        Indicator(
            code: "AGR_SCALE_AREA", nameZh: "规模经营和社会化服务面积", nameEn: "Area under scale operation and socialised services",  // data
            unit: "亩", levels: [.county, .township], source: "\(chapter) 第二节 二"),  // data
        Indicator(
            code: "AGR_FARMLAND_AREA", nameZh: "承包耕地面积", nameEn: "Contracted farmland area", unit: "亩",  // data
            levels: [.county, .township], source: "\(chapter) 第二节 二（比例的分母）"),  // data
        Indicator(
            code: "AGR_SCALE_SHARE", nameZh: "规模经营和社会化服务面积占比", nameEn: "Share of farmland under scale operation and services",  // data
            unit: "%", levels: [.county, .township], kind: .ratio(numerator: "AGR_SCALE_AREA", denominator: "AGR_FARMLAND_AREA"),
            denominatorAssumed: true,
            targets: [IndicatorTarget(value: 60, year: 2025, statement: "到2025年，规模经营和社会化服务面积达到60%以上")],  // data
            source: "\(chapter) 第二节 二"),  // data
        Indicator(
            code: "EDU_RETENTION", nameZh: "九年义务教育巩固率", nameEn: "Nine-year compulsory education retention rate", unit: "%",  // data
            levels: [.county], targets: [IndicatorTarget(value: 99, year: 2025, statement: "到2025年，九年制义务教育巩固率达到99%")],  // data
            source: "\(chapter) 第三节 一"),  // data
        Indicator(
            code: "INFO_VILLAGES", nameZh: "信息进村入户覆盖行政村数", nameEn: "Administrative villages covered by 信息进村入户",  // data
            unit: "个", levels: [.county, .township],  // data
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "规划期末，信息进村入户全覆盖100个行政村")],  // data
            source: "\(chapter) 第一节 二（三）", note: "规划期末按 2025 年计"),  // data
        Indicator(
            code: "INFO_COMMUNITIES", nameZh: "信息进村入户覆盖社区数", nameEn: "Communities covered by 信息进村入户", unit: "个",  // data
            levels: [.county, .township],
            targets: [IndicatorTarget(value: 10, year: 2025, yearAssumed: true, statement: "规划期末，信息进村入户全覆盖10个社区")],  // data
            source: "\(chapter) 第一节 二（三）", note: "规划期末按 2025 年计"),  // data
        Indicator(
            code: "EDU_SCHOOL_BROADBAND", nameZh: "乡村规模学校和乡镇寄宿制学校宽带覆盖率",  // data
            nameEn: "Broadband coverage of rural and township boarding schools", unit: "%", levels: [.county],
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "实现乡村规模学校和乡镇寄宿制学校宽带网络全覆盖")],  // data
            source: "\(chapter) 第一节 二（三）", note: "规划期内全覆盖，按 2025 年计"),  // data
        Indicator(
            code: "INS_WHEAT", nameZh: "小麦保险覆盖率", nameEn: "Wheat insurance coverage", unit: "%", levels: [.county, .township],  // data
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "实现小麦、玉米、蔬菜大棚保险全覆盖")],  // data
            source: "\(chapter) 第二节 三", note: "规划期内全覆盖，按 2025 年计"),  // data
        Indicator(
            code: "INS_MAIZE", nameZh: "玉米保险覆盖率", nameEn: "Maize insurance coverage", unit: "%", levels: [.county, .township],  // data
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "实现小麦、玉米、蔬菜大棚保险全覆盖")],  // data
            source: "\(chapter) 第二节 三", note: "规划期内全覆盖，按 2025 年计"),  // data
        Indicator(
            code: "INS_GREENHOUSE", nameZh: "蔬菜大棚保险覆盖率", nameEn: "Vegetable greenhouse insurance coverage", unit: "%",  // data
            levels: [.county, .township],
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "实现小麦、玉米、蔬菜大棚保险全覆盖")],  // data
            source: "\(chapter) 第二节 三", note: "规划期内全覆盖，按 2025 年计"),  // data
        Indicator(
            code: "COLL_ASSET_INVENTORY", nameZh: "农村集体资产清产核资完成率", nameEn: "Collective asset inventory completed",  // data
            unit: "%", levels: [.county, .township],
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "全面完成农村集体资产清产核资")],  // data
            source: "\(chapter) 第二节 二", note: "规划期内全面完成，按 2025 年计"),  // data
        Indicator(
            code: "COLL_MEMBERSHIP", nameZh: "集体经济组织成员身份确认完成率", nameEn: "Collective membership confirmation completed",  // data
            unit: "%", levels: [.county, .township],
            targets: [IndicatorTarget(value: 100, year: 2025, yearAssumed: true, statement: "全面完成农民集体经济组织成员身份确认")],  // data
            source: "\(chapter) 第二节 二", note: "规划期内全面完成，按 2025 年计"),  // data
    ]

    /// Validation rules for the seed's indicators (DHIS2 style).
    public static let rules: [ValidationRule] = {
        var rules: [ValidationRule] = []
        for indicator in indicators where indicator.kind == .value {
            let maximum: Double? = indicator.isPercent ? 100 : nil
            rules.append(ValidationRule(indicatorCode: indicator.code, check: .range(minimum: 0, maximum: maximum), severity: .error))
            rules.append(ValidationRule(indicatorCode: indicator.code, check: .jump(maximumShare: 0.5), severity: .warning))
            if !indicator.isPercent && indicator.levels.contains(.township) {
                rules.append(ValidationRule(indicatorCode: indicator.code, check: .townshipSumNotAboveCounty, severity: .error))
            }
        }
        rules.append(ValidationRule(indicatorCode: "AGR_SCALE_AREA", check: .notAbove(indicator: "AGR_FARMLAND_AREA"), severity: .error))
        return rules
    }()
}
