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
    // Issues and errors
    case issueFile, issueRow, issueColumn, issueColumnNamed, issueLine, uiRejectedCount
    // Truth notes
    case targetYearAssumed
    // Location engine and planning
    case engineEmptyMatrix, engineCostCount, engineWeightCount, engineCapacityCount, engineInvalidCost, engineInvalidWeight
    case engineInvalidCapacity, engineInvalidRadius, enginePNotPositive, enginePExceedsCandidates, enginePBelowForced, engineSiteOutOfRange
    case engineForcedAndForbidden, engineDemandUnreachable, engineDemandNotCoverable, engineDemandExceedsCapacity, engineDemandExceedsSiteCapacity, engineNoFeasibleSolution
    case engineStopped, engineMalformedORLibrary, planAmbiguousSchool, planInvalidSite, planDuplicateSite, planBadNumber
    case planSplitNote, planWalkNote, planWalkLimitDerived, planIllustrativeNote, planStraightLineNote, planMissingPairsMinutes
    case planMissingPairsKm, planApproximateNote
    // Value rules
    case ruleNonNegative, rulePositive, ruleDetour
    // Tasks
    case badDeadlineBasis
    // Names of domain values
    case kindCounty, kindTown, kindTownship, kindSubdistrict, kindVillage, kindCommunity
    case levelKindergarten, levelPrimary, levelJunior, levelNineYear, levelSenior, taskUnknown
    case taskNotStarted, taskInProgress, taskDone, taskSuspended, qualitySurveyed, qualityPublished
    case qualityApproximate, qualityIllustrative, qualityUnknown, deadlineNone, deadlineDone, deadlineNotDue
    case deadlineOverdue, deadlinePastUnknown, deadlineAssumed, tierCounty, tierTownship, tierVillage
    // Planning names
    case stagePrimary, stageJunior, modelPMedian, modelCPMedian, modelMCLP, modelLSCP
    case modelPCenter, unitKilometres, unitMinutes, quantityWithUnit, allowedLevels
    // Reports
    case targetStated, targetAssumedYear, denominatorAssumed, latestValue, reportTitle, reportAsOf
    case reportCoverNote, reportSummaryHeading, reportNoAlerts, reportTaskCounts, reportOverdueList, reportPastUnknownList
    case reportIndicatorsHeading, reportNoDataAreas, reportSource, reportTasksHeading, reportTaskNote, reportSchoolsHeading
    case reportSchoolsSummary, chartBaseline, chartTarget, chartTargetLabel, chartNoData, labelCode
    case labelTask, labelStart, labelProgress, labelDeadlineState, labelIndicatorCode, labelPeriod
    case labelUnit, labelTargetValue, labelTargetYear, labelLatestValue, labelIndicatorLinks, labelPercentComplete
    case labelLandMu, labelNote, sheetStatus, sheetObservations, sheetTasks, sheetSchools
    case workbookFont, workbookWriteFailed
    // Inferred successors
    case normBlendedBasis, fieldStudents, fieldStaff, fieldLand
    case badSuccessorBasis, inferredWithoutSuccessor, successorInferredMark, reasonInferredTownship
    // Services
    case noDatabase, inputMissing, notADemoDatabase, unknownNorm, normNeedsSource, normBadValue
    case unknownSchool, unknownTownshipName, unknownAreaName
    // Imports
    case unknownSchoolInTownship
    // Imports
    case schoolVillageColumns
    // Monitoring
    case statusComputedYearUnknown, computedSource, unknownTaskCode, badNumberText, targetNeedsValue
    // Scenarios
    case planNameBlank, unknownModel, unknownStage, unknownCapacityRule
    // Scenario comparison
    case cmpModel, cmpStage, cmpKept, cmpClosed, cmpNew, cmpPupils
    case cmpMoved, cmpPupilCost, cmpMean, cmpMax, cmpWalkLimit, cmpBeyond
    case cmpYoung, cmpBoarding, cmpStaff, cmpIdle, cmpCovered, cmpObjective
    case cmpBound, cmpGap, cmpOptimal, cmpSeconds, cmpNotes
    // Reports
    case reportNoChromium, reportPrintFailed
}

