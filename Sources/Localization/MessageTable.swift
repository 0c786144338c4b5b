/// Every user-facing message key. Each has a Chinese and an English entry in `MessageTable`.
public enum MessageKey: String, CaseIterable, Sendable {
    // Files and encodings
    case fileUnreadable, fileEmpty, fileLegacyXLS, sheetOnlyForXLSX
    case encodingUTF16, encodingBinary, encodingInvalidUTF8, encodingInvalidGB
    case csvUnterminatedQuote
    case xlsxNotAWorkbook, xlsxNoSheets, xlsxSheetMissing, xlsxPartMissing, xlsxBrokenXML
    case geojsonNotJSON, geojsonNotFeatureCollection, geojsonBadGeometry
    case geometryNonFinite, geometryOutOfRange, geometryTooFewPositions, geometryNotClosed, geometrySelfIntersection
    // Table structure
    case headerNotFound, missingColumns, raggedRow, noDataRows, moreErrors
    // Cells
    case notANumber, negativeNumber, notWholeNumber, badYear
    // School table
    case unknownTownship, ambiguousTownship, townshipBlankAtStart, schoolNameBlank, unknownLevel
    case staffWithoutStudents, duplicateSchool, unknownVillage
    // Division table
    case divisionNameBlank, badDivisionCode, duplicateCode, unknownDivisionKind, unknownParent
    case duplicateDivisionName, badUrbanRuralClass, badCoordinates, badLocationQuality, badStatus
    // Diagnostics reasons
    case reasonSmallSchool, reasonOverstaffed, reasonUnderstaffed, reasonWithinNorm, reasonLandSurplus
    case reasonMissingData, reasonNoNorm, reasonNineYearAssumption, reasonWaste, reasonClassSize
    case reasonHistoricalTownship
    // Labels
    case labelTownship, labelSchool, labelLevel, labelStudents, labelStaff, labelRatio, labelNorm, labelStaffNeeded
    case labelSurplus, labelLandPerStudent, labelFlags, labelReasons, labelSchoolCount, labelExcess, labelShortfall
    case labelSmall, labelReportStatus, labelMergedSuffix, labelCountyTotal, labelReported, labelNotReported
    case labelNotMentioned, labelAssumption, labelCountySetting
    // Demo summary
    case summaryTitle, summaryNorms, summaryConfirmedHeading, summaryPlanSays, summaryNotConfirmed
    case summaryMissedHeading, summaryStaffBalance, summaryLandSurplus, summaryGapsHeading, summaryMore
    case gapSchoolsNotReported, gapSchoolsNotMentioned, gapHistoricalTownship, gapVillageCodes, gapVillagePositions
    case gapVillagePopulation, summaryScenariosHeading, summaryScenarioLine, summaryScenarioCompare
    // Monitoring
    case statusNoData, statusStale, statusNoTarget, statusMet, statusTargetPassed, statusNoPath, statusOnTrack
    case statusBehind, gapPercentagePoints, gapUnits
    case ruleBelowMinimum, ruleAboveMaximum, ruleAboveOther, ruleTownshipSum, ruleJump
    case unknownIndicator, unknownArea, badPeriod, areaLevelMismatch, duplicateObservation, computedNotEntered
    case unknownTaskStatus, badPercent, badDate, unknownTask, requiredCellBlank, duplicateKey
    // Planning
    case planNoSchools, planUnknownSchool, planNameTaken, planUnknownScenario, locationUnknownID, locationMissingValue
    // Web pages
    case uiStoredScenarios, uiName, uiStage, uiModel, uiKept, uiClosed
    case uiMoved, uiMeanJourney, uiOptimal, uiCompare, uiSchoolsToKeep, uiRadius
    case uiMaxWalk, uiMustStayOpen, uiRun, uiComparison, uiMeasure, uiLegendMove
    case uiLegendBeyondWalk, uiLegendClosed, uiLegendNewSite, uiWherePupilsGo, uiPupils, uiGoesTo
    case uiJourney, uiBeyondWalk, uiWhatItMeans, uiIdleSites, uiSolving, uiYes
    case uiNo
    case appName, importKindSchools, importKindDivisions, importKindObservations, importKindTasks, navOverview
    case navMap, navSchools, navScenarios, navIndicators, navTasks, navImport
    case uiAction, uiAfter, uiAll, uiArea, uiBack, uiBadImportKind
    case uiBadJSON, uiBefore, uiByArea, uiCancel, uiCheck, uiColumn
    case uiColumnName, uiCommit, uiCompleteness, uiCompletenessNote, uiConfirmedWaste, uiDataYear
    case uiDeadline, uiError, uiEvidence, uiExpectedNow, uiFile, uiFilter
    case uiHistory, uiIllustrative, uiIllustrativeCard, uiIllustrativeNote, uiImportCheck, uiImportCommitted
    case uiImportDone, uiImportInvalid, uiImportKind, uiImportNote, uiImportValid, uiIndicator
    case uiIndicatorStatus, uiItem, uiKilometres, uiLand, uiLatest, uiLayerLines
    case uiLayerOutline, uiLayerSchools, uiLayerTownships, uiLayerVillages, uiLegendIllustrative, uiLegendOverstaffed
    case uiLegendTownship, uiLegendUnderstaffed, uiLegendVillage, uiLegendWaste, uiLegendWithinNorm, uiMore
    case uiNoCode, uiNoRealPosition, uiNone, uiNormNote, uiNotNamed, uiNote
    case uiOverdue, uiOverdueTasks, uiOwner, uiPeriod, uiPosition, uiProgressUnknown
    case uiRatioChartTitle, uiRatioUnit, uiRecord, uiRecorded, uiRejected, uiRow
    case uiSave, uiSchoolDiagnosis, uiSeeAllSchools, uiSeeIndicators, uiSeverity, uiSheet
    case uiSheetHint, uiSource, uiStatus, uiTarget, uiTaskNote, uiTaskSaved
    case uiTaskSummary, uiTownships, uiUnderstaffed, uiUnitPersons, uiUnitSchools, uiUnitTownships
    case uiUnitVillages, uiUnknown, uiUploadMalformed, uiValue, uiVillage, uiVillageCode
    case uiVillages, uiWarning, uiWhen, uiWho, uiWithPopulation, uiZoomReset
}