/// The localisation table: one entry per key, Chinese first. `{1}`, `{2}` … are arguments.
/// A switch, so a key without both texts does not compile.
enum MessageTable {
    static func entry(_ key: MessageKey) -> (zh: String, en: String) {
        switch key {
        case .fileUnreadable: ("无法读取文件 {1}", "cannot read file {1}")
        case .fileEmpty: ("文件为空", "the file is empty")
        case .fileLegacyXLS: (
            "这是旧版 Excel（.xls）文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入",
            "this is a legacy Excel (.xls) file; save it as .xlsx or CSV in Excel/WPS and import again"
        )
        case .sheetOnlyForXLSX: ("--sheet 只适用于 XLSX 文件", "--sheet applies to XLSX files only")
        case .encodingUTF16: (
            "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV",
            "the file is UTF-16 encoded; save it as CSV in UTF-8 or GBK"
        )
        case .encodingBinary: (
            "文件含有空字节，不是文本文件（或为 UTF-16 编码）",
            "the file contains NUL bytes: it is not a text file (or it is UTF-16)"
        )
        case .encodingInvalidUTF8: (
            "文件编码错误：按 {1} 读取时出现无效字节，请确认文件为 UTF-8 或 GBK 编码",
            "wrong encoding: invalid bytes when reading as {1}; make sure the file is UTF-8 or GBK"
        )
        case .encodingInvalidGB: (
            "文件编码错误：既不是有效的 UTF-8，也不是有效的 GBK/GB18030",
            "wrong encoding: the bytes are neither valid UTF-8 nor valid GBK/GB18030"
        )
        case .csvUnterminatedQuote: (
            "引号未闭合：从此行开始的单元格缺少结束引号",
            "unterminated quote: a cell starting on this row has no closing quote"
        )
        case .xlsxNotAWorkbook: ("文件不是有效的 XLSX 工作簿", "the file is not a valid XLSX workbook")
        case .xlsxNoSheets: ("工作簿中没有工作表", "the workbook has no worksheets")
        case .xlsxSheetMissing: ("工作簿中没有名为「{1}」的工作表（现有：{2}）", "the workbook has no sheet named \"{1}\" (it has: {2})")
        case .xlsxPartMissing: ("XLSX 文件缺少部件 {1}", "the XLSX file lacks its part {1}")
        case .xlsxBrokenXML: ("XLSX 内部 XML 损坏（第 {1} 行附近）", "the XLSX file's XML is broken (near line {1})")
        case .geojsonNotJSON: ("文件不是有效的 JSON", "the file is not valid JSON")
        case .geojsonNotFeatureCollection: (
            "GeoJSON 顶层应为 FeatureCollection 或 Feature",
            "the GeoJSON top level must be a FeatureCollection or a Feature"
        )
        case .geojsonBadGeometry: ("第 {1} 个要素的几何无法识别：{2}", "feature {1}: geometry not understood: {2}")
        case .geometryNonFinite: (
            "第 {1} 个要素 第 {2} 环 第 {3} 个坐标不是有限数",
            "feature {1} ring {2} position {3} is not a finite number"
        )
        case .geometryOutOfRange: (
            "第 {1} 个要素 第 {2} 环 第 {3} 个坐标 ({4}, {5}) 超出经纬度范围；坐标应为经纬度（WGS84/CGCS2000），不是投影坐标",
            "feature {1} ring {2} position {3} ({4}, {5}) is outside longitude/latitude range; coordinates must be degrees (WGS84/CGCS2000), not projected metres"
        )
        case .geometryTooFewPositions: (
            "第 {1} 个要素 第 {2} 环只有 {3} 个坐标，至少需要 4 个",
            "feature {1} ring {2} has {3} positions; at least 4 are needed"
        )
        case .geometryNotClosed: ("第 {1} 个要素 第 {2} 环未闭合（首尾坐标不同）", "feature {1} ring {2} is not closed (first and last positions differ)")
        case .geometrySelfIntersection: ("第 {1} 个要素 第 {2} 环自相交，位置约 {3}", "feature {1} ring {2} crosses itself near {3}")
        case .headerNotFound: (
            "前 10 行中找不到表头；表头须含：{1}",
            "no header found in the first 10 rows; it must contain: {1}"
        )
        case .missingColumns: ("缺少必需的列：{1}", "required column missing: {2}")
        case .raggedRow: ("此行有 {1} 列，表头有 {2} 列", "this row has {1} cells but the header has {2}")
        case .noDataRows: ("表头之后没有数据行", "there are no data rows after the header")
        case .moreErrors: ("另有 {1} 处错误未列出", "{1} more errors not listed")
        case .notANumber: ("「{1}」不是数字", "\"{1}\" is not a number")
        case .negativeNumber: ("「{1}」为负数", "\"{1}\" is negative")
        case .notWholeNumber: ("「{1}」应为整数", "\"{1}\" must be a whole number")
        case .badYear: ("「{1}」不是有效年份", "\"{1}\" is not a valid year")
        case .unknownTownship: ("乡镇「{1}」不在区划名录中（现有：{2}）", "township \"{1}\" is not in the division register (known: {2})")
        case .ambiguousTownship: ("乡镇「{1}」有多个匹配：{2}", "township \"{1}\" matches several units: {2}")
        case .townshipBlankAtStart: ("乡镇为空，且上方没有可沿用的乡镇", "the township is blank and there is no township above to continue")
        case .schoolNameBlank: ("学校名称为空，但本行有数据", "the school name is blank but the row has figures")
        case .unknownLevel: ("规模「{1}」无法识别（可用：{2}）", "level \"{1}\" not recognised (allowed: {2})")
        case .staffWithoutStudents: (
            "教职人数为 {1}，但在校人数为空",
            "staff is {1} but the number of students is missing"
        )
        case .duplicateSchool: ("学校「{1}」在{2}重复（首次出现在第 {3} 行）", "school \"{1}\" appears twice in {2} (first on row {3})")
        case .unknownVillage: ("村「{1}」不在{2}的村名录中", "village \"{1}\" is not in the register of {2}")
        case .divisionNameBlank: ("名称为空", "the name is blank")
        case .badDivisionCode: (
            "区划代码「{1}」无效：应为 6、9 或 12 位数字",
            "division code \"{1}\" is invalid: it must be 6, 9 or 12 digits"
        )
        case .duplicateCode: ("区划代码 {1} 重复（首次出现在第 {2} 行）", "division code {1} appears twice (first on row {2})")
        case .unknownDivisionKind: (
            "类型「{1}」无法识别（可用：县、镇、乡、街道、行政村、社区）",
            "kind \"{1}\" not recognised (allowed: county, town, township, subdistrict, village, community)"
        )
        case .unknownParent: ("上级区划「{1}」不在名录中，也不在本文件中", "parent division \"{1}\" is neither in the register nor in this file")
        case .duplicateDivisionName: ("同一上级下名称「{1}」重复（首次出现在第 {2} 行）", "name \"{1}\" appears twice under the same parent (first on row {2})")
        case .badUrbanRuralClass: ("城乡分类代码 {1} 无效（可用：111、112、121、122、123、210、220）", "urban–rural class {1} is invalid (allowed: 111, 112, 121, 122, 123, 210, 220)")
        case .badCoordinates: ("经纬度「{1}, {2}」无效：须同时给出经度 −180…180 和纬度 −90…90", "coordinates \"{1}, {2}\" are invalid: give both longitude −180…180 and latitude −90…90")
        case .badLocationQuality: (
            "位置质量「{1}」无效（可用：surveyed 实测、published 公开、approximate 近似、illustrative 示意、unknown 不详）",
            "location quality \"{1}\" is invalid (allowed: surveyed, published, approximate, illustrative, unknown)"
        )
        case .badStatus: ("状态「{1}」无效（可用：current/现行、historical/已撤并）", "status \"{1}\" is invalid (allowed: current, historical)")
        case .reasonSmallSchool: ("在校生 {1} 人，不足 {2} 人，属小规模学校。", "{1} students, fewer than {2}: a small school.")
        case .reasonOverstaffed: (
            "生师比 {1}:1，低于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，超编 {6} 人。",
            "{1} students per staff member: below the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} over."
        )
        case .reasonUnderstaffed: (
            "生师比 {1}:1，高于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，缺编 {6} 人。",
            "{1} students per staff member: above the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} short."
        )
        case .reasonWithinNorm: (
            "生师比 {1}:1，{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，基本相符。",
            "{1} students per staff member against the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: about right."
        )
        case .reasonLandSurplus: (
            "生均占地 {1} m²，高于阈值 {2} m²（{3}），土地利用偏低。",
            "{1} m² of land per student, above the threshold of {2} m² ({3}): land under-used."
        )
        case .reasonMissingData: ("缺少{1}，无法完成诊断。", "Missing {1}: the diagnosis is incomplete.")
        case .reasonNoNorm: ("{1}没有设定编制标准，未判断超编或缺编。", "No staffing norm is set for {1}; surplus or deficit not judged.")
        case .reasonNineYearAssumption: (
            "小初一体学校学段人数未知，按小学:初中 = {1} 混合编制标准（{2}:1），此为假设。",
            "A nine-year school with an unknown split: norms blended as primary:junior = {1} ({2}:1), an assumption."
        )
        case .reasonWaste: (
            "学生少且教职工超编，教育资源浪费，宜在妥善安置学生后考虑撤并。",
            "Few students and surplus staff: educational resources wasted; consider consolidation once pupils are placed."
        )
        case .reasonClassSize: ("平均班额 {1} 人，超过{2}班额上限 {3} 人。", "average class of {1}, above the {2} limit of {3}.")
        case .reasonHistoricalTownship: (
            "所属乡镇「{1}」已撤并，现归属乡镇未知，请核实。",
            "Its township \"{1}\" has been merged away and its successor is unknown; please check."
        )
        case .labelTownship: ("乡镇", "Township")
        case .labelSchool: ("学校", "School")
        case .labelLevel: ("规模", "Level")
        case .labelStudents: ("在校人数", "Students")
        case .labelStaff: ("教职人数", "Staff")
        case .labelRatio: ("生师比", "Students/staff")
        case .labelNorm: ("编制标准", "Norm")
        case .labelStaffNeeded: ("需编制", "Staff needed")
        case .labelSurplus: ("超(+)/缺(-)编", "Surplus(+)/deficit(-)")
        case .labelLandPerStudent: ("生均占地(m²)", "Land/student (m²)")
        case .labelFlags: ("标记", "Flags")
        case .labelReasons: ("原因", "Reasons")
        case .labelSchoolCount: ("学校数", "Schools")
        case .labelExcess: ("超编人数", "Surplus staff")
        case .labelShortfall: ("缺编人数", "Staff short")
        case .labelSmall: ("小规模校", "Small schools")
        case .labelReportStatus: ("学校数据", "School data")
        case .labelMergedSuffix: ("（已撤并）", " (merged)")
        case .labelCountyTotal: ("全县合计", "County total")
        case .labelReported: ("已上报", "reported")
        case .labelNotReported: ("未上报", "not reported")
        case .labelNotMentioned: ("未提及", "not mentioned")
        case .summaryTitle: ("交城县学校诊断（{1} 所学校；数据：{2}）", "Jiaocheng County school diagnosis ({1} schools; data: {2})")
        case .summaryNorms: (
            "编制标准（生/教职工）：小学 {1}、初中 {2}、高中 {3}；小初一体按小学:初中 = 6:3 混合为 {4}（假设）",
            "Staffing norms (students per staff): primary {1}, junior {2}, senior {3}; nine-year schools blended 6:3 to {4} (an assumption)"
        )
        case .summaryConfirmedHeading: ("一、与规划结论一致", "1. The plan's finding, checked")
        case .summaryPlanSays: ("规划原文：「{1}」", "The plan says: \"{1}\"")
        case .summaryNotConfirmed: ("{1}：诊断未发现资源浪费（或数据不足）", "{1}: the diagnosis finds no waste (or lacks data)")
        case .summaryMissedHeading: ("二、规划未指出", "2. What the plan does not say")
        case .summaryStaffBalance: (
            "全县按编制标准需教职工 {1} 人，现有 {2} 人：{3} 所学校共超编 {4} 人，{5} 所学校共缺编 {6} 人——编制可在县域内统筹调剂。",
            "The norms call for {1} staff county-wide and there are {2}: {3} school(s) have {4} too many, {5} school(s) have {6} too few — staff can be reallocated within the county."
        )
        case .summaryLandSurplus: ("生均占地偏高：{1}（阈值 {2}，{3}）", "High land per student: {1} (threshold {2}, {3})")
        case .labelAssumption: ("假设值，请确认", "an assumption, please confirm")
        case .labelCountySetting: ("县级设定", "county setting")
        case .summaryGapsHeading: ("三、数据缺口", "3. Data gaps")
        case .summaryMore: ("完整诊断：chengxiang schools diagnose --database {1}", "Full diagnosis: chengxiang schools diagnose --database {1}")
        case .gapSchoolsNotReported: ("未上报学校数据（表中有乡镇、无学校行，不等于没有学校）：{1}", "No school data reported (listed with no rows, which does not mean no schools): {1}")
        case .gapSchoolsNotMentioned: ("学校表未提及：{1}", "Not mentioned in the school table: {1}")
        case .gapHistoricalTownship: ("{1} 所属的{2}已撤并，现归属乡镇不详", "{1} belongs to {2}, which was merged away; its current township is unknown")
        case .gapVillageCodes: ("{1} 个村（社区）中 {2} 个没有区划代码", "{2} of {1} villages/communities have no division code")
        case .gapVillagePositions: ("{1} 个村（社区）中 {2} 个的位置为示意位置（示意），不是实测", "{2} of {1} villages/communities have illustrative positions, not real ones")
        case .gapVillagePopulation: ("{1} 个村（社区）中有人口数据的 {2} 个，有城乡分类代码的 {3} 个", "of {1} villages/communities, {2} have population and {3} have an urban–rural class code")
        case .statusNoData: ("暂无数据", "no data")
        case .statusStale: ("最新数据为 {1} 年（{2}），已过时", "the latest data, {1} ({2}), is stale")
        case .statusNoTarget: ("{1} 实际 {2}；未设定目标", "{1} actual {2}; no target set")
        case .statusMet: ("{1} 实际 {2}，已达到目标 {4}（目标年 {3}）", "{1} actual {2}: the target of {4} (by {3}) is met")
        case .statusTargetPassed: ("目标年 {1} 已过，{2} 实际 {3}，未达目标 {4}", "the target year {1} has passed: {2} actual {3}, target {4} not met")
        case .statusNoPath: (
            "{1} 实际 {2}，未达目标 {4}（目标年 {3}）；无基期数据，无法判断是否按期",
            "{1} actual {2}, short of the target of {4} (by {3}); no baseline, so progress against the path cannot be judged"
        )
        case .statusOnTrack: ("{1} 实际 {2}，按期应达 {3}，进度正常", "{1} actual {2}, expected {3} on the path: on track")
        case .statusBehind: ("{1} 实际 {2}，按期应达 {3}，落后 {4}", "{1} actual {2}, expected {3} on the path: {4} behind")
        case .gapPercentagePoints: ("{1} 个百分点", "{1} percentage points")
        case .gapUnits: ("{1} {2}", "{1} {2}")
        case .ruleBelowMinimum: ("值 {1} 小于下限 {2}", "value {1} is below the minimum {2}")
        case .ruleAboveMaximum: ("值 {1} 大于上限 {2}", "value {1} is above the maximum {2}")
        case .ruleAboveOther: ("值 {1} 大于同期同地区的 {2}（{3}）", "value {1} exceeds {2} ({3}) for the same area and period")
        case .ruleTownshipSum: ("各乡镇合计 {1} 超过全县 {2}（{3}）", "the townships add up to {1}, more than the county's {2} ({3})")
        case .ruleJump: ("较上期 {1}（{2}）变为 {3}，变化 {4}%，超过 {5}%", "from {2} in {1} to {3}: a change of {4}%, more than {5}%")
        case .unknownIndicator: ("指标代码「{1}」不存在", "indicator code \"{1}\" does not exist")
        case .unknownArea: ("地区「{1}」不在区划名录中", "area \"{1}\" is not in the division register")
        case .badPeriod: ("期间「{1}」无效：应为 2024、2024Q2 或 2024-05", "period \"{1}\" is invalid: write 2024, 2024Q2 or 2024-05")
        case .areaLevelMismatch: ("指标「{1}」不在{2}一级填报", "indicator \"{1}\" is not reported at {2} level")
        case .duplicateObservation: ("同一指标、地区、期间重复（首次出现在第 {1} 行）", "the same indicator, area and period appear twice (first on row {1})")
        case .computedNotEntered: ("指标「{1}」由系统计算，不能手工填报", "indicator \"{1}\" is computed by the system and cannot be entered")
        case .unknownTaskStatus: ("状态「{1}」无效（可用：未知、未开工、推进中、已完成、暂停）", "status \"{1}\" is invalid (allowed: unknown, not_started, in_progress, done, suspended)")
        case .badPercent: ("完成百分比「{1}」应在 0–100 之间", "percent complete \"{1}\" must be between 0 and 100")
        case .badDate: ("日期「{1}」无效：应为 2025、2025-06 或 2025-06-30", "date \"{1}\" is invalid: write 2025, 2025-06 or 2025-06-30")
        case .requiredCellBlank: ("必填项为空", "a required cell is blank")
        case .unknownTask: ("任务「{1}」不存在", "task \"{1}\" does not exist")
        case .appName: ("城乡 · 交城县城乡融合平台", "Chengxiang · Jiaocheng urban–rural platform")
        case .importKindSchools: ("学校表", "school table")
        case .importKindDivisions: ("区划（CSV/XLSX/GeoJSON）", "divisions (CSV/XLSX/GeoJSON)")
        case .importKindObservations: ("指标观测值", "indicator observations")
        case .importKindTasks: ("任务清单", "task checklist")
        case .navOverview: ("总览", "Overview")
        case .navMap: ("地图", "Map")
        case .navSchools: ("学校", "Schools")
        case .navScenarios: ("布局方案", "Scenarios")
        case .navIndicators: ("指标监测", "Indicators")
        case .navTasks: ("任务清单", "Tasks")
        case .navImport: ("数据导入", "Import")
        case .uiAction: ("操作", "action")
        case .uiAfter: ("修改后", "after")
        case .uiAll: ("全部", "all")
        case .uiArea: ("地区", "Area")
        case .uiBack: ("返回", "Back")
        case .uiBadImportKind: ("kind 应为 schools、divisions、observations 或 tasks", "kind must be schools, divisions, observations or tasks")
        case .uiBadJSON: ("请求体不是所需格式的 JSON", "the request body is not JSON of the expected shape")
        case .uiBefore: ("修改前", "before")
        case .uiByArea: ("分地区", "By area")
        case .uiCancel: ("取消", "Cancel")
        case .uiCheck: ("检查", "Check")
        case .uiColumn: ("列", "column")
        case .uiColumnName: ("列名", "column name")
        case .uiCommit: ("确认导入", "Commit")
        case .uiCompleteness: ("数据完整性", "Data completeness")
        case .uiCompletenessNote: ("“未上报”指表中列出乡镇但无数据行，不等于没有学校；示意位置仅供显示，不是实测。", "\"Not reported\" means the township was listed with no rows, not that it has no schools; illustrative positions are for display only.")
        case .uiConfirmedWaste: ("{1}（{2}）：学生少且超编，与规划结论一致", "{1} ({2}): few students and surplus staff, as the plan says")
        case .uiDataYear: ("数据年份", "Data year")
        case .uiDeadline: ("截止", "deadline")
        case .uiError: ("错误", "error")
        case .uiEvidence: ("佐证", "evidence")
        case .uiExpectedNow: ("按期应达（现在）", "Expected now")
        case .uiFile: ("文件", "File")
        case .uiFilter: ("筛选", "Filter")
        case .uiHistory: ("修改记录", "Change history")
        case .uiIllustrative: ("示意", "illustrative")
        case .uiIllustrativeCard: ("示意位置：由程序生成，仅供显示，不是实际位置", "Illustrative position: generated for display, not the real place")
        case .uiIllustrativeNote: ("虚线圈为示意位置（共 {1} 处）：来源未给坐标，按文档化规则在县界内生成，导入实测坐标后自动替换。", "Dashed circles are illustrative positions ({1}): no source gives their coordinates; they are placed inside the county by a documented rule and replaced when real coordinates are imported.")
        case .uiImportCheck: ("导入检查", "Import check")
        case .uiImportCommitted: ("已导入 {1}（{2} 行）", "imported {1} ({2} rows)")
        case .uiImportDone: ("导入完成", "Import done")
        case .uiImportInvalid: ("发现 {1} 处错误，未写入任何数据。请修改文件后重新上传。", "{1} errors found; nothing was written. Correct the file and upload it again.")
        case .uiImportKind: ("数据类型", "Kind of data")
        case .uiImportNote: ("先检查、后写入：检查时不改动数据库；确认后全部写入，任何错误都不会写入一部分。上传上限 {1} MB。", "Check first, then commit: checking writes nothing; committing writes all rows or none. Upload limit {1} MB.")
        case .uiImportValid: ("检查通过：{1} 行可导入。", "Check passed: {1} rows can be imported.")
        case .uiIndicator: ("指标", "Indicator")
        case .uiIndicatorStatus: ("指标预警", "Indicator status")
        case .uiItem: ("项目", "item")
        case .uiKilometres: ("公里", "km")
        case .uiLand: ("占地面积", "Land")
        case .uiLatest: ("最新", "Latest")
        case .uiLayerLines: ("分配连线", "assignment lines")
        case .uiLayerOutline: ("县界", "county outline")
        case .uiLayerSchools: ("学校", "schools")
        case .uiLayerTownships: ("乡镇驻地", "township seats")
        case .uiLayerVillages: ("村", "villages")
        case .uiLegendIllustrative: ("虚线 = 示意位置", "dashed = illustrative")
        case .uiLegendOverstaffed: ("超编", "overstaffed")
        case .uiLegendTownship: ("乡镇驻地", "township seat")
        case .uiLegendUnderstaffed: ("缺编", "understaffed")
        case .uiLegendVillage: ("村", "village")
        case .uiLegendWaste: ("小规模且超编", "small and overstaffed")
        case .uiLegendWithinNorm: ("符合编制", "within the norm")
        case .uiMore: ("详情", "Details")
        case .uiNoCode: ("无代码", "no code")
        case .uiNoRealPosition: ("无实测位置", "no real position")
        case .uiNone: ("未定", "none")
        case .uiNormNote: ("编制标准：小学 19、初中 13.5、高中 12.5 生/教职工；小初一体按 6:3 混合（假设）。可在命令行 chengxiang norms set 修改。", "Norms: primary 19, junior 13.5, senior 12.5 students per staff; nine-year schools blended 6:3 (an assumption). Change them with chengxiang norms set.")
        case .uiNotNamed: ("未明确", "not named")
        case .uiNote: ("备注", "Note")
        case .uiOverdue: ("逾期", "overdue")
        case .uiOverdueTasks: ("逾期任务", "Overdue tasks")
        case .uiOwner: ("责任单位", "owner")
        case .uiPeriod: ("期间", "Period")
        case .uiPosition: ("位置（经度, 纬度）", "Position (lon, lat)")
        case .uiProgressUnknown: ("进度未知", "progress unknown")
        case .uiRatioChartTitle: ("生师比与编制标准（黑线）", "Students per staff against the norm (black line)")
        case .uiRatioUnit: ("生/教职工", "students per staff")
        case .uiRecord: ("录入", "Record")
        case .uiRecorded: ("已录入。", "Recorded.")
        case .uiRejected: ("数据未通过校验，未写入", "the data failed validation and was not written")
        case .uiRow: ("行", "row")
        case .uiSave: ("保存", "Save")
        case .uiSchoolDiagnosis: ("学校诊断", "School diagnosis")
        case .uiSeeAllSchools: ("查看全部学校 →", "All schools →")
        case .uiSeeIndicators: ("查看全部指标 →", "All indicators →")
        case .uiSeverity: ("级别", "severity")
        case .uiSheet: ("工作表（XLSX）", "Sheet (XLSX)")
        case .uiSheetHint: ("默认第一个", "default: the first")
        case .uiSource: ("来源", "Source")
        case .uiStatus: ("状态", "Status")
        case .uiTarget: ("目标", "Target")
        case .uiTaskNote: ("规划未写明的责任单位、日期、进度显示为“未明确/未定/进度未知”；截止已过且未完成的任务标为逾期。", "Owners, dates and progress the plan does not state are shown as unknown; tasks past their deadline and not done are overdue.")
        case .uiTaskSaved: ("已保存 {1}", "saved {1}")
        case .uiTaskSummary: ("共 {1} 项，逾期 {2} 项", "{1} tasks, {2} overdue")
        case .uiTownships: ("乡镇（现行）", "Townships (current)")
        case .uiUnderstaffed: ("{1}（{2}）缺编 {3} 人：规划未指出", "{1} ({2}) is {3} staff short: not in the plan")
        case .uiUnitPersons: ("人", "persons")
        case .uiUnitSchools: ("所", "schools")
        case .uiUnitTownships: ("个", "units")
        case .uiUnitVillages: ("个", "units")
        case .uiUnknown: ("不详", "unknown")
        case .uiUploadMalformed: ("上传内容格式错误", "the upload is malformed")
        case .uiValue: ("值", "Value")
        case .uiVillage: ("所在村", "Village")
        case .uiVillageCode: ("区划代码：{1}", "division code: {1}")
        case .uiVillages: ("村（社区）", "Villages")
        case .uiWarning: ("警告", "warning")
        case .uiWhen: ("时间", "when")
        case .uiWho: ("操作人", "who")
        case .uiWithPopulation: ("有人口数据", "with population")
        case .uiZoomReset: ("复位", "Reset")
        case .planNoSchools: ("没有{1}的学校可供规划", "there are no schools of the {1} to plan")
        case .planUnknownSchool: ("学校「{1}」不在{2}的学校名单中", "school \"{1}\" is not among the schools of the {2}")
        case .planNameTaken: ("方案名称「{1}」已存在", "a scenario named \"{1}\" already exists")
        case .planUnknownScenario: ("方案「{1}」不存在", "scenario \"{1}\" does not exist")
        case .locationUnknownID: ("编号「{1}」不在费用表中", "id \"{1}\" is not in the cost table")
        case .locationMissingValue: ("编号「{1}」缺少{2}", "id \"{1}\" has no {2}")
        case .summaryScenariosHeading: ("四、学校布局方案（演示位置为示意，距离仅供演示）", "4. School consolidation scenarios (illustrative positions: distances for demonstration only)")
        case .summaryScenarioLine: (
            "保留 {1} 所、撤并 {2} 所，转学 {3} 人，平均路程 {4} 公里，按编制可释放教职工 {5} 人",
            "keeps {1} schools, closes {2}, moves {3} pupils, mean journey {4} km, frees {5} staff under the norm"
        )
        case .summaryScenarioCompare: ("对比：chengxiang schools scenarios --compare {1} --database {2}", "Compare: chengxiang schools scenarios --compare {1} --database {2}")
        case .uiStoredScenarios: ("已保存的方案", "Stored scenarios")
        case .uiName: ("名称", "Name")
        case .uiStage: ("学段", "Stage")
        case .uiModel: ("模型", "Model")
        case .uiKept: ("保留", "kept")
        case .uiClosed: ("撤并", "closed")
        case .uiMoved: ("转学学生", "pupils moved")
        case .uiMeanJourney: ("平均路程", "mean journey")
        case .uiOptimal: ("已证明最优", "proven optimal")
        case .uiCompare: ("对比所选方案", "Compare selected")
        case .uiSchoolsToKeep: ("保留学校数 p", "Schools to keep (p)")
        case .uiRadius: ("覆盖半径（公里，覆盖模型）", "Radius (km, covering models)")
        case .uiMaxWalk: ("1–3 年级步行上限（公里）", "Walking limit, grades 1–3 (km)")
        case .uiMustStayOpen: ("必须保留的学校", "Schools that must stay open")
        case .uiRun: ("求解并保存", "Solve and save")
        case .uiComparison: ("方案对比", "Comparison")
        case .uiMeasure: ("指标", "Measure")
        case .uiLegendMove: ("学生去向", "pupils move")
        case .uiLegendBeyondWalk: ("超出步行上限", "beyond the walking limit")
        case .uiLegendClosed: ("撤并学校（白）", "closed school (white)")
        case .uiLegendNewSite: ("新建学校", "new school")
        case .uiWherePupilsGo: ("学生去向", "Where pupils go")
        case .uiPupils: ("学生", "Pupils")
        case .uiGoesTo: ("去向", "Goes to")
        case .uiJourney: ("路程", "Journey")
        case .uiBeyondWalk: ("超出步行上限", "Beyond walk")
        case .uiWhatItMeans: ("方案的影响", "What the plan means")
        case .uiIdleSites: ("闲置校舍", "Idle school sites")
        case .uiSolving: ("正在求解…", "Solving…")
        case .uiYes: ("是", "yes")
        case .uiNo: ("否", "no")
        case .duplicateKey: ("「{1}」重复（首次出现在第 {2} 行）", "\"{1}\" appears twice (first on row {2})")
        case .issueFile: ("{1}", "file {1}")
        case .issueRow: ("第 {1} 行", "row {1}")
        case .issueColumn: ("第 {1} 列（{2}）", "column {1} ({2})")
        case .issueColumnNamed: ("第 {1} 列（{2}「{3}」）", "column {1} ({2} \"{3}\")")
        case .issueLine: ("{1} {2}：{3}", "{1} {2}: {3}")
        case .uiRejectedCount: ("数据未通过校验，未写入任何内容（{1} 处错误）", "the data failed validation; nothing was written ({1} errors)")
        case .targetYearAssumed: ("{1}（规划期末，假设）", "{1} (end of the plan period, assumed)")
        case .engineEmptyMatrix: ("成本矩阵为空：没有需求点或没有候选点。", "The cost matrix is empty: there are no demand points or no candidate sites.")
        case .engineCostCount: ("成本数据数量不符：应为 {1} 个（需求点数 × 候选点数），实际为 {2} 个。", "Wrong number of costs: expected {1} (demand points × candidate sites), got {2}.")
        case .engineWeightCount: ("需求权重数量不符：应为 {1} 个，实际为 {2} 个。", "Wrong number of demand weights: expected {1}, got {2}.")
        case .engineCapacityCount: ("容量数量不符：应为 {1} 个（每个候选点一个），实际为 {2} 个。", "Wrong number of capacities: expected {1} (one per candidate site), got {2}.")
        case .engineInvalidCost: ("「{1}」到「{2}」的成本无效（NaN、无穷或负数）；不可达请标为不可达。", "The cost from \"{1}\" to \"{2}\" is invalid (NaN, infinite or negative); mark unreachable pairs as unreachable.")
        case .engineInvalidWeight: ("「{1}」的需求量无效（负数、NaN 或无穷）。", "The demand of \"{1}\" is invalid (negative, NaN or infinite).")
        case .engineInvalidCapacity: ("「{1}」的容量无效（负数、NaN 或无穷）。", "The capacity of \"{1}\" is invalid (negative, NaN or infinite).")
        case .engineInvalidRadius: ("服务半径无效（负数、NaN 或无穷）。", "The service radius is invalid (negative, NaN or infinite).")
        case .enginePNotPositive: ("保留数量 p = {1} 无效：至少应为 1。", "p = {1} is invalid: keep at least 1.")
        case .enginePExceedsCandidates: ("保留数量 p = {1} 超过了可选的学校或候选点数量（{2} 个）。", "p = {1} is more than the schools or sites that may be chosen ({2}).")
        case .enginePBelowForced: ("保留数量 p = {1} 小于必须保留的数量（{2} 个）。", "p = {1} is fewer than the {2} that must stay open.")
        case .engineSiteOutOfRange: ("候选点编号 {1} 超出范围（共 {2} 个候选点，编号从 0 开始）。", "Candidate index {1} is out of range ({2} candidates, numbered from 0).")
        case .engineForcedAndForbidden: ("「{1}」同时被设为“必须保留”和“不得选择”。", "\"{1}\" is both kept open and excluded.")
        case .engineDemandUnreachable: ("「{1}」无法到达任何可选的学校或候选点。", "\"{1}\" cannot reach any school or site that may be chosen.")
        case .engineDemandNotCoverable: ("「{1}」在服务半径内没有可选的学校或候选点，无法全部覆盖。", "\"{1}\" has no school or site that may be chosen within the radius, so full coverage is impossible.")
        case .engineDemandExceedsCapacity: ("总需求 {1} 超过了 p 个可选设施的最大总容量 {2}。", "Total demand {1} exceeds the largest total capacity of p facilities ({2}).")
        case .engineDemandExceedsSiteCapacity: ("「{1}」的需求量超过了所有可到达的学校或候选点的容量。", "The demand of \"{1}\" exceeds the capacity of every school or site that can reach it.")
        case .engineNoFeasibleSolution: ("找不到可行方案：没有任何 p 个设施的组合能够服务所有需求点。", "No feasible solution: no combination of p facilities serves every demand point.")
        case .engineStopped: ("求解在找到可行方案之前已停止（超时或被取消）。", "The solver stopped (time limit or cancellation) before it found a feasible solution.")
        case .engineMalformedORLibrary: ("OR-Library 数据格式错误（第 {1} 行）。", "Malformed OR-Library data at line {1}.")
        case .planAmbiguousSchool: ("「{1}」有多所同名学校：{2}；请写「乡镇/学校」或学校编号", "\"{1}\" names several schools: {2}; write \"township/school\" or the school's id")
        case .planInvalidSite: ("新址「{1}」的经纬度 ({2}, {3}) 无效：须为有限数，经度 −180…180、纬度 −90…90", "new site \"{1}\": coordinates ({2}, {3}) are invalid: they must be finite, longitude −180…180 and latitude −90…90")
        case .planDuplicateSite: ("新址名称「{1}」重复，或与现有学校同名", "the new site name \"{1}\" is given twice or is already a school's name")
        case .planBadNumber: ("{1} = {2} 无效：应为 {3}", "{1} = {2} is invalid: it must be {3}")
        case .planSplitNote: ("小初一体学校按小学段 {1}%、初中段 {2}% 拆分学生和教职工（假设，可用 norms set 修改）。", "Nine-year schools' pupils and staff are split {1}% primary, {2}% junior (an assumption; change it with norms set).")
        case .planWalkNote: ("1–3 年级按小学生的一半计（假设）；其超出步行上限 {1} 者原则上不宜寄宿，需校车等安排。", "Grades 1–3 are taken as half the primary pupils (an assumption); those beyond the {1} walk should not board and need transport.")
        case .planWalkLimitDerived: ("步行上限 {1} 由 1–3 年级单程 {2} 分钟（{3}）与儿童步行速度 {4} 公里/小时（{5}）推得。", "The walking limit of {1} comes from a {2}-minute journey for grades 1–3 ({3}) at a child's walking speed of {4} km/h ({5}).")
        case .planIllustrativeNote: ("{1} 所学校的位置为示意位置，距离仅供演示，导入实测坐标或距离表后重算。", "{1} schools have illustrative positions: distances are for demonstration until real coordinates or a distance table are imported.")
        case .planStraightLineNote: ("距离按直线 × 绕行系数 {1} 计算（未导入路网或距离表）。", "Distances are straight lines × a detour factor of {1} (no road network or distance table loaded).")
        case .planMissingPairsMinutes: ("距离表缺 {1} 对，视为不可达。", "{1} pairs missing from the distance table were treated as unreachable.")
        case .planMissingPairsKm: ("距离表缺 {1} 对，按直线 × 绕行系数估算。", "{1} pairs missing from the distance table were estimated as straight line × detour.")
        case .planApproximateNote: ("{1} 所学校的位置为近似位置（公开来源，但非该校本身的坐标）。", "{1} schools have approximate positions (published, but not the school's own point).")
        case .ruleNonNegative: ("有限的非负数", "a finite number ≥ 0")
        case .rulePositive: ("有限的正数", "a finite number > 0")
        case .ruleDetour: ("1 到 10 之间的数", "a number from 1 to 10")
        case .badDeadlineBasis: ("截止依据「{1}」无效（可用：明确、假设）", "deadline basis \"{1}\" is invalid (allowed: stated, assumed)")
        case .kindCounty: ("县", "county")
        case .kindTown: ("镇", "town")
        case .kindTownship: ("乡", "township")
        case .kindSubdistrict: ("街道", "subdistrict")
        case .kindVillage: ("行政村", "village")
        case .kindCommunity: ("社区", "community")
        case .levelKindergarten: ("幼儿园", "kindergarten")
        case .levelPrimary: ("小学", "primary")
        case .levelJunior: ("初中", "junior")
        case .levelNineYear: ("小初一体", "nine-year")
        case .levelSenior: ("高中", "senior")
        case .taskUnknown: ("未知", "unknown")
        case .taskNotStarted: ("未开工", "not started")
        case .taskInProgress: ("推进中", "in progress")
        case .taskDone: ("已完成", "done")
        case .taskSuspended: ("暂停", "suspended")
        case .qualitySurveyed: ("实测", "surveyed")
        case .qualityPublished: ("公开来源", "published")
        case .qualityApproximate: ("近似（公开来源，非本点）", "approximate")
        case .qualityIllustrative: ("示意", "illustrative")
        case .qualityUnknown: ("质量不详", "quality unknown")
        case .deadlineNone: ("无截止", "no deadline")
        case .deadlineDone: ("已完成", "done")
        case .deadlineNotDue: ("未到期", "not due")
        case .deadlineOverdue: ("逾期", "overdue")
        case .deadlinePastUnknown: ("已过期限，进展不明", "past deadline, progress unknown")
        case .deadlineAssumed: ("{1}（规划期末，假设）", "{1} (end of the plan period, assumed)")
        case .tierCounty: ("县", "county")
        case .tierTownship: ("乡镇", "township")
        case .tierVillage: ("村", "village")
        case .stagePrimary: ("小学阶段", "primary stage")
        case .stageJunior: ("初中阶段", "junior stage")
        case .modelPMedian: ("p-中位（总路程最短）", "p-median (least total journey)")
        case .modelCPMedian: ("带容量 p-中位", "capacitated p-median")
        case .modelMCLP: ("最大覆盖", "maximal covering")
        case .modelLSCP: ("集合覆盖（最少学校）", "set covering (fewest schools)")
        case .modelPCenter: ("p-中心（最远路程最短）", "p-center (shortest longest journey)")
        case .unitKilometres: ("公里", "km")
        case .unitMinutes: ("分钟", "min")
        case .quantityWithUnit: ("{1} {2}", "{1} {2}")
        case .allowedLevels: ("幼儿园、小学、初中、小初一体、高中", "kindergarten, primary, junior, nine-year, senior")
        case .targetStated: ("{1}（{2}）", "{1} (by {2})")
        case .targetAssumedYear: ("{1}（{2}，规划期末，假设）", "{1} (by {2}, end of the plan period, assumed)")
        case .denominatorAssumed: ("比例的分母「{1}」为系统选定，规划未指明（假设）", "the ratio's denominator, {1}, is the system's choice; the plan does not name it (an assumption)")
        case .latestValue: ("{1}（{2}）", "{1} ({2})")
        case .reportTitle: ("{1}城乡融合发展监测报告", "{1} urban–rural integration monitoring report")
        case .reportAsOf: ("统计时点：{1}", "As of {1}")
        case .reportCoverNote: ("指标与目标的来源注于各指标；观测值来自各部门填报；学校数据来自导入的学校名录。无数据的指标显示为灰色，不作推断；标有“假设”的年份、分母与期限是系统对规划的理解，不是规划原文。由城乡（Chengxiang）系统生成。", "Each indicator names the source of its target; observations come from the bureaus; school figures come from the imported school register. Indicators without data are grey: nothing is inferred. Years, denominators and deadlines marked \"assumed\" are the system's reading of the plan, not its words. Made by Chengxiang.")
        case .reportSummaryHeading: ("一、预警摘要", "1. Alerts")
        case .reportNoAlerts: ("没有红色或黄色预警。", "No red or yellow alerts.")
        case .reportTaskCounts: ("重点任务 {1} 项：逾期 {2} 项，已过期限、进展不明 {3} 项", "{1} key tasks: {2} overdue, {3} past their deadline with progress unknown")
        case .reportOverdueList: ("逾期：{1}", "Overdue: {1}")
        case .reportPastUnknownList: ("已过期限、进展不明：{1}", "Past deadline, progress unknown: {1}")
        case .reportIndicatorsHeading: ("二、指标进度", "2. Indicator progress")
        case .reportNoDataAreas: ("暂无数据：{1}", "No data: {1}")
        case .reportSource: ("来源：{1}", "Source: {1}")
        case .reportTasksHeading: ("三、重点任务清单", "3. Key tasks")
        case .reportTaskNote: ("规划未写明的责任单位、日期和进度一律显示为“未明确/未定/—”，不作推测；截止已过且已有进展报告而未完成的任务标为逾期，无人报告的标为“已过期限，进展不明”。", "Owners, dates and progress the plan does not state are shown as unknown, never guessed; a task past its deadline and reported on but not done is overdue, one no one has reported on is \"past deadline, progress unknown\".")
        case .reportSchoolsHeading: ("四、学校诊断", "4. School diagnosis")
        case .reportSchoolsSummary: ("全县 {1} 所学校，在校 {2} 人，教职工 {3} 人；按编制标准需 {4} 人，超编合计 {5} 人，缺编合计 {6} 人。", "{1} schools, {2} students, {3} staff; the norms call for {4}: {5} staff over and {6} short in total.")
        case .chartBaseline: ("基期", "baseline")
        case .chartTarget: ("目标", "target")
        case .chartTargetLabel: ("目标 {1}", "target {1}")
        case .chartNoData: ("暂无数据", "no data")
        case .labelCode: ("代码", "Code")
        case .labelTask: ("任务", "Task")
        case .labelStart: ("开始", "Start")
        case .labelProgress: ("进度", "Progress")
        case .labelDeadlineState: ("期限", "Deadline")
        case .labelIndicatorCode: ("指标代码", "Indicator code")
        case .labelPeriod: ("期间", "Period")
        case .labelUnit: ("单位", "Unit")
        case .labelTargetValue: ("目标值", "Target")
        case .labelTargetYear: ("目标年", "Target year")
        case .labelLatestValue: ("最新值", "Latest")
        case .labelIndicatorLinks: ("关联指标", "Indicators")
        case .labelPercentComplete: ("完成百分比", "% complete")
        case .labelLandMu: ("占地面积（亩）", "Land (mu)")
        case .labelNote: ("备注", "Note")
        case .sheetStatus: ("指标状态", "Indicator status")
        case .sheetObservations: ("观测值", "Observations")
        case .sheetTasks: ("任务清单", "Tasks")
        case .sheetSchools: ("学校诊断", "Schools")
        case .workbookFont: ("宋体", "Arial")
        case .workbookWriteFailed: ("无法写入 Excel 文件（{1}）", "cannot write the Excel file ({1})")
        case .badSuccessorBasis: ("并入依据「{1}」无效（可用：明确、推断）", "successor basis \"{1}\" is invalid (allowed: stated, inferred)")
        case .inferredWithoutSuccessor: ("并入依据为“推断”，但没有并入代码", "the successor basis says \"inferred\" but no successor code is given")
        case .successorInferredMark: ("{1}（推断）", "{1} (inferred)")
        case .reasonInferredTownship: ("原属{1}，按推断的撤并关系计入{2}，请核实。", "It belonged to {1}, counted under {2} by an inferred merger; please check.")
        case .normBlendedBasis: ("小初一体混合", "blended nine-year")
        case .fieldStudents: ("在校人数", "students")
        case .fieldStaff: ("教职人数", "staff")
        case .fieldLand: ("占地面积", "land")
        case .noDatabase: ("数据库 {1} 不存在；先运行 chengxiang init 或 chengxiang demo", "database {1} does not exist; run chengxiang init or chengxiang demo first")
        case .inputMissing: ("找不到输入文件 {1}", "input file {1} not found")
        case .notADemoDatabase: ("{1} 已存在且不是演示数据库；为避免覆盖，请换一个 --database 路径或加 --force", "{1} exists and is not a demo database; choose another --database or add --force")
        case .unknownNorm: ("没有规范「{1}」；用 chengxiang norms list 查看", "no norm \"{1}\"; see chengxiang norms list")
        case .normNeedsSource: ("须给出新值的来源", "a source for the new value is required")
        case .normBadValue: ("规范值须为有限的非负数", "a norm's value must be a finite number ≥ 0")
        case .unknownSchool: ("学校 {1} 不存在", "school {1} does not exist")
        case .unknownTownshipName: ("乡镇「{1}」不在名录中", "township \"{1}\" is not in the register")
        case .unknownAreaName: ("地区「{1}」不在名录中", "area \"{1}\" is not in the register")
        case .unknownSchoolInTownship: ("学校「{1}」不在该乡镇的学校名录中", "school \"{1}\" is not among the township's stored schools")
        case .schoolVillageColumns: ("学校名称、乡镇、所在村", "school, township, village")
        case .statusComputedYearUnknown: ("由学校名录计算为 {1}，但名录的数据年份不详，无法判断进度", "computed from the school register as {1}, but the register's data year is unknown, so progress cannot be judged")
        case .computedSource: ("学校名录计算（数据年份 {1}）", "computed from the school register (data year {1})")
        case .unknownTaskCode: ("任务「{1}」不存在", "task \"{1}\" does not exist")
        case .badNumberText: ("「{1}」不是数字", "\"{1}\" is not a number")
        case .targetNeedsValue: ("目标值须为有限数", "a target value must be a finite number")
        case .planNameBlank: ("方案名称为空", "the scenario name is blank")
        case .unknownModel: ("模型「{1}」无效（可用：pmedian、cpmedian、mclp、lscp、pcenter）", "model \"{1}\" is invalid (allowed: pmedian, cpmedian, mclp, lscp, pcenter)")
        case .unknownStage: ("学段「{1}」无效（可用：primary、junior）", "stage \"{1}\" is invalid (allowed: primary, junior)")
        case .unknownCapacityRule: ("容量规则「{1}」无效（可用：classes、land）", "capacity rule \"{1}\" is invalid (allowed: classes, land)")
        case .cmpModel: ("模型", "model")
        case .cmpStage: ("学段", "stage")
        case .cmpKept: ("保留学校", "schools kept")
        case .cmpClosed: ("撤并学校", "schools closed")
        case .cmpNew: ("新建学校", "new schools")
        case .cmpPupils: ("学生（该学段）", "pupils (this stage)")
        case .cmpMoved: ("需转学学生", "pupils moved")
        case .cmpPupilCost: ("学生·路程合计", "pupil-journey total")
        case .cmpMean: ("平均路程", "mean journey")
        case .cmpMax: ("最远路程", "longest journey")
        case .cmpWalkLimit: ("步行上限（1–3 年级）", "walking limit (grades 1–3)")
        case .cmpBeyond: ("超出步行上限的学生", "pupils beyond the walking limit")
        case .cmpYoung: ("其中 1–3 年级", "of whom grades 1–3")
        case .cmpBoarding: ("需寄宿床位", "boarding places needed")
        case .cmpStaff: ("按编制可释放教职工", "staff freed under the norm")
        case .cmpIdle: ("闲置校舍用地（亩）", "idle school land (mu)")
        case .cmpCovered: ("覆盖学生", "pupils covered")
        case .cmpObjective: ("目标值", "objective")
        case .cmpBound: ("界", "bound")
        case .cmpGap: ("差距", "gap")
        case .cmpOptimal: ("已证明最优", "proven optimal")
        case .cmpSeconds: ("用时（秒）", "seconds")
        case .cmpNotes: ("假设与说明", "assumptions and notes")
        case .reportNoChromium: ("生成 PDF 需要 Chromium：make demo 已安装；或手动 apt-get install chromium fonts-noto-cjk；也可用 --format html 在浏览器中打印", "PDF needs Chromium: make demo installs it, or apt-get install chromium fonts-noto-cjk; --format html prints from any browser")
        case .reportPrintFailed: ("Chromium 打印 PDF 失败（退出码 {1}）：{2}", "Chromium failed to print the PDF (status {1}): {2}")
        }
    }
}