/// The localisation table: one entry per key, Chinese first. `{1}`, `{2}` … are arguments.
enum MessageTable {
    static let entries: [MessageKey: (zh: String, en: String)] = [
        .fileUnreadable: ("无法读取文件 {1}", "cannot read file {1}"),
        .fileEmpty: ("文件为空", "the file is empty"),
        .fileLegacyXLS: (
            "这是旧版 Excel（.xls）文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入",
            "this is a legacy Excel (.xls) file; save it as .xlsx or CSV in Excel/WPS and import again"
        ),
        .sheetOnlyForXLSX: ("--sheet 只适用于 XLSX 文件", "--sheet applies to XLSX files only"),
        .encodingUTF16: (
            "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV",
            "the file is UTF-16 encoded; save it as CSV in UTF-8 or GBK"
        ),
        .encodingBinary: (
            "文件含有空字节，不是文本文件（或为 UTF-16 编码）",
            "the file contains NUL bytes: it is not a text file (or it is UTF-16)"
        ),
        .encodingInvalidUTF8: (
            "文件编码错误：按 {1} 读取时出现无效字节，请确认文件为 UTF-8 或 GBK 编码",
            "wrong encoding: invalid bytes when reading as {1}; make sure the file is UTF-8 or GBK"
        ),
        .encodingInvalidGB: (
            "文件编码错误：既不是有效的 UTF-8，也不是有效的 GBK/GB18030",
            "wrong encoding: the bytes are neither valid UTF-8 nor valid GBK/GB18030"
        ),
        .csvUnterminatedQuote: (
            "引号未闭合：从此行开始的单元格缺少结束引号",
            "unterminated quote: a cell starting on this row has no closing quote"
        ),
        .xlsxNotAWorkbook: ("文件不是有效的 XLSX 工作簿", "the file is not a valid XLSX workbook"),
        .xlsxNoSheets: ("工作簿中没有工作表", "the workbook has no worksheets"),
        .xlsxSheetMissing: ("工作簿中没有名为「{1}」的工作表（现有：{2}）", "the workbook has no sheet named \"{1}\" (it has: {2})"),
        .xlsxPartMissing: ("XLSX 文件缺少部件 {1}", "the XLSX file lacks its part {1}"),
        .xlsxBrokenXML: ("XLSX 内部 XML 损坏（第 {1} 行附近）", "the XLSX file's XML is broken (near line {1})"),
        .geojsonNotJSON: ("文件不是有效的 JSON", "the file is not valid JSON"),
        .geojsonNotFeatureCollection: (
            "GeoJSON 顶层应为 FeatureCollection 或 Feature",
            "the GeoJSON top level must be a FeatureCollection or a Feature"
        ),
        .geojsonBadGeometry: ("第 {1} 个要素的几何无法识别：{2}", "feature {1}: geometry not understood: {2}"),
        .geometryNonFinite: (
            "第 {1} 个要素 第 {2} 环 第 {3} 个坐标不是有限数",
            "feature {1} ring {2} position {3} is not a finite number"
        ),
        .geometryOutOfRange: (
            "第 {1} 个要素 第 {2} 环 第 {3} 个坐标 ({4}, {5}) 超出经纬度范围；坐标应为经纬度（WGS84/CGCS2000），不是投影坐标",
            "feature {1} ring {2} position {3} ({4}, {5}) is outside longitude/latitude range; coordinates must be degrees (WGS84/CGCS2000), not projected metres"
        ),
        .geometryTooFewPositions: (
            "第 {1} 个要素 第 {2} 环只有 {3} 个坐标，至少需要 4 个",
            "feature {1} ring {2} has {3} positions; at least 4 are needed"
        ),
        .geometryNotClosed: ("第 {1} 个要素 第 {2} 环未闭合（首尾坐标不同）", "feature {1} ring {2} is not closed (first and last positions differ)"),
        .geometrySelfIntersection: ("第 {1} 个要素 第 {2} 环自相交，位置约 {3}", "feature {1} ring {2} crosses itself near {3}"),
        .headerNotFound: (
            "前 10 行中找不到表头；表头须含：{1}",
            "no header found in the first 10 rows; it must contain: {1}"
        ),
        .missingColumns: ("缺少必需的列：{1}", "required column missing: {2}"),
        .raggedRow: ("此行有 {1} 列，表头有 {2} 列", "this row has {1} cells but the header has {2}"),
        .noDataRows: ("表头之后没有数据行", "there are no data rows after the header"),
        .moreErrors: ("另有 {1} 处错误未列出", "{1} more errors not listed"),
        .notANumber: ("「{1}」不是数字", "\"{1}\" is not a number"),
        .negativeNumber: ("「{1}」为负数", "\"{1}\" is negative"),
        .notWholeNumber: ("「{1}」应为整数", "\"{1}\" must be a whole number"),
        .badYear: ("「{1}」不是有效年份", "\"{1}\" is not a valid year"),
        .unknownTownship: ("乡镇「{1}」不在区划名录中（现有：{2}）", "township \"{1}\" is not in the division register (known: {2})"),
        .ambiguousTownship: ("乡镇「{1}」有多个匹配：{2}", "township \"{1}\" matches several units: {2}"),
        .townshipBlankAtStart: ("乡镇为空，且上方没有可沿用的乡镇", "the township is blank and there is no township above to continue"),
        .schoolNameBlank: ("学校名称为空，但本行有数据", "the school name is blank but the row has figures"),
        .unknownLevel: ("规模「{1}」无法识别（可用：{2}）", "level \"{1}\" not recognised (allowed: {2})"),
        .staffWithoutStudents: (
            "教职人数为 {1}，但在校人数为空",
            "staff is {1} but the number of students is missing"
        ),
        .duplicateSchool: ("学校「{1}」在{2}重复（首次出现在第 {3} 行）", "school \"{1}\" appears twice in {2} (first on row {3})"),
        .unknownVillage: ("村「{1}」不在{2}的村名录中", "village \"{1}\" is not in the register of {2}"),
        .divisionNameBlank: ("名称为空", "the name is blank"),
        .badDivisionCode: (
            "区划代码「{1}」无效：应为 6、9 或 12 位数字",
            "division code \"{1}\" is invalid: it must be 6, 9 or 12 digits"
        ),
        .duplicateCode: ("区划代码 {1} 重复（首次出现在第 {2} 行）", "division code {1} appears twice (first on row {2})"),
        .unknownDivisionKind: (
            "类型「{1}」无法识别（可用：县、镇、乡、街道、行政村、社区）",
            "kind \"{1}\" not recognised (allowed: county, town, township, subdistrict, village, community)"
        ),
        .unknownParent: ("上级区划「{1}」不在名录中，也不在本文件中", "parent division \"{1}\" is neither in the register nor in this file"),
        .duplicateDivisionName: ("同一上级下名称「{1}」重复（首次出现在第 {2} 行）", "name \"{1}\" appears twice under the same parent (first on row {2})"),
        .badUrbanRuralClass: ("城乡分类代码 {1} 无效（可用：111、112、121、122、123、210、220）", "urban–rural class {1} is invalid (allowed: 111, 112, 121, 122, 123, 210, 220)"),
        .badCoordinates: ("经纬度「{1}, {2}」无效：须同时给出经度 −180…180 和纬度 −90…90", "coordinates \"{1}, {2}\" are invalid: give both longitude −180…180 and latitude −90…90"),
        .badLocationQuality: (
            "位置质量「{1}」无效（可用：surveyed、published、illustrative、unknown）",
            "location quality \"{1}\" is invalid (allowed: surveyed, published, illustrative, unknown)"
        ),
        .badStatus: ("状态「{1}」无效（可用：current/现行、historical/已撤并）", "status \"{1}\" is invalid (allowed: current, historical)"),
        .reasonSmallSchool: ("在校生 {1} 人，不足 {2} 人，属小规模学校。", "{1} students, fewer than {2}: a small school."),
        .reasonOverstaffed: (
            "生师比 {1}:1，低于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，超编 {6} 人。",
            "{1} students per staff member: below the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} over."
        ),
        .reasonUnderstaffed: (
            "生师比 {1}:1，高于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，缺编 {6} 人。",
            "{1} students per staff member: above the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} short."
        ),
        .reasonWithinNorm: (
            "生师比 {1}:1，{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，基本相符。",
            "{1} students per staff member against the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: about right."
        ),
        .reasonLandSurplus: (
            "生均占地 {1} m²，高于阈值 {2} m²（{3}），土地利用偏低。",
            "{1} m² of land per student, above the threshold of {2} m² ({3}): land under-used."
        ),
        .reasonMissingData: ("缺少{1}，无法完成诊断。", "Missing {1}: the diagnosis is incomplete."),
        .reasonNoNorm: ("{1}没有设定编制标准，未判断超编或缺编。", "No staffing norm is set for {1}; surplus or deficit not judged."),
        .reasonNineYearAssumption: (
            "小初一体学校学段人数未知，按小学:初中 = {1} 混合编制标准（{2}:1），此为假设。",
            "A nine-year school with an unknown split: norms blended as primary:junior = {1} ({2}:1), an assumption."
        ),
        .reasonWaste: (
            "学生少且教职工超编，教育资源浪费，宜在妥善安置学生后考虑撤并。",
            "Few students and surplus staff: educational resources wasted; consider consolidation once pupils are placed."
        ),
        .reasonClassSize: ("平均班额 {1} 人，超过{2}班额上限 {3} 人。", "average class of {1}, above the {2} limit of {3}."),
        .reasonHistoricalTownship: (
            "所属乡镇「{1}」已撤并，现归属乡镇未知，请核实。",
            "Its township \"{1}\" has been merged away and its successor is unknown; please check."
        ),
        .labelTownship: ("乡镇", "Township"),
        .labelSchool: ("学校", "School"),
        .labelLevel: ("规模", "Level"),
        .labelStudents: ("在校人数", "Students"),
        .labelStaff: ("教职人数", "Staff"),
        .labelRatio: ("生师比", "Students/staff"),
        .labelNorm: ("编制标准", "Norm"),
        .labelStaffNeeded: ("需编制", "Staff needed"),
        .labelSurplus: ("超(+)/缺(-)编", "Surplus(+)/deficit(-)"),
        .labelLandPerStudent: ("生均占地(m²)", "Land/student (m²)"),
        .labelFlags: ("标记", "Flags"),
        .labelReasons: ("原因", "Reasons"),
        .labelSchoolCount: ("学校数", "Schools"),
        .labelExcess: ("超编人数", "Surplus staff"),
        .labelShortfall: ("缺编人数", "Staff short"),
        .labelSmall: ("小规模校", "Small schools"),
        .labelReportStatus: ("学校数据", "School data"),
        .labelMergedSuffix: ("（已撤并）", " (merged)"),
        .labelCountyTotal: ("全县合计", "County total"),
        .labelReported: ("已上报", "reported"),
        .labelNotReported: ("未上报", "not reported"),
        .labelNotMentioned: ("未提及", "not mentioned"),
        .summaryTitle: ("交城县学校诊断（{1} 所学校；数据：{2}）", "Jiaocheng County school diagnosis ({1} schools; data: {2})"),
        .summaryNorms: (
            "编制标准（生/教职工）：小学 {1}、初中 {2}、高中 {3}；小初一体按小学:初中 = 6:3 混合为 {4}（假设）",
            "Staffing norms (students per staff): primary {1}, junior {2}, senior {3}; nine-year schools blended 6:3 to {4} (an assumption)"
        ),
        .summaryConfirmedHeading: ("一、与规划结论一致", "1. The plan's finding, checked"),
        .summaryPlanSays: ("规划原文：「{1}」", "The plan says: \"{1}\""),
        .summaryNotConfirmed: ("{1}：诊断未发现资源浪费（或数据不足）", "{1}: the diagnosis finds no waste (or lacks data)"),
        .summaryMissedHeading: ("二、规划未指出", "2. What the plan does not say"),
        .summaryStaffBalance: (
            "全县按编制标准需教职工 {1} 人，现有 {2} 人：{3} 所学校共超编 {4} 人，{5} 所学校共缺编 {6} 人——编制可在县域内统筹调剂。",
            "The norms call for {1} staff county-wide and there are {2}: {3} school(s) have {4} too many, {5} school(s) have {6} too few — staff can be reallocated within the county."
        ),
        .summaryLandSurplus: ("生均占地偏高：{1}（阈值 {2}，{3}）", "High land per student: {1} (threshold {2}, {3})"),
        .labelAssumption: ("假设值，请确认", "an assumption, please confirm"),
        .labelCountySetting: ("县级设定", "county setting"),
        .summaryGapsHeading: ("三、数据缺口", "3. Data gaps"),
        .summaryMore: ("完整诊断：chengxiang schools diagnose --database {1}", "Full diagnosis: chengxiang schools diagnose --database {1}"),
        .gapSchoolsNotReported: ("未上报学校数据（表中有乡镇、无学校行，不等于没有学校）：{1}", "No school data reported (listed with no rows, which does not mean no schools): {1}"),
        .gapSchoolsNotMentioned: ("学校表未提及：{1}", "Not mentioned in the school table: {1}"),
        .gapHistoricalTownship: ("{1} 所属的{2}已撤并，现归属乡镇不详", "{1} belongs to {2}, which was merged away; its current township is unknown"),
        .gapVillageCodes: ("{1} 个村（社区）中 {2} 个没有区划代码", "{2} of {1} villages/communities have no division code"),
        .gapVillagePositions: ("{1} 个村（社区）中 {2} 个的位置为示意位置（示意），不是实测", "{2} of {1} villages/communities have illustrative positions, not real ones"),
        .gapVillagePopulation: ("{1} 个村（社区）中有人口数据的 {2} 个，有城乡分类代码的 {3} 个", "of {1} villages/communities, {2} have population and {3} have an urban–rural class code"),
        .statusNoData: ("暂无数据", "no data"),
        .statusStale: ("最新数据为 {1} 年（{2}），已过时", "the latest data, {1} ({2}), is stale"),
        .statusNoTarget: ("{1} 实际 {2}；未设定目标", "{1} actual {2}; no target set"),
        .statusMet: ("{1} 实际 {2}，已达到 {3} 年目标 {4}", "{1} actual {2}: the {3} target of {4} is met"),
        .statusTargetPassed: ("目标年 {1} 已过，{2} 实际 {3}，未达目标 {4}", "the target year {1} has passed: {2} actual {3}, target {4} not met"),
        .statusNoPath: (
            "{1} 实际 {2}，未达 {3} 年目标 {4}；无基期数据，无法判断是否按期",
            "{1} actual {2}, short of the {3} target of {4}; no baseline, so progress against the path cannot be judged"
        ),
        .statusOnTrack: ("{1} 实际 {2}，按期应达 {3}，进度正常", "{1} actual {2}, expected {3} on the path: on track"),
        .statusBehind: ("{1} 实际 {2}，按期应达 {3}，落后 {4}", "{1} actual {2}, expected {3} on the path: {4} behind"),
        .gapPercentagePoints: ("{1} 个百分点", "{1} percentage points"),
        .gapUnits: ("{1} {2}", "{1} {2}"),
        .ruleBelowMinimum: ("值 {1} 小于下限 {2}", "value {1} is below the minimum {2}"),
        .ruleAboveMaximum: ("值 {1} 大于上限 {2}", "value {1} is above the maximum {2}"),
        .ruleAboveOther: ("值 {1} 大于同期同地区的 {2}（{3}）", "value {1} exceeds {2} ({3}) for the same area and period"),
        .ruleTownshipSum: ("各乡镇合计 {1} 超过全县 {2}（{3}）", "the townships add up to {1}, more than the county's {2} ({3})"),
        .ruleJump: ("较上期 {1}（{2}）变为 {3}，变化 {4}%，超过 {5}%", "from {2} in {1} to {3}: a change of {4}%, more than {5}%"),
        .unknownIndicator: ("指标代码「{1}」不存在", "indicator code \"{1}\" does not exist"),
        .unknownArea: ("地区「{1}」不在区划名录中", "area \"{1}\" is not in the division register"),
        .badPeriod: ("期间「{1}」无效：应为 2024、2024Q2 或 2024-05", "period \"{1}\" is invalid: write 2024, 2024Q2 or 2024-05"),
        .areaLevelMismatch: ("指标「{1}」不在{2}一级填报", "indicator \"{1}\" is not reported at {2} level"),
        .duplicateObservation: ("同一指标、地区、期间重复（首次出现在第 {1} 行）", "the same indicator, area and period appear twice (first on row {1})"),
        .computedNotEntered: ("指标「{1}」由系统计算，不能手工填报", "indicator \"{1}\" is computed by the system and cannot be entered"),
        .unknownTaskStatus: ("状态「{1}」无效（可用：未知、未开工、推进中、已完成、暂停）", "status \"{1}\" is invalid (allowed: unknown, not_started, in_progress, done, suspended)"),
        .badPercent: ("完成百分比「{1}」应在 0–100 之间", "percent complete \"{1}\" must be between 0 and 100"),
        .badDate: ("日期「{1}」无效：应为 2025、2025-06 或 2025-06-30", "date \"{1}\" is invalid: write 2025, 2025-06 or 2025-06-30"),
        .requiredCellBlank: ("必填项为空", "a required cell is blank"),
        .unknownTask: ("任务「{1}」不存在", "task \"{1}\" does not exist"),
        .appName: ("城乡 · 交城县城乡融合平台", "Chengxiang · Jiaocheng urban–rural platform"),
        .importKindSchools: ("学校表", "school table"),
        .importKindDivisions: ("区划（CSV/XLSX/GeoJSON）", "divisions (CSV/XLSX/GeoJSON)"),
        .importKindObservations: ("指标观测值", "indicator observations"),
        .importKindTasks: ("任务清单", "task checklist"),
        .navOverview: ("总览", "Overview"),
        .navMap: ("地图", "Map"),
        .navSchools: ("学校", "Schools"),
        .navScenarios: ("布局方案", "Scenarios"),
        .navIndicators: ("指标监测", "Indicators"),
        .navTasks: ("任务清单", "Tasks"),
        .navImport: ("数据导入", "Import"),
        .uiAction: ("操作", "action"),
        .uiAfter: ("修改后", "after"),
        .uiAll: ("全部", "all"),
        .uiArea: ("地区", "Area"),
        .uiBack: ("返回", "Back"),
        .uiBadImportKind: ("kind 应为 schools、divisions、observations 或 tasks", "kind must be schools, divisions, observations or tasks"),
        .uiBadJSON: ("请求体不是所需格式的 JSON", "the request body is not JSON of the expected shape"),
        .uiBefore: ("修改前", "before"),
        .uiByArea: ("分地区", "By area"),
        .uiCancel: ("取消", "Cancel"),
        .uiCheck: ("检查", "Check"),
        .uiColumn: ("列", "column"),
        .uiColumnName: ("列名", "column name"),
        .uiCommit: ("确认导入", "Commit"),
        .uiCompleteness: ("数据完整性", "Data completeness"),
        .uiCompletenessNote: ("“未上报”指表中列出乡镇但无数据行，不等于没有学校；示意位置仅供显示，不是实测。", "\"Not reported\" means the township was listed with no rows, not that it has no schools; illustrative positions are for display only."),
        .uiConfirmedWaste: ("{1}（{2}）：学生少且超编，与规划结论一致", "{1} ({2}): few students and surplus staff, as the plan says"),
        .uiDataYear: ("数据年份", "Data year"),
        .uiDeadline: ("截止", "deadline"),
        .uiError: ("错误", "error"),
        .uiEvidence: ("佐证", "evidence"),
        .uiExpectedNow: ("按期应达（现在）", "Expected now"),
        .uiFile: ("文件", "File"),
        .uiFilter: ("筛选", "Filter"),
        .uiHistory: ("修改记录", "Change history"),
        .uiIllustrative: ("示意", "illustrative"),
        .uiIllustrativeCard: ("示意位置：由程序生成，仅供显示，不是实际位置", "Illustrative position: generated for display, not the real place"),
        .uiIllustrativeNote: ("虚线圈为示意位置（共 {1} 处）：来源未给坐标，按文档化规则在县界内生成，导入实测坐标后自动替换。", "Dashed circles are illustrative positions ({1}): no source gives their coordinates; they are placed inside the county by a documented rule and replaced when real coordinates are imported."),
        .uiImportCheck: ("导入检查", "Import check"),
        .uiImportCommitted: ("已导入 {1}（{2} 行）", "imported {1} ({2} rows)"),
        .uiImportDone: ("导入完成", "Import done"),
        .uiImportInvalid: ("发现 {1} 处错误，未写入任何数据。请修改文件后重新上传。", "{1} errors found; nothing was written. Correct the file and upload it again."),
        .uiImportKind: ("数据类型", "Kind of data"),
        .uiImportNote: ("先检查、后写入：检查时不改动数据库；确认后全部写入，任何错误都不会写入一部分。上传上限 {1} MB。", "Check first, then commit: checking writes nothing; committing writes all rows or none. Upload limit {1} MB."),
        .uiImportValid: ("检查通过：{1} 行可导入。", "Check passed: {1} rows can be imported."),
        .uiIndicator: ("指标", "Indicator"),
        .uiIndicatorStatus: ("指标预警", "Indicator status"),
        .uiItem: ("项目", "item"),
        .uiKilometres: ("公里", "km"),
        .uiLand: ("占地面积", "Land"),
        .uiLatest: ("最新", "Latest"),
        .uiLayerLines: ("分配连线", "assignment lines"),
        .uiLayerOutline: ("县界", "county outline"),
        .uiLayerSchools: ("学校", "schools"),
        .uiLayerTownships: ("乡镇驻地", "township seats"),
        .uiLayerVillages: ("村", "villages"),
        .uiLegendIllustrative: ("虚线 = 示意位置", "dashed = illustrative"),
        .uiLegendOverstaffed: ("超编", "overstaffed"),
        .uiLegendTownship: ("乡镇驻地", "township seat"),
        .uiLegendUnderstaffed: ("缺编", "understaffed"),
        .uiLegendVillage: ("村", "village"),
        .uiLegendWaste: ("小规模且超编", "small and overstaffed"),
        .uiLegendWithinNorm: ("符合编制", "within the norm"),
        .uiMore: ("详情", "Details"),
        .uiNoCode: ("无代码", "no code"),
        .uiNoRealPosition: ("无实测位置", "no real position"),
        .uiNone: ("未定", "none"),
        .uiNormNote: ("编制标准：小学 19、初中 13.5、高中 12.5 生/教职工；小初一体按 6:3 混合（假设）。可在命令行 chengxiang norms set 修改。", "Norms: primary 19, junior 13.5, senior 12.5 students per staff; nine-year schools blended 6:3 (an assumption). Change them with chengxiang norms set."),
        .uiNotNamed: ("未明确", "not named"),
        .uiNote: ("备注", "Note"),
        .uiOverdue: ("逾期", "overdue"),
        .uiOverdueTasks: ("逾期任务", "Overdue tasks"),
        .uiOwner: ("责任单位", "owner"),
        .uiPeriod: ("期间", "Period"),
        .uiPosition: ("位置（经度, 纬度）", "Position (lon, lat)"),
        .uiProgressUnknown: ("进度未知", "progress unknown"),
        .uiRatioChartTitle: ("生师比与编制标准（黑线）", "Students per staff against the norm (black line)"),
        .uiRatioUnit: ("生/教职工", "students per staff"),
        .uiRecord: ("录入", "Record"),
        .uiRecorded: ("已录入。", "Recorded."),
        .uiRejected: ("数据未通过校验，未写入", "the data failed validation and was not written"),
        .uiRow: ("行", "row"),
        .uiSave: ("保存", "Save"),
        .uiSchoolDiagnosis: ("学校诊断", "School diagnosis"),
        .uiSeeAllSchools: ("查看全部学校 →", "All schools →"),
        .uiSeeIndicators: ("查看全部指标 →", "All indicators →"),
        .uiSeverity: ("级别", "severity"),
        .uiSheet: ("工作表（XLSX）", "Sheet (XLSX)"),
        .uiSheetHint: ("默认第一个", "default: the first"),
        .uiSource: ("来源", "Source"),
        .uiStatus: ("状态", "Status"),
        .uiTarget: ("目标", "Target"),
        .uiTaskNote: ("规划未写明的责任单位、日期、进度显示为“未明确/未定/进度未知”；截止已过且未完成的任务标为逾期。", "Owners, dates and progress the plan does not state are shown as unknown; tasks past their deadline and not done are overdue."),
        .uiTaskSaved: ("已保存 {1}", "saved {1}"),
        .uiTaskSummary: ("共 {1} 项，逾期 {2} 项", "{1} tasks, {2} overdue"),
        .uiTownships: ("乡镇（现行）", "Townships (current)"),
        .uiUnderstaffed: ("{1}（{2}）缺编 {3} 人：规划未指出", "{1} ({2}) is {3} staff short: not in the plan"),
        .uiUnitPersons: ("人", "persons"),
        .uiUnitSchools: ("所", "schools"),
        .uiUnitTownships: ("个", "units"),
        .uiUnitVillages: ("个", "units"),
        .uiUnknown: ("不详", "unknown"),
        .uiUploadMalformed: ("上传内容格式错误", "the upload is malformed"),
        .uiValue: ("值", "Value"),
        .uiVillage: ("所在村", "Village"),
        .uiVillageCode: ("区划代码：{1}", "division code: {1}"),
        .uiVillages: ("村（社区）", "Villages"),
        .uiWarning: ("警告", "warning"),
        .uiWhen: ("时间", "when"),
        .uiWho: ("操作人", "who"),
        .uiWithPopulation: ("有人口数据", "with population"),
        .uiZoomReset: ("复位", "Reset"),
        .planNoSchools: ("没有{1}的学校可供规划", "there are no schools of the {1} to plan"),
        .planUnknownSchool: ("学校「{1}」不在{2}的学校名单中", "school \"{1}\" is not among the schools of the {2}"),
        .planNameTaken: ("方案名称「{1}」已存在", "a scenario named \"{1}\" already exists"),
        .planUnknownScenario: ("方案「{1}」不存在", "scenario \"{1}\" does not exist"),
        .locationUnknownID: ("编号「{1}」不在费用表中", "id \"{1}\" is not in the cost table"),
        .locationMissingValue: ("编号「{1}」缺少{2}", "id \"{1}\" has no {2}"),
        .summaryScenariosHeading: ("四、学校布局方案（演示位置为示意，距离仅供演示）", "4. School consolidation scenarios (illustrative positions: distances for demonstration only)"),
        .summaryScenarioLine: (
            "保留 {1} 所、撤并 {2} 所，转学 {3} 人，平均路程 {4} 公里，按编制可释放教职工 {5} 人",
            "keeps {1} schools, closes {2}, moves {3} pupils, mean journey {4} km, frees {5} staff under the norm"
        ),
        .summaryScenarioCompare: ("对比：chengxiang schools scenarios --compare {1} --database {2}", "Compare: chengxiang schools scenarios --compare {1} --database {2}"),
        .uiStoredScenarios: ("已保存的方案", "Stored scenarios"),
        .uiName: ("名称", "Name"),
        .uiStage: ("学段", "Stage"),
        .uiModel: ("模型", "Model"),
        .uiKept: ("保留", "kept"),
        .uiClosed: ("撤并", "closed"),
        .uiMoved: ("转学学生", "pupils moved"),
        .uiMeanJourney: ("平均路程", "mean journey"),
        .uiOptimal: ("已证明最优", "proven optimal"),
        .uiCompare: ("对比所选方案", "Compare selected"),
        .uiSchoolsToKeep: ("保留学校数 p", "Schools to keep (p)"),
        .uiRadius: ("覆盖半径（公里，覆盖模型）", "Radius (km, covering models)"),
        .uiMaxWalk: ("1–3 年级步行上限（公里）", "Walking limit, grades 1–3 (km)"),
        .uiMustStayOpen: ("必须保留的学校", "Schools that must stay open"),
        .uiRun: ("求解并保存", "Solve and save"),
        .uiComparison: ("方案对比", "Comparison"),
        .uiMeasure: ("指标", "Measure"),
        .uiLegendMove: ("学生去向", "pupils move"),
        .uiLegendBeyondWalk: ("超出步行上限", "beyond the walking limit"),
        .uiLegendClosed: ("撤并学校（白）", "closed school (white)"),
        .uiLegendNewSite: ("新建学校", "new school"),
        .uiWherePupilsGo: ("学生去向", "Where pupils go"),
        .uiPupils: ("学生", "Pupils"),
        .uiGoesTo: ("去向", "Goes to"),
        .uiJourney: ("路程", "Journey"),
        .uiBeyondWalk: ("超出步行上限", "Beyond walk"),
        .uiWhatItMeans: ("方案的影响", "What the plan means"),
        .uiIdleSites: ("闲置校舍", "Idle school sites"),
        .uiSolving: ("正在求解…", "Solving…"),
        .uiYes: ("是", "yes"),
        .uiNo: ("否", "no"),
        .duplicateKey: ("「{1}」重复（首次出现在第 {2} 行）", "\"{1}\" appears twice (first on row {2})"),
    ]
}
