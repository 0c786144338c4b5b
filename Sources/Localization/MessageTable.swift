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
    case uiAction, uiAll, uiArea, uiBack, uiBadImportKind
    case uiBadJSON, uiByArea, uiCancel, uiCheck, uiColumn
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
    case engineForcedAndForbidden, engineDemandUnreachable, engineDemandNotCoverable, engineDemandExceedsCapacity,
        engineDemandExceedsSiteCapacity, engineNoFeasibleSolution
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
    // Web
    case webStaleForm, webNeedsJSON, webTooLarge, webNotFound, webImportExpired, webJobUnknown
    case webUnknownLanguage, webInternal, webBadID, webSolvingIteration, webSolvingBest, webSolvingBound
    case webDone, appNameCounty
    // API document
    case apiDivisions, apiSchools, apiSchool, apiDiagnostics, apiCompleteness, apiIndicators
    case apiStatuses, apiRecord, apiTasks, apiUpdateTask, apiImport, apiImportGet
    case apiImportCommit, apiImportCancel, apiScenarios, apiScenarioCreate, apiScenarioCompare, apiScenarioJob
    case apiScenario, apiOpenAPI, apiParamSchoolID, apiParamTaskCode, apiParamKind, apiParamFileName
    case apiParamSheet, apiParamToken, apiParamScenarioIDs, apiParamJob, apiParamScenario, apiSuccess
    case apiProblem, apiDescription
    // API document
    case apiTitle
    // Web
    case badNumberField
    // Map
    case uiApproximate, uiApproximateCard, uiLegendApproximate, uiApproximateNote, uiQualityUnknownMark
    // Overview
    case uiPastDeadlineTasks, uiNoPastDeadline, uiTaskDeadlineLine, uiPlanFindingsHeading
    // Import page
    case uiInChinese, uiInEnglish
    // Scenarios page
    case uiMaxWalkDerived, uiNotes
    // Units
    case unitMu
    // Command line
    case cliAbstract, cliDiscussion, optDatabase, optLang, optLangInvalid, optAsOf
    case optAsOfInvalid, optFormat, optSheet, optDryRun, optFile, optDivisionFile
    case optYear, optSource, optNoServe, optForce, optPort, optHost
    case optPlan, cmdDemo, cmdDemoDiscussion, cmdInit, cmdInitDiscussion, initCreated
    case initUpdated, initPlanLoaded, unknownPlan, demoBuilding, cmdImport, cmdImportDiscussion
    case cmdImportSchools, cmdImportSchoolsDiscussion, cmdImportDivisions, cmdImportDivisionsDiscussion, importDone, importValidated
    case importCounts, importNotReported, failRejected
    // Command line
    case cmdSchools, cmdSchoolsDiscussion, cmdDiagnose, cmdDiagnoseDiscussion
    // Command line
    case schoolInTownship
    // Command line: scenarios
    case cmdPlan, cmdPlanDiscussion, optName, optModel, optStage, optP
    case optRadius, optKeep, optExclude, optMaxWalk, optDetour, optCapacity
    case optDistances, optNewSite, optHeuristic, optTimeLimit, badNewSite, cmdScenarios
    case cmdScenariosDiscussion, optCompare, scnHeading, scnSolve, scnExact, scnHeuristic
    case scnProven, scnBound, scnGap, scnKept, scnClosed, scnNewMark
    case scnNoMoves, scnIdle, scnNone, labelOptimalShort
    // Command line: register
    case cmdDivisions, cmdDivisionsDiscussion, cmdDivisionsList, cmdDivisionsListDiscussion, optTownship, colCode
    case colName, colKind, colStatus, colLon, colLat, colQuality
    case statusCurrent, statusMerged, statusMergedInto, cmdNorms, cmdNormsDiscussion, cmdNormsList
    case cmdNormsListDiscussion, colKey, colValue, colUnit, colChecked, colSource
    case verifiedMark, secondaryMark, assumptionMark, cmdNormsSet, cmdNormsSetDiscussion, optNormKey
    case optNormValue, optNormSource, normChanged, cmdCompleteness, cmdCompletenessDiscussion, colVillages
    case colNoCode, colNoRealPosition, colPopulation, colUrbanRural, colSeat, colSchools
    case cmdAudit, cmdAuditDiscussion, optTable, optLimit, auditBefore, auditAfter
    case auditImport
    // Command line: monitoring
    case cmdIndicators, cmdIndicatorsDiscussion, cmdIndicatorsList, cmdIndicatorsListDiscussion, cmdIndicatorsStatus,
        cmdIndicatorsStatusDiscussion
    case optArea, cmdRecord, cmdRecordDiscussion, optIndicatorCode, optAreaName, optPeriod
    case optValue, optNote, recordDone, recordValidated, recordWarning, cmdObservationsImport
    case cmdObservationsImportDiscussion, cmdTarget, cmdTargetDiscussion, optTargetYear, optTargetArea, optBaseline
    case optYearAssumed, targetSet, baselineSet, cmdTasks, cmdTasksDiscussion, cmdTasksList
    case cmdTasksListDiscussion, cmdTasksUpdate, cmdTasksUpdateDiscussion, optTaskCode, optStatus, optPercent
    case optEvidence, optDeadline, optOwner, taskUpdated, cmdTasksImport, cmdTasksImportDiscussion
    case tasksImported, colIndicator, colArea, colLatest, colTarget, colExpectedNow
    case colReason, colLevels, colDirection, colIndicatorKind, colTargets, directionHigher
    case directionLower, kindEntered, kindComputed, colTask, colOwner, colDeadline
    case colProgress, colDeadlineState, colIndicators, tasksSummary
    // Command line: solve
    case cmdSolve, cmdSolveDiscussion, optSolveModel, optOrlib, optCosts, optWeights
    case optCapacities, optFacilities, optSolveRadius, optSolveKeep, optSolveExclude, optExact
    case optSeed, solveEitherInput, solveOrlibOnlyPMedian, solveUnknownCandidate, solveCannot, solveObjective
    case solveFacilities, solveProven, solveBound, solveGap, solveSeconds, progressLine
    // Command line: report and serve
    case cmdReport, cmdReportDiscussion, optReportFormat, optOut, reportWritten, cmdServe
    case cmdServeDiscussion, serveListening
    // Completeness
    case completenessInferred
    // Required columns and names
    case requiredTaskColumns, requiredDivisionColumns, requiredObservationColumns, requiredDistanceColumns, requiredDistanceUnit, flagSmall
    case flagOverstaffed, flagUnderstaffed, flagLandSurplus, flagMissingData, statusGreen, statusYellow
    case statusRed, statusGrey, languageNameZh
    // XLSX
    case xlsxPartTooLarge, xlsxTooManyRows, xlsxBadCell
    // Limits
    case numberTooLarge, costMatrixTooLarge, orlibTooLarge
    // Database
    case databaseBusy, databaseRule
    // Division rules
    case divisionNameTaken, secondCounty, divisionKindChange, divisionParentChange, divisionRevive
    // Division operations
    case ambiguousDivision, cannotMerge, cannotMove, cmdMerge, cmdMergeDiscussion, optInto
    case optInferred, optDivision, mergeDone, inferredSuffix, cmdMove, cmdMoveDiscussion
    case optTo, moveDone
    // Web security
    case webUnknownHost, optAllowHost
    // engine
    case locationReadTimeLimit
    // paging
    case uiPageOf, uiPreviousPage, uiNextPage, uiAllTownships, uiShow, apiParamLimit
    case apiParamOffset
    // web
    case webStagingUnsafe
    // engine
    case costTableTooManyRows
    // Access and accounts
    case roleAdmin, roleBureauEditor, roleTownshipEditor, roleViewer, bureauEducation, bureauNaturalResources
    case bureauAgriculture, bureauHealth, bureauFinance, accessViewer, accessAdminOnly, accessOtherBureau
    case accessCountyData, accessCountyLevel, accessOtherTownship, accessSignInFirst, signInFailed, signInLocked
    case passwordTooShort, passwordTooLong, passwordControl, userNameInvalid, userExists, userUnknown
    case userNeedsBureau, userNeedsTownship, userNoScope, userUnknownBureau, userUnknownRole, userLastAdmin
    // Access and accounts 2
    case roleWithBureau
    // Sign-in pages
    case uiSignIn, uiSignOut, uiUserName, uiPassword, uiSignedInAs, uiSignInNote
    case uiReadOnlyNote
    // CLI identity
    case optActor, optToken, optActorInvalid, cliBadToken
    // Users, backup and restore
    case cmdUsers, cmdUsersDiscussion, cmdUsersAdd, cmdUsersList, cmdUsersDisable, cmdUsersEnable
    case cmdUsersPasswd, cmdUsersToken, cmdUsersRevoke, optUserName, optRole, optBureau
    case optTokenLabel, promptPassword, passwordMissing, labelRole, labelScope, userDisabled
    case userEnabled, userAdded, userDisabledDone, userEnabledDone, userPasswordDone, userRevokedDone
    case cmdBackup, cmdBackupDiscussion, cmdRestore, cmdRestoreDiscussion, optBackupOut, optBackupFile
    case backupDone, restoreDone, backupExists, restoreNotEmpty, notABackup
    // Serve and demo access
    case demoAdministrator, optPublicRead, optBehindHTTPS
    // Account API
    case apiParamUserName, apiTokenCreate, apiUsers, apiUserCreate, apiUserChange, apiUserRevoke
    case apiBearer
    // Web 2
    case webSolverBusy
    // Web 4
    case uiClose, webTooLargeKB
    // Web 5
    case uiTaskNotSaved
    // TLS
    case tlsBadCertificate, tlsBadKey, optTLSCert, optTLSKey, optTLSBoth
    // Change log
    case uiClasses, auditInsert, auditUpdate, auditDelete, uiChanges
    // Tasks
    case taskDoneNotFull
    // Monitoring 2
    case noObservations
    // Backup 2
    case backupOntoDatabase, backupCannotWrite
    // Server
    case serverBusy
    // Export
    case uiExportCSV
    // PostgreSQL
    case postgresURLInvalid, postgresUnreachable, postgresLost, postgresNotHere
    // PostgreSQL backups
    case restoreOtherSchema, postgresToolMissing, postgresToolFailed
    // PostgreSQL timeout
    case postgresTimedOut
    // Exports
    case uiExportXLSX, uiExportGBK
    // Report downloads
    case uiReportFileName, uiReportXLSX, uiReportPDF, uiReportHTML, uiPrint
    // Templates
    case uiTemplates, uiTemplatesNote
    // Scenario rename and delete
    case planNameTooLong, uiRename, uiDeleteScenario, uiConfirmDelete, uiScenarioRenamed, uiScenarioDeleted
    // PostgreSQL review
    case postgresNoRegister, postgresDenied, restoreNotOurs
    // Import preview
    case importRatioImplausible, uiImportChanges
    // School edit form
    case schoolEditField, schoolStaffWithoutStudents, uiEditSchool, uiSchoolSaved, uiLeaveBlankUnknown
    // Chart legend
    case chartObserved, chartExpectedPath
    // Replaced values
    case uiReplacedValue
    case uiNoMatch, uiTotalRow
    case uiAllStatuses, uiAllBureaus, uiPastDeadlineOnly, uiTasksShown, uiNoTaskMatches, uiBureau
    case navSearch, uiSearchPlaceholder, uiSearchResults, uiSearchNothing, uiSearchHint, uiSearchKindSchool, uiSearchKindTownship,
        uiSearchKindVillage, uiSearchKindTask, uiSearchKindIndicator, uiSearchButton
    case guideSchools, guideDivisions, guideObservations, guideTasks, uiFormatGuide, uiColumnNames, uiRequired, uiOptional, uiGuideCommon
    case uiDataYearDefault, uiSourceDefault, uiSourceDefaultHint
    case xScenarioDecision, xPupilsNow, xPupilsAfter, xPositionQuality, xNew, xIllustrative, xApproximate, xRealPosition, xSeats,
        uiKeepHint, uiMeasuresExplained
    case planNewSiteUnused
    case xCode, xTaskName, xPercent, xDeadlineState
    case uiUnit
    case geojsonUnknownCRS, geojsonProjectedNoCRS, geojsonZoneFromPrefix, geojsonZoneUnknown, geojsonTransformFailed
    case geojsonZoneNear, geojsonCRSConflict, badCRSOption, optCRS
    case vectorUnreadable, vectorNoLayer, vectorSeveralLayers, vectorNoSuchLayer, vectorEncodingFormat, vectorEncodingNamed,
        vectorEncodingCPG, vectorEncodingDetected, vectorEncodingFailed, shapefileCountMismatch
    case layerUnknownKind, layerKindBasicFarmland, layerKindEcologicalRedline, layerKindUrbanBoundary, layerKindConstructionPlan,
        layerKindVillageConstruction, layerKindCurrentUse, layerKindHeritage, layerKindHazard, layerKindOther, conflictUnknownRelation,
        conflictUnknownSeverity, conflictMustNotOverlap, conflictMustLieWithin, conflictSeverityError, conflictSeverityWarning,
        conflictClassesOf, conflictStatement
    case layerNotFound, layerNoSuchField, layerNoFeatures, layerNoGeometry, layerEmptyGeometry, layerWrongGeometry, layerNonFinite,
        layerInvalidGeometry, layerRepairedNote, layerUnknownCRS, layerNoCRSZones, layerNoCRS, layerOutsideCounty, layerFeatureNamed,
        layerFeatureNumber, layerFeatureProblem
    case conflictSameKinds, conflictRuleExists, conflictNoRule, conflictBadArea, conflictNoLayer
    case vectorCannotWrite
    case conflictNothingToExport, conflictTitle, cxRule, cxSeverity, cxLayerA, cxFeatureA, cxLabelA, cxLayerB, cxFeatureB, cxLabelB,
        cxAreaM2, cxAreaMu, cxTownship, cxTownshipBy, cxIllustrative, townshipByBoundary, townshipByNearestSeat, townshipByNone
    case cmdLayers, cmdLayersDiscussion, cmdLayersImport, cmdLayersImportDiscussion, optLayerFile, optLayerKind, optLayerName, optEncoding,
        optSourceLayer, optClassField, optRepair, layerValidated, layerImported, layerFacts, cmdLayersList, colLayerKind, colFeatures,
        colAreaM2, colAreaMu, colSourceFile, colCRS, colImported, illustrativeName, layersNone, cmdLayersExport, optVectorFormat,
        optExportCRS, layerExported, cmdLayersDelete, layerDeleted, cmdConflicts, cmdConflictsDiscussion, cmdConflictsCheck,
        cmdConflictsExport, optConflictFormat, conflictsExported, cmdConflictRules, cmdConflictRulesList, colRuleID, colRule, colMinArea,
        colSeverity, colEnabled, cmdConflictRulesAdd, cmdConflictRulesAddDiscussion, optRuleA, optRuleRelation, optRuleB, optRuleClasses,
        optMinArea, optSeverity, conflictRuleAdded, cmdConflictRulesSet, optRuleID, optRuleEnabled, conflictRuleSet, conflictsMeasuredIn,
        conflictsNone, colTownship, colPatches, colFeatureA, colFeatureB, conflictSkippedLine
    case layerEmptyName
    case cmdLayersListDiscussion, cmdLayersExportDiscussion, cmdLayersDeleteDiscussion, cmdConflictsCheckDiscussion,
        cmdConflictsExportDiscussion, cmdConflictRulesDiscussion, cmdConflictRulesListDiscussion, cmdConflictRulesSetDiscussion
    case uiAreaM2Mu
    case navLayers, navConflicts, layersPageNote, uiSystems, uiEncoding, uiRepaired, uiDownload, uiConflictsOnMap, uiConflictSummary,
        uiConflictRules, uiChecked, uiConflictRulesEdit
    case layerDemoNeedsOutline, layerDemoBlock, layerDemoMountainSite, cxName
    case apiLayers, apiConflicts
    case uiChange, uiRuleNotSaved
    case layerLooksGCJ02
    case uiGeoJSONDegrees
    case villageTypeGather, villageTypeSuburban, villageTypeHeritage, villageTypeRelocate, villageTypeUnclassified, heritageNone,
        heritageTraditional, heritageHistoric, heritageBoth, conditionUrbanBoundary, conditionNearSeat, conditionHeritage,
        conditionConstrained, conditionSmallShrinking, conditionLarge, conditionOtherwise, villageRuleStatement, assetKindSchool,
        assetKindVillageOffice, assetKindHomestead, assetKindMining, assetKindTransport, assetKindScattered, assetKindOther,
        assetReuseGrassroots, assetReuseReclaim, assetReuseNone, assetStatusIdle, assetStatusPlanned, assetStatusInUse,
        assetStatusReclaimed, assetOwnerCollective, assetOwnerState, assetOwnerOther, parkStatusPlanned, parkStatusBuilding, parkStatusBuilt
    case zonePriority, zoneOptimise, zoneModerate, zoneProtect, criterionFarmland, criterionHighStandard, criterionIrrigated,
        criterionMarket, criterionConstrained, criterionPopulation
    case yearMissing, unknownDivisionCode, notAVillage, areaZero, unknownHeritage, partAboveFarmland, householdsAbovePopulation,
        duplicateVillageYear, villageColumns, assetColumns, unknownAssetKind, areasDisagree, unknownAssetOwner, unknownAssetStatus,
        enterpriseColumns, unknownPark
    case ruleSkippedNoUrbanLayer, ruleSkippedNoConstraintLayer, ruleSkippedNoSeat, ruleHeldButEarlierUnknown, noRuleHeld,
        missingVillagePosition, missingHeritage, missingPopulation, missingPopulationTrend, valueUrbanShare, valueConstrainedShare,
        valueSeatDistance, valueDecline, valuePopulation, measureResident, measureRegistered, rolledUpNote
    case unknownVillageRule, ruleTypeUnclassified, ruleNoThreshold, badRuleThreshold, badMergeOptions, villagesTitle, colVillageType,
        colYear, colDecline, colHeritage, colSeatKm, colReasons, colVillage, colNote, colDate, colEvidence, colType, colThreshold,
        colWeight, colScore, colZone, colJobs, colOutput, colInvestment, colEnterprises, colSector, colPark, navVillages
    case assetExists, unknownAsset, assetsTitle, colProposedUse, colActualUse
    case parkFieldsBlank, parkNameTaken, unknownLayerFeature, parksTitle
    case weightsFileMalformed
    case badWeights, unknownCriterion, ahpShape, ahpInconsistent, ahpNotReciprocal, ahpBadJudgement, badBreaks, zoningNoData, zoningTitle,
        colUnstable
    case scenarioAlreadyAdopted, schoolAlreadyClosed, adoptedAssetName, adoptedTaskName, scenarioNotAdopted, planIndicatorAssumption
    case scenarioAdoptedNoDelete
    case importKindVillages, importKindAssets, guideVillages, guideAssets
    case travelByDetour
    case optAreaM2, colMergeTarget, colTravelKm, uiNow, uiUnderPlan, villageRulesOrderNote, mergeCandidatesNone, ahpConsistent,
        zoningDefaultWeights, zoningStability, zoningUnzoned, parksNone, assetsNone, adoptionReverted, adopted, assetUpdated,
        assetsImported, assetsValidated, cmdAdopt, cmdAdoptDiscussion, cmdAssets, cmdAssetsDiscussion, cmdAssetsImport,
        cmdAssetsImportDiscussion, cmdAssetsList, cmdAssetsListDiscussion, cmdAssetsUpdate, cmdAssetsUpdateDiscussion, cmdImportVillages,
        cmdImportVillagesDiscussion, cmdMergeCandidates, cmdMergeCandidatesDiscussion, cmdParks, cmdParksDiscussion, cmdParksAdd,
        cmdParksAddDiscussion, cmdParksImport, cmdParksImportDiscussion, cmdParksList, cmdParksListDiscussion, cmdVillageRules,
        cmdVillageRulesDiscussion, cmdVillageRulesList, cmdVillageRulesListDiscussion, cmdVillageRulesSet, cmdVillageRulesSetDiscussion,
        cmdVillages, cmdVillagesDiscussion, cmdVillagesClassify, cmdVillagesClassifyDiscussion, cmdZoning, cmdZoningDiscussion,
        cmdZoningRun, cmdZoningRunDiscussion, communitiesNotClassified, enterprisesImported, enterprisesValidated, optActualUse,
        optAssetDate, optAssetID, optAssetStatus, optBoundaryFeature, optBoundaryLayer, optIndustries, optMaxPopulation, optMaxTravelKm,
        optMinDecline, optOutXLSX, optParkKind, optParkName, optParkStatus, optProposedUse, optRevert, optRulePosition, optSaveWeights,
        optScenario, optSecondThreshold, optThreshold, optVillageType, optVillageYear, parkAdded, tableWritten, villagesImported,
        villagesValidated
    case navZoning, navParks, navAssets, uiVillageRules, uiVillageRulesEdit, uiMergeCandidates, zoningMethod, uiCostCriterion,
        uiBenefitCriterion, uiZoningWeights, uiDirection, uiNormalisedWeight, uiIndustries, uiBoundary, uiNoBoundary, uiParkFigures,
        parkNoEnterprises, uiParksImport, assetsSummary, uiAdoption, uiNotAdopted, uiConfirmAdopt, uiConfirmRevert, uiAdopt,
        uiRevertAdoption, apiVillages, apiVillageRules, apiMergeCandidates, apiZoning, apiParks, apiAssets, apiAdopt, apiRevertAdoption
    case optRuleEnable, optRuleDisable, enableAndDisable
    case uiAssetInUseOrPlanned
    case adoptionTaskExists, adoptedStageTaskName, revertWouldLoseWork
    case optRevertForce, saveNeedsWeights, uiRevertForce
    case ahpDuplicateCriterion, zoningDropped
    case uiPlannedClosure, uiPlannedStageClosure
    case colVillagePopulation, colRuleNumber, colAssetOwner, optZoningWeights, optParkTownship, yearColumnMissing, ruleLimitedNoHazard,
        ruleLimitedNoRedline, hintDisableSeatRule, villageNameMismatch, assetAreaZero, assetPlaceMissing, historicalTownship,
        villageNotInTownship, nothingToChange, boundaryFeatureWithoutLayer, weightsFileShape, weightsFileJSON, cannotWriteFile,
        outNeedsXLSXOrCSV, partialSum, zoningUnstableWeb
    case colReported
    case colStraightKm, colTravelBasis
    case cmdParksSet, cmdParksSetDiscussion, parkUpdated
    case colTargetPopulation
    case roadExpressway, roadNational, roadProvincial, roadCounty, roadTownship, roadVillage, roadUrban, roadFootpath, roadFerry, roadClosed
    case roadNoClassField, roadNotALine, roadUnknownClass, roadBadTolerance, roadBadSpeed, pointDuplicateID, pointTableEmpty
    case roadSpeedSetByCounty
    case roadSearchFailed, pointsNeedCRS, odFarFromRoad, odOnIsland, odSpeedsAssumed
    case cmdRoads, cmdRoadsImport, cmdRoadsImportDiscussion, cmdRoadsShow, cmdRoadsSetClass, cmdNetwork, cmdNetworkOD,
        cmdNetworkODDiscussion, optRoadsFile, optRoadClassField, optTolerance, optOrigins, optDestinations, optTravelBy, optRoadClassKey,
        optSpeed, optExcluded, optSpeedSource, roadsImported, roadsValidated, roadsGraphFacts, roadsPiecesApart, roadsIllustrative,
        roadsExcluded, roadsStored, roadsNone, roadsClassSet, colRoadClass, colLengthKm, colSpeedKmh
    case roadUnknownClassKey
    case planNetworkDistances, planNetworkIllustrative
    case cmdRoadsDiscussion, cmdRoadsShowDiscussion, cmdRoadsSetClassDiscussion, cmdNetworkDiscussion
    case accessPrimary, accessJunior, accessKindergarten, accessUnplaced, accessOnNetwork, accessOnIllustrativeNetwork,
        accessStraightLineWalk, accessStraightLineRoad, accessWalkSpeed, accessFacilityPositions, accessIllustrativeVillages,
        accessNoPopulation, accessVillageSheet, accessTownshipSheet, accessNearest, accessKm, accessMinutes, accessWithin, accessYes,
        accessNo, accessUnreachable, accessIllustrativeMark, accessVillages, accessPopulationWithin, accessSharePercent, accessMeanMinutes,
        accessMaxMinutes, accessUnreachableCount
    case cmdAccess, cmdAccessDiscussion, cmdAccessReport, cmdAccessReportDiscussion, optAccessService, accessXLSXNeedsOut, accessWritten,
        accessHeading, accessEquity, noteBullet
    case accessVillagesWithin
    case roadsDemoNeedsPositions
    case roadsSkippedOSM
    case healthCountyHospital, healthCenter, healthClinic, unifyAdministration, unifyPersonnel, unifyBusiness, unifyDrugs, unifyFinance,
        unifyPerformance, unifyDone, unifyPartial, unifyNotStarted
    case healthColumns, healthUnknownKind, healthClinicNeedsVillage, healthCenterNeedsTownship, healthNoCounty
    case healthUnknownCenter
    case cmdImportClinics, cmdImportClinicsDiscussion, clinicsImported, clinicsValidated, cmdHealth, cmdHealthDiscussion, cmdHealthStatus,
        cmdHealthStatusDiscussion, cmdHealthSet, cmdHealthSetDiscussion, optHealthCenter, optUnificationItem, optUnificationStatus, optDate,
        healthUnknownItem, healthUnknownStatus, healthItemSet, healthCounts, healthClinicsCol, healthNoCenters, healthTownshipsWithout,
        healthWithoutClinic, healthAllianceTask, importKindClinics
    case accessHealthCenter, accessClinic, accessNoFacilities
    case accessBandHalf, accessBandWithin, accessBandOver, accessBandFar, healthUnificationHeading, healthAllianceHeading,
        healthFacilitiesHeading, healthDoctors, healthVillageDoctors, healthNurses, healthBeds, healthAlliance, navAccess, navHealth,
        accessTitle, healthTitle, apiAccess, apiHealth, apiRoads
    case accessUnknownService, apiParamService
    case guideClinics
    case pointsZonePrefixed
    case accessFarFromRoad, accessOnIsland, accessHealthPositions, accessOneTownship
    case roadsClassExcluded
    case roadsSkippedLines
    case healthBadDate, healthVillagesIn, pointColumnsDegrees, pointColumns
    case pupilColumns, pupilUnknownLevel, pupilBadGrade, pupilTotalAndGrades
    case importKindPupils, guidePupils, cmdImportPupils, cmdImportPupilsDiscussion
    case accessWeightedByPupils, accessNoPupils, accessPupilsColumn, accessPupilsWithin
}

/// The localisation table: one entry per key, Chinese first. `{1}`, `{2}` … are arguments.
/// A switch, so a key without both texts does not compile.
enum MessageTable {
    static func entry(_ key: MessageKey) -> (zh: String, en: String) {
        switch key {
        case .fileUnreadable: ("无法读取文件 {1}", "cannot read file {1}")
        case .fileEmpty: ("文件为空", "the file is empty")
        case .fileLegacyXLS:
            (
                "这是旧版 Excel（.xls）文件，请在 Excel/WPS 中另存为 .xlsx 或 CSV 后再导入",
                "this is a legacy Excel (.xls) file; save it as .xlsx or CSV in Excel/WPS and import again"
            )
        case .sheetOnlyForXLSX: ("--sheet 只适用于 XLSX 文件", "--sheet applies to XLSX files only")
        case .encodingUTF16:
            (
                "文件是 UTF-16 编码，请另存为 UTF-8 或 GBK 的 CSV",
                "the file is UTF-16 encoded; save it as CSV in UTF-8 or GBK"
            )
        case .encodingBinary:
            (
                "文件含有空字节，不是文本文件（或为 UTF-16 编码）",
                "the file contains NUL bytes: it is not a text file (or it is UTF-16)"
            )
        case .encodingInvalidUTF8:
            (
                "文件编码错误：按 {1} 读取时出现无效字节，请确认文件为 UTF-8 或 GBK 编码",
                "wrong encoding: invalid bytes when reading as {1}; make sure the file is UTF-8 or GBK"
            )
        case .encodingInvalidGB:
            (
                "文件编码错误：既不是有效的 UTF-8，也不是有效的 GBK/GB18030",
                "wrong encoding: the bytes are neither valid UTF-8 nor valid GBK/GB18030"
            )
        case .csvUnterminatedQuote:
            (
                "引号未闭合：从此行开始的单元格缺少结束引号",
                "unterminated quote: a cell starting on this row has no closing quote"
            )
        case .xlsxNotAWorkbook: ("文件不是有效的 XLSX 工作簿", "the file is not a valid XLSX workbook")
        case .xlsxNoSheets: ("工作簿中没有工作表", "the workbook has no worksheets")
        case .xlsxSheetMissing: ("工作簿中没有名为「{1}」的工作表（现有：{2}）", "the workbook has no sheet named \"{1}\" (it has: {2})")
        case .xlsxPartMissing: ("XLSX 文件缺少部件 {1}", "the XLSX file lacks its part {1}")
        case .xlsxBrokenXML: ("XLSX 内部 XML 损坏（第 {1} 行附近）", "the XLSX file's XML is broken (near line {1})")
        case .geojsonNotJSON: ("文件不是有效的 JSON", "the file is not valid JSON")
        case .geojsonNotFeatureCollection:
            (
                "GeoJSON 顶层应为 FeatureCollection 或 Feature",
                "the GeoJSON top level must be a FeatureCollection or a Feature"
            )
        case .geojsonBadGeometry: ("第 {1} 个要素的几何无法识别：{2}", "feature {1}: geometry not understood: {2}")
        case .geometryNonFinite:
            (
                "第 {1} 个要素 第 {2} 环 第 {3} 个坐标不是有限数",
                "feature {1} ring {2} position {3} is not a finite number"
            )
        case .geometryOutOfRange:
            (
                "第 {1} 个要素 第 {2} 环 第 {3} 个坐标 ({4}, {5}) 超出经纬度范围；坐标应为经纬度（WGS84/CGCS2000），不是投影坐标",
                "feature {1} ring {2} position {3} ({4}, {5}) is outside longitude/latitude range; coordinates must be degrees (WGS84/CGCS2000), not projected metres"
            )
        case .geometryTooFewPositions:
            (
                "第 {1} 个要素 第 {2} 环只有 {3} 个坐标，至少需要 4 个",
                "feature {1} ring {2} has {3} positions; at least 4 are needed"
            )
        case .geometryNotClosed: ("第 {1} 个要素 第 {2} 环未闭合（首尾坐标不同）", "feature {1} ring {2} is not closed (first and last positions differ)")
        case .geometrySelfIntersection: ("第 {1} 个要素 第 {2} 环自相交，位置约 {3}", "feature {1} ring {2} crosses itself near {3}")
        case .headerNotFound:
            (
                "前 10 行中找不到表头；表头须含：{1}",
                "no header found in the first 10 rows; it must contain: {1}"
            )
        case .missingColumns: ("缺少必需的列：{1}", "required column missing: {2}")
        case .raggedRow: ("此行有 {1} 列，表头有 {2} 列", "this row has {1} cells but the header has {2}")
        case .noDataRows: ("表头之后没有数据行", "there are no data rows after the header")
        case .moreErrors: ("另有 {1} 处问题未列出", "{1} more issues not listed")
        case .notANumber: ("「{1}」不是数字", "\"{1}\" is not a number")
        case .negativeNumber: ("「{1}」为负数", "\"{1}\" is negative")
        case .notWholeNumber: ("「{1}」应为整数", "\"{1}\" must be a whole number")
        case .badYear: ("「{1}」不是有效年份", "\"{1}\" is not a valid year")
        case .unknownTownship: ("乡镇「{1}」不在区划名录中（现有：{2}）", "township \"{1}\" is not in the division register (known: {2})")
        case .ambiguousTownship: ("乡镇「{1}」有多个匹配：{2}", "township \"{1}\" matches several units: {2}")
        case .townshipBlankAtStart: ("乡镇为空，且上方没有可沿用的乡镇", "the township is blank and there is no township above to continue")
        case .schoolNameBlank: ("学校名称为空，但本行有数据", "the school name is blank but the row has figures")
        case .unknownLevel: ("规模「{1}」无法识别（可用：{2}）", "level \"{1}\" not recognised (allowed: {2})")
        case .staffWithoutStudents:
            (
                "教职人数为 {1}，但在校人数为空",
                "staff is {1} but the number of students is missing"
            )
        case .duplicateSchool: ("学校「{1}」在{2}重复（首次出现在第 {3} 行）", "school \"{1}\" appears twice in {2} (first on row {3})")
        case .unknownVillage: ("村「{1}」不在{2}的村名录中", "village \"{1}\" is not in the register of {2}")
        case .divisionNameBlank: ("名称为空", "the name is blank")
        case .badDivisionCode:
            (
                "区划代码「{1}」无效：应为 6、9 或 12 位数字",
                "division code \"{1}\" is invalid: it must be 6, 9 or 12 digits"
            )
        case .duplicateCode: ("区划代码 {1} 重复（首次出现在第 {2} 行）", "division code {1} appears twice (first on row {2})")
        case .unknownDivisionKind:
            (
                "类型「{1}」无法识别（可用：县、镇、乡、街道、行政村、社区）",
                "kind \"{1}\" not recognised (allowed: county, town, township, subdistrict, village, community)"
            )
        case .unknownParent: ("上级区划「{1}」不在名录中，也不在本文件中", "parent division \"{1}\" is neither in the register nor in this file")
        case .duplicateDivisionName: ("同一上级下名称「{1}」重复（首次出现在第 {2} 行）", "name \"{1}\" appears twice under the same parent (first on row {2})")
        case .badUrbanRuralClass:
            (
                "城乡分类代码 {1} 无效（可用：111、112、121、122、123、210、220）",
                "urban–rural class {1} is invalid (allowed: 111, 112, 121, 122, 123, 210, 220)"
            )
        case .badCoordinates:
            (
                "经纬度「{1}, {2}」无效：须同时给出经度 −180…180 和纬度 −90…90",
                "coordinates \"{1}, {2}\" are invalid: give both longitude −180…180 and latitude −90…90"
            )
        case .badLocationQuality:
            (
                "位置质量「{1}」无效（可用：surveyed 实测、published 公开、approximate 近似、illustrative 示意、unknown 不详）",
                "location quality \"{1}\" is invalid (allowed: surveyed, published, approximate, illustrative, unknown)"
            )
        case .badStatus: ("状态「{1}」无效（可用：current/现行、historical/已撤并）", "status \"{1}\" is invalid (allowed: current, historical)")
        case .reasonSmallSchool: ("在校生 {1} 人，不足 {2} 人，属小规模学校。", "{1} students, fewer than {2}: a small school.")
        case .reasonOverstaffed:
            (
                "生师比 {1}:1，低于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，超编 {6} 人。",
                "{1} students per staff member: below the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} over."
            )
        case .reasonUnderstaffed:
            (
                "生师比 {1}:1，高于{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，缺编 {6} 人。",
                "{1} students per staff member: above the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: {6} short."
            )
        case .reasonWithinNorm:
            (
                "生师比 {1}:1，{2}编制标准 {3}:1；按标准需教职工 {4} 人，现有 {5} 人，基本相符。",
                "{1} students per staff member against the {2} norm of {3}:1; the norm calls for {4} staff, the school has {5}: about right."
            )
        case .reasonLandSurplus:
            (
                "生均占地 {1} m²，高于阈值 {2} m²（{3}），土地利用偏低。",
                "{1} m² of land per student, above the threshold of {2} m² ({3}): land under-used."
            )
        case .reasonMissingData: ("缺少{1}，无法完成诊断。", "Missing {1}: the diagnosis is incomplete.")
        case .reasonNoNorm: ("{1}没有设定编制标准，未判断超编或缺编。", "No staffing norm is set for {1}; surplus or deficit not judged.")
        case .reasonNineYearAssumption:
            (
                "小初一体学校学段人数未知，按小学:初中 = {1} 混合编制标准（{2}:1），此为假设。",
                "A nine-year school with an unknown split: norms blended as primary:junior = {1} ({2}:1), an assumption."
            )
        case .reasonWaste:
            (
                "学生少且教职工超编，教育资源浪费，宜在妥善安置学生后考虑撤并。",
                "Few students and surplus staff: educational resources wasted; consider consolidation once pupils are placed."
            )
        case .reasonClassSize: ("平均班额 {1} 人，超过{2}班额上限 {3} 人。", "average class of {1}, above the {2} limit of {3}.")
        case .reasonHistoricalTownship:
            (
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
        case .summaryTitle: ("{1}学校诊断（{2} 所学校；数据：{3}）", "{1} school diagnosis ({2} schools; data: {3})")
        case .summaryNorms:
            (
                "编制标准（生/教职工）：小学 {1}、初中 {2}、高中 {3}；小初一体按小学:初中 = {5} 混合为 {4}（假设）",
                "Staffing norms (students per staff): primary {1}, junior {2}, senior {3}; nine-year schools blended {5} to {4} (an assumption)"
            )
        case .summaryConfirmedHeading: ("一、与规划结论一致", "1. The plan's finding, checked")
        case .summaryPlanSays: ("规划原文：「{1}」", "The plan says: \"{1}\"")
        case .summaryNotConfirmed: ("{1}：诊断未发现资源浪费（或数据不足）", "{1}: the diagnosis finds no waste (or lacks data)")
        case .summaryMissedHeading: ("二、规划未指出", "2. What the plan does not say")
        case .summaryStaffBalance:
            (
                "全县按编制标准需教职工 {1} 人，现有 {2} 人：{3} 所学校共超编 {4} 人，{5} 所学校共缺编 {6} 人——编制可在县域内统筹调剂。",
                "The norms call for {1} staff county-wide and there are {2}: {3} school(s) have {4} too many, {5} school(s) have {6} too few — staff can be reallocated within the county."
            )
        case .summaryLandSurplus: ("生均占地偏高：{1}（阈值 {2}，{3}）", "High land per student: {1} (threshold {2}, {3})")
        case .labelAssumption: ("假设值，请确认", "an assumption, please confirm")
        case .labelCountySetting: ("县级设定", "county setting")
        case .summaryGapsHeading: ("三、数据缺口", "3. Data gaps")
        case .summaryMore: ("完整诊断：chengxiang schools diagnose --database {1}", "Full diagnosis: chengxiang schools diagnose --database {1}")
        case .gapSchoolsNotReported:
            ("未上报学校数据（表中有乡镇、无学校行，不等于没有学校）：{1}", "No school data reported (listed with no rows, which does not mean no schools): {1}")
        case .gapSchoolsNotMentioned: ("学校表未提及：{1}", "Not mentioned in the school table: {1}")
        case .gapHistoricalTownship: ("{1} 所属的{2}已撤并，现归属乡镇不详", "{1} belongs to {2}, which was merged away; its current township is unknown")
        case .gapVillageCodes: ("{1} 个村（社区）中 {2} 个没有区划代码", "{2} of {1} villages/communities have no division code")
        case .gapVillagePositions:
            (
                "{1} 个村（社区）中 {2} 个没有实测或公开的位置：示意位置 {3} 个，近似位置 {4} 个",
                "{2} of {1} villages/communities have no surveyed or published position: {3} illustrative, {4} approximate"
            )
        case .gapVillagePopulation:
            (
                "{1} 个村（社区）中有人口数据的 {2} 个，有城乡分类代码的 {3} 个",
                "of {1} villages/communities, {2} have population and {3} have an urban–rural class code"
            )
        case .statusNoData: ("暂无数据", "no data")
        case .statusStale: ("最新数据为 {1} 年（{2}），已过时", "the latest data, {1} ({2}), is stale")
        case .statusNoTarget: ("{1} 实际 {2}；未设定目标", "{1} actual {2}; no target set")
        case .statusMet: ("{1} 实际 {2}，已达到目标 {4}（目标年 {3}）", "{1} actual {2}: the target of {4} (by {3}) is met")
        case .statusTargetPassed: ("目标年 {1} 已过，{2} 实际 {3}，未达目标 {4}", "the target year {1} has passed: {2} actual {3}, target {4} not met")
        case .statusNoPath:
            (
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
        case .unknownTaskStatus:
            ("状态「{1}」无效（可用：未知、未开工、推进中、已完成、暂停）", "status \"{1}\" is invalid (allowed: unknown, not_started, in_progress, done, suspended)")
        case .badPercent: ("完成百分比「{1}」应在 0–100 之间", "percent complete \"{1}\" must be between 0 and 100")
        case .badDate: ("日期「{1}」无效：应为 2025、2025-06 或 2025-06-30", "date \"{1}\" is invalid: write 2025, 2025-06 or 2025-06-30")
        case .requiredCellBlank: ("必填项为空", "a required cell is blank")
        case .unknownTask: ("任务「{1}」不存在", "task \"{1}\" does not exist")
        case .appName: ("城乡 · 城乡融合规划与监测", "Chengxiang · urban–rural planning and monitoring")
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
        case .uiAll: ("全部", "all")
        case .uiArea: ("地区", "Area")
        case .uiBack: ("返回", "Back")
        case .uiBadImportKind: ("kind 应为 schools、divisions、observations 或 tasks", "kind must be schools, divisions, observations or tasks")
        case .uiBadJSON: ("请求体不是所需格式的 JSON", "the request body is not JSON of the expected shape")
        case .uiByArea: ("分地区", "By area")
        case .uiCancel: ("取消", "Cancel")
        case .uiCheck: ("检查", "Check")
        case .uiColumn: ("列", "column")
        case .uiColumnName: ("列名", "column name")
        case .uiCommit: ("确认导入", "Commit")
        case .uiCompleteness: ("数据完整性", "Data completeness")
        case .uiCompletenessNote:
            (
                "“未上报”指表中列出乡镇但无数据行，不等于没有学校；示意位置仅供显示，不是实测。",
                "\"Not reported\" means the township was listed with no rows, not that it has no schools; illustrative positions are for display only."
            )
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
        case .uiIllustrativeNote:
            (
                "虚线圈为示意位置（共 {1} 处）：来源未给坐标，按文档化规则在县界内生成，导入实测坐标后自动替换。",
                "Dashed circles are illustrative positions ({1}): no source gives their coordinates; they are placed inside the county by a documented rule and replaced when real coordinates are imported."
            )
        case .uiImportCheck: ("导入检查", "Import check")
        case .uiImportCommitted: ("已导入 {1}（{2} 行）", "imported {1} ({2} rows)")
        case .uiImportDone: ("导入完成", "Import done")
        case .uiImportInvalid:
            ("发现 {1} 处错误，未写入任何数据。请修改文件后重新上传。", "{1} errors found; nothing was written. Correct the file and upload it again.")
        case .uiImportKind: ("数据类型", "Kind of data")
        case .uiImportNote:
            (
                "先检查、后写入：检查时不改动数据库；确认后全部写入，任何错误都不会写入一部分。上传上限 {1} MB。",
                "Check first, then commit: checking writes nothing; committing writes all rows or none. Upload limit {1} MB."
            )
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
        case .uiNormNote:
            (
                "编制标准：小学 {1}、初中 {2}、高中 {3} 生/教职工；小初一体按小学:初中 = {4} 混合（假设）。可在命令行 chengxiang norms set 修改。",
                "Norms: primary {1}, junior {2}, senior {3} students per staff; nine-year schools blended {4} (an assumption). Change them with chengxiang norms set."
            )
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
        case .uiTaskNote:
            (
                "规划未写明的责任单位、日期、进度显示为“未明确/未定/进度未知”；截止已过、已有进展报告而未完成的任务标为逾期，无人报告的标为“已过期限，进展不明”；“假设”的截止是系统对规划期末的理解。",
                "Owners, dates and progress the plan does not state are shown as unknown; a task past its deadline, reported on and not done is overdue, one no one has reported on is \"past deadline, progress unknown\"; an \"assumed\" deadline is the system's reading of the plan period's end."
            )
        case .uiTaskSaved: ("已保存 {1}", "saved {1}")
        case .uiTaskSummary: ("共 {1} 项，逾期 {2} 项，已过期限、进展不明 {3} 项", "{1} tasks: {2} overdue, {3} past their deadline with progress unknown")
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
        case .summaryScenariosHeading: ("四、学校布局方案", "4. School consolidation scenarios")
        case .summaryScenarioLine:
            (
                "保留现有 {1} 所、撤并 {2} 所、新建 {6} 所，转学 {3} 人，平均路程 {4}，按编制可释放教职工 {5} 人",
                "keeps {1} existing schools, closes {2}, builds {6}, moves {3} pupils, mean journey {4}, frees {5} staff under the norm"
            )
        case .summaryScenarioCompare:
            (
                "对比：chengxiang schools scenarios --compare {1} --database {2}",
                "Compare: chengxiang schools scenarios --compare {1} --database {2}"
            )
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
        case .engineCostCount:
            ("成本数据数量不符：应为 {1} 个（需求点数 × 候选点数），实际为 {2} 个。", "Wrong number of costs: expected {1} (demand points × candidate sites), got {2}.")
        case .engineWeightCount: ("需求权重数量不符：应为 {1} 个，实际为 {2} 个。", "Wrong number of demand weights: expected {1}, got {2}.")
        case .engineCapacityCount:
            ("容量数量不符：应为 {1} 个（每个候选点一个），实际为 {2} 个。", "Wrong number of capacities: expected {1} (one per candidate site), got {2}.")
        case .engineInvalidCost:
            (
                "「{1}」到「{2}」的成本无效（NaN、无穷或负数）；不可达请标为不可达。",
                "The cost from \"{1}\" to \"{2}\" is invalid (NaN, infinite or negative); mark unreachable pairs as unreachable."
            )
        case .engineInvalidWeight: ("「{1}」的需求量无效（负数、NaN 或无穷）。", "The demand of \"{1}\" is invalid (negative, NaN or infinite).")
        case .engineInvalidCapacity: ("「{1}」的容量无效（负数、NaN 或无穷）。", "The capacity of \"{1}\" is invalid (negative, NaN or infinite).")
        case .engineInvalidRadius: ("服务半径无效（负数、NaN 或无穷）。", "The service radius is invalid (negative, NaN or infinite).")
        case .enginePNotPositive: ("保留数量 p = {1} 无效：至少应为 1。", "p = {1} is invalid: keep at least 1.")
        case .enginePExceedsCandidates:
            ("保留数量 p = {1} 超过了可选的学校或候选点数量（{2} 个）。", "p = {1} is more than the schools or sites that may be chosen ({2}).")
        case .enginePBelowForced: ("保留数量 p = {1} 小于必须保留的数量（{2} 个）。", "p = {1} is fewer than the {2} that must stay open.")
        case .engineSiteOutOfRange:
            ("候选点编号 {1} 超出范围（共 {2} 个候选点，编号从 0 开始）。", "Candidate index {1} is out of range ({2} candidates, numbered from 0).")
        case .engineForcedAndForbidden: ("「{1}」同时被设为“必须保留”和“不得选择”。", "\"{1}\" is both kept open and excluded.")
        case .engineDemandUnreachable: ("「{1}」无法到达任何可选的学校或候选点。", "\"{1}\" cannot reach any school or site that may be chosen.")
        case .engineDemandNotCoverable:
            (
                "「{1}」在服务半径内没有可选的学校或候选点，无法全部覆盖。",
                "\"{1}\" has no school or site that may be chosen within the radius, so full coverage is impossible."
            )
        case .engineDemandExceedsCapacity:
            ("总需求 {1} 超过了 p 个可选设施的最大总容量 {2}。", "Total demand {1} exceeds the largest total capacity of p facilities ({2}).")
        case .engineDemandExceedsSiteCapacity:
            ("「{1}」的需求量超过了所有可到达的学校或候选点的容量。", "The demand of \"{1}\" exceeds the capacity of every school or site that can reach it.")
        case .engineNoFeasibleSolution:
            ("找不到可行方案：没有任何 p 个设施的组合能够服务所有需求点。", "No feasible solution: no combination of p facilities serves every demand point.")
        case .engineStopped:
            ("求解在找到可行方案之前已停止（超时或被取消）。", "The solver stopped (time limit or cancellation) before it found a feasible solution.")
        case .engineMalformedORLibrary: ("OR-Library 数据格式错误（第 {1} 行）。", "Malformed OR-Library data at line {1}.")
        case .planAmbiguousSchool:
            ("「{1}」有多所同名学校：{2}；请写「乡镇/学校」或学校编号", "\"{1}\" names several schools: {2}; write \"township/school\" or the school's id")
        case .planInvalidSite:
            (
                "新址「{1}」的经纬度 ({2}, {3}) 无效：须为有限数，经度 −180…180、纬度 −90…90",
                "new site \"{1}\": coordinates ({2}, {3}) are invalid: they must be finite, longitude −180…180 and latitude −90…90"
            )
        case .planDuplicateSite: ("新址名称「{1}」重复，或与现有学校同名", "the new site name \"{1}\" is given twice or is already a school's name")
        case .planBadNumber: ("{1} = {2} 无效：应为 {3}", "{1} = {2} is invalid: it must be {3}")
        case .planSplitNote:
            (
                "小初一体学校按小学段 {1}%、初中段 {2}% 拆分学生和教职工（假设，可用 norms set 修改）。",
                "Nine-year schools' pupils and staff are split {1}% primary, {2}% junior (an assumption; change it with norms set)."
            )
        case .planWalkNote:
            (
                "1–3 年级按小学生的一半计（假设）；其超出步行上限（{1}）者原则上不宜寄宿，需校车等安排。",
                "Grades 1–3 are taken as half the primary pupils (an assumption); those beyond the {1} walk should not board and need transport."
            )
        case .planWalkLimitDerived:
            (
                "步行上限（{1}）由 1–3 年级单程 {2} 分钟（{3}）与儿童步行速度 {4} 公里/小时（{5}）推得。",
                "The walking limit of {1} comes from a {2}-minute journey for grades 1–3 ({3}) at a child's walking speed of {4} km/h ({5})."
            )
        case .planIllustrativeNote:
            (
                "{1} 所学校的位置为示意位置，距离仅供演示，导入实测坐标或距离表后重算。",
                "Schools at illustrative positions: {1}; distances are for demonstration until real coordinates or a distance table are imported."
            )
        case .planStraightLineNote:
            (
                "距离按直线 × 绕行系数 {1} 计算（未导入路网或距离表）。",
                "Distances are straight lines × a detour factor of {1} (no road network or distance table loaded)."
            )
        case .planMissingPairsMinutes: ("距离表缺 {1} 对，视为不可达。", "{1} pairs missing from the distance table were treated as unreachable.")
        case .planMissingPairsKm:
            ("距离表缺 {1} 对，按直线 × 绕行系数估算。", "{1} pairs missing from the distance table were estimated as straight line × detour.")
        case .planApproximateNote:
            ("{1} 所学校的位置为近似位置（公开来源，但非该校本身的坐标）。", "Schools at approximate positions (published, but not the school's own point): {1}.")
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
        case .denominatorAssumed:
            ("比例的分母「{1}」为系统选定，规划未指明（假设）", "the ratio's denominator, {1}, is the system's choice; the plan does not name it (an assumption)")
        case .latestValue: ("{1}（{2}）", "{1} ({2})")
        case .reportTitle: ("{1}城乡融合发展监测报告", "{1} urban–rural integration monitoring report")
        case .reportAsOf: ("统计时点：{1}", "As of {1}")
        case .reportCoverNote:
            (
                "指标与目标的来源注于各指标；观测值来自各部门填报；学校数据来自导入的学校名录。无数据的指标显示为灰色，不作推断；标有“假设”的年份、分母与期限是系统对规划的理解，不是规划原文。由城乡（Chengxiang）系统生成。",
                "Each indicator names the source of its target; observations come from the bureaus; school figures come from the imported school register. Indicators without data are grey: nothing is inferred. Years, denominators and deadlines marked \"assumed\" are the system's reading of the plan, not its words. Made by Chengxiang."
            )
        case .reportSummaryHeading: ("一、预警摘要", "1. Alerts")
        case .reportNoAlerts: ("没有红色或黄色预警。", "No red or yellow alerts.")
        case .reportTaskCounts:
            ("重点任务 {1} 项：逾期 {2} 项，已过期限、进展不明 {3} 项", "{1} key tasks: {2} overdue, {3} past their deadline with progress unknown")
        case .reportOverdueList: ("逾期：{1}", "Overdue: {1}")
        case .reportPastUnknownList: ("已过期限、进展不明：{1}", "Past deadline, progress unknown: {1}")
        case .reportIndicatorsHeading: ("二、指标进度", "2. Indicator progress")
        case .reportNoDataAreas: ("暂无数据：{1}", "No data: {1}")
        case .reportSource: ("来源：{1}", "Source: {1}")
        case .reportTasksHeading: ("三、重点任务清单", "3. Key tasks")
        case .reportTaskNote:
            (
                "规划未写明的责任单位、日期和进度一律显示为“未明确/未定/—”，不作推测；截止已过且已有进展报告而未完成的任务标为逾期，无人报告的标为“已过期限，进展不明”。",
                "Owners, dates and progress the plan does not state are shown as unknown, never guessed; a task past its deadline and reported on but not done is overdue, one no one has reported on is \"past deadline, progress unknown\"."
            )
        case .reportSchoolsHeading: ("四、学校诊断", "4. School diagnosis")
        case .reportSchoolsSummary:
            (
                "全县 {1} 所学校，在校 {2} 人，教职工 {3} 人；按编制标准需 {4} 人，超编合计 {5} 人，缺编合计 {6} 人。",
                "{1} schools, {2} students, {3} staff; the norms call for {4}: {5} staff over and {6} short in total."
            )
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
        case .reasonInferredTownship:
            ("原属{1}，按推断的撤并关系计入{2}，请核实。", "It belonged to {1}, counted under {2} by an inferred merger; please check.")
        case .normBlendedBasis: ("小初一体混合", "blended nine-year")
        case .fieldStudents: ("在校人数", "students")
        case .fieldStaff: ("教职人数", "staff")
        case .fieldLand: ("占地面积", "land")
        case .noDatabase:
            (
                "数据库 {1} 不存在；先运行 chengxiang init 或 chengxiang demo",
                "database {1} does not exist; run chengxiang init or chengxiang demo first"
            )
        case .inputMissing: ("找不到输入文件 {1}", "input file {1} not found")
        case .notADemoDatabase:
            (
                "{1} 已存在且不是演示数据库；为避免覆盖，请换一个 --database 路径或加 --force",
                "{1} exists and is not a demo database; choose another --database or add --force"
            )
        case .unknownNorm: ("没有规范「{1}」；用 chengxiang norms list 查看", "no norm \"{1}\"; see chengxiang norms list")
        case .normNeedsSource: ("须给出新值的来源", "a source for the new value is required")
        case .normBadValue: ("规范值须为有限的非负数", "a norm's value must be a finite number ≥ 0")
        case .unknownSchool: ("学校 {1} 不存在", "school {1} does not exist")
        case .unknownTownshipName: ("乡镇「{1}」不在名录中", "township \"{1}\" is not in the register")
        case .unknownAreaName: ("地区「{1}」不在名录中", "area \"{1}\" is not in the register")
        case .unknownSchoolInTownship: ("学校「{1}」不在该乡镇的学校名录中", "school \"{1}\" is not among the township's stored schools")
        case .schoolVillageColumns: ("学校名称、乡镇、所在村", "school, township, village")
        case .statusComputedYearUnknown:
            (
                "由学校名录计算为 {1}，但名录的数据年份不详，无法判断进度",
                "computed from the school register as {1}, but the register's data year is unknown, so progress cannot be judged"
            )
        case .computedSource: ("学校名录计算（数据年份 {1}）", "computed from the school register (data year {1})")
        case .unknownTaskCode: ("任务「{1}」不存在", "task \"{1}\" does not exist")
        case .badNumberText: ("「{1}」不是数字", "\"{1}\" is not a number")
        case .targetNeedsValue: ("目标值须为有限数", "a target value must be a finite number")
        case .planNameBlank: ("方案名称为空", "the scenario name is blank")
        case .unknownModel:
            (
                "模型「{1}」无效（可用：pmedian、cpmedian、mclp、lscp、pcenter）",
                "model \"{1}\" is invalid (allowed: pmedian, cpmedian, mclp, lscp, pcenter)"
            )
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
        case .reportNoChromium:
            (
                "生成 PDF 需要 Chromium：make demo 已安装；或手动 apt-get install chromium fonts-noto-cjk；也可用 --format html 在浏览器中打印",
                "PDF needs Chromium: make demo installs it, or apt-get install chromium fonts-noto-cjk; --format html prints from any browser"
            )
        case .reportPrintFailed: ("Chromium 打印 PDF 失败（退出码 {1}）：{2}", "Chromium failed to print the PDF (status {1}): {2}")
        case .webStaleForm: ("表单已过期或来源不明，请刷新页面后重试", "the form is stale or not from this site; reload the page and try again")
        case .webNeedsJSON: ("请使用 JSON 或文件内容类型，或附带 X-CSRF-Token", "send JSON or a file content type, or an X-CSRF-Token header")
        case .webTooLarge: ("上传内容超过 {1} MB 上限", "the upload exceeds the {1} MB limit")
        case .webNotFound: ("找不到该页面或记录：{1}", "no such page or record: {1}")
        case .webImportExpired: ("这次检查已过期或不存在，请重新上传", "this check has expired or does not exist; upload the file again")
        case .webJobUnknown: ("求解任务不存在或已过期", "no such solve job, or it has expired")
        case .webUnknownLanguage: ("语言「{1}」无效（可用：zh、en）", "language \"{1}\" is invalid (allowed: zh, en)")
        case .webInternal:
            ("服务器内部错误，已记录；请稍后重试或联系管理员", "an internal error occurred and was logged; try again later or tell the administrator")
        case .webBadID: ("编号「{1}」无效", "id \"{1}\" is invalid")
        case .webSolvingIteration: ("求解中：第 {1} 次迭代", "solving: iteration {1}")
        case .webSolvingBest: ("，当前最优 {1}", ", best {1}")
        case .webSolvingBound: ("，界 {1}", ", bound {1}")
        case .webDone: ("完成", "done")
        case .appNameCounty: ("城乡 · {1}城乡融合平台", "Chengxiang · {1} urban–rural platform")
        case .apiDivisions: ("区划名录（县、乡镇、村）", "The division register (county, townships, villages)")
        case .apiSchools: ("学校及其诊断", "Schools with their diagnosis")
        case .apiSchool: ("一所学校", "One school")
        case .apiDiagnostics: ("学校诊断：每校、每乡镇、全县", "School diagnosis per school, township and county")
        case .apiCompleteness: ("数据完整性", "Which data is missing where")
        case .apiIndicators: ("指标体系（含目标与来源）", "Indicators with targets and sources")
        case .apiStatuses: ("三色预警：各指标各地区的状态", "Status per indicator and area")
        case .apiRecord: ("录入观测值（按校验规则检查，全部通过才写入）", "Record observations (all or nothing)")
        case .apiTasks: ("重点任务清单", "The task checklist")
        case .apiUpdateTask: ("更新任务", "Update a task")
        case .apiImport: ("上传并检查文件（不写入）", "Upload and check a file; nothing is written")
        case .apiImportGet: ("检查结果", "The check's result")
        case .apiImportCommit: ("写入已检查的文件（全部或全不）", "Commit a checked file, all or nothing")
        case .apiImportCancel: ("放弃已检查的文件", "Cancel a checked file")
        case .apiScenarios: ("已保存的布局方案", "Stored scenarios")
        case .apiScenarioCreate: ("创建并求解方案", "Create and solve a scenario")
        case .apiScenarioCompare: ("方案对比", "Scenarios side by side")
        case .apiScenarioJob: ("网页发起的求解进度", "Progress of a solve started from the page")
        case .apiScenario: ("一个方案", "One scenario")
        case .apiOpenAPI: ("本接口的 OpenAPI 3.1 描述", "This API's OpenAPI 3.1 document")
        case .apiParamSchoolID: ("学校编号", "school id")
        case .apiParamTaskCode: ("任务代码", "task code")
        case .apiParamKind: ("数据类型：schools、divisions、observations、tasks", "kind: schools, divisions, observations, tasks")
        case .apiParamFileName: ("文件名（决定格式）", "file name (decides the format)")
        case .apiParamSheet: ("XLSX 工作表名", "XLSX sheet")
        case .apiParamToken: ("检查得到的令牌", "token from the check")
        case .apiParamScenarioIDs: ("方案编号或名称，逗号分隔", "scenario ids or names, comma-separated")
        case .apiParamJob: ("任务编号", "job id")
        case .apiParamScenario: ("方案编号或名称", "scenario id or name")
        case .apiSuccess: ("成功", "success")
        case .apiProblem: ("错误（中英文说明）", "error with Chinese and English detail")
        case .apiDescription:
            (
                "县域城乡融合规划与监测：区划、学校诊断、指标、任务、导入、方案。错误为 application/problem+json，含 detailZh 与 detailEn。",
                "County urban–rural integration planning and monitoring: divisions, school diagnosis, indicators, tasks, imports, scenarios. Errors are application/problem+json with detailZh and detailEn."
            )
        case .apiTitle: ("城乡 Chengxiang 接口", "Chengxiang API")
        case .badNumberField: ("{1}「{2}」不是有效的数", "{1} \"{2}\" is not a valid number")
        case .uiApproximate: ("近似", "approximate")
        case .uiApproximateCard:
            (
                "近似位置：公开来源，但不是此处本身的坐标（如乡镇的地名点、学校所在村的点）",
                "Approximate position: from a published source, but not this place's own point (a township's gazetteer point, the village a school stands in)"
            )
        case .uiLegendApproximate: ("点线 = 近似位置", "dotted = approximate")
        case .uiApproximateNote:
            (
                "点线圈为近似位置（共 {1} 处，学校画在所在村或乡镇驻地的点上，都算近似）。",
                "Dotted circles are approximate positions ({1}; schools drawn at their village's or township seat's point all count as approximate)."
            )
        case .uiQualityUnknownMark: ("位置质量不详", "quality of position unknown")
        case .uiPastDeadlineTasks: ("已过期限的任务", "Tasks past their deadline")
        case .uiNoPastDeadline: ("没有已过期限而未完成的任务。", "No task is past its deadline and not done.")
        case .uiTaskDeadlineLine: ("{1} {2}（截止：{3}）", "{1} {2} (deadline: {3})")
        case .uiPlanFindingsHeading: ("与规划结论对照", "Against the plan's own findings")
        case .uiInChinese: ("中文", "Chinese")
        case .uiInEnglish: ("英文", "English")
        case .uiMaxWalkDerived:
            ("1–3 年级步行上限（空 = 按规范：30 分钟 × 步行速度）", "Walking limit, grades 1–3 (blank = from the norms: 30 minutes × walking speed)")
        case .uiNotes: ("假设与说明", "Assumptions and notes")
        case .unitMu: ("亩", "mu")
        case .cliAbstract: ("城乡融合规划与监测系统", "Chengxiang urban–rural integration planning and monitoring")
        case .cliDiscussion:
            (
                "县、乡镇、村三级名录，学校诊断与布局方案，数据导入与校验，指标监测与报告，网页界面。默认中文；--lang en 为英文。",
                "Divisions, school diagnosis and consolidation scenarios, validated imports, monitoring and reports, a web UI. Chinese by default; --lang en for English."
            )
        case .optDatabase: ("数据库文件", "SQLite database file")
        case .optLang: ("界面语言 zh 或 en（默认 $CHENGXIANG_LANG 或 zh）", "interface language, zh or en (default: $CHENGXIANG_LANG or zh)")
        case .optLangInvalid: ("--lang 只能是 zh 或 en", "--lang must be zh or en")
        case .optAsOf: ("判断日期 YYYY-MM-DD（默认今天）", "judge as of this date YYYY-MM-DD (default: today)")
        case .optAsOfInvalid: ("--as-of 应为 YYYY-MM-DD", "--as-of must be YYYY-MM-DD")
        case .optFormat: ("输出格式", "output format")
        case .optSheet: ("XLSX 工作表名（默认第一个）", "XLSX sheet name (default: the first)")
        case .optDryRun: ("只校验，不写入", "validate only; write nothing")
        case .optFile: ("CSV 或 XLSX 文件", "CSV or XLSX file")
        case .optDivisionFile: ("CSV、XLSX 或 GeoJSON 文件", "CSV, XLSX or GeoJSON file")
        case .optYear: ("数据年份（文件无年份列时）", "data year when the file has no year column")
        case .optSource: ("数据来源说明", "source of the figures")
        case .optNoServe: ("只构建并输出，不启动网页服务", "build and print only; do not start the web server")
        case .optForce: ("覆盖已存在的非演示数据库", "overwrite an existing database that is not a demo database")
        case .optPort: ("网页服务端口", "port of the web server")
        case .optHost: ("监听地址", "address to listen on")
        case .optPlan: ("同时装入该县规划的指标与任务（目前：jiaocheng）", "also load a county plan's indicators and tasks (now: jiaocheng)")
        case .cmdDemo: ("构建交城县演示数据库并输出学校诊断", "build the 交城县 demo database and print the school diagnosis")
        case .cmdDemoDiscussion:
            (
                "导入规划文本表六/1、交城县区划与县界，未知位置用示意位置（示意）。\nExample:\n  chengxiang demo --no-serve --database demo.sqlite",
                "Loads the plan's table 6/1, the county's divisions and outline; unknown positions get illustrative ones.\nExample:\n  chengxiang demo --no-serve --database demo.sqlite"
            )
        case .cmdInit:
            (
                "新建空数据库（含默认规范标准与由学校名录计算的指标）",
                "create an empty database with the default norms and the indicators computed from the school register"
            )
        case .cmdInitDiscussion:
            (
                "Example:\n  chengxiang init --database county.sqlite\n  chengxiang init --plan jiaocheng --database jiaocheng.sqlite\n  chengxiang import divisions divisions.csv --database county.sqlite",
                "Example:\n  chengxiang init --database county.sqlite\n  chengxiang init --plan jiaocheng --database jiaocheng.sqlite\n  chengxiang import divisions divisions.csv --database county.sqlite"
            )
        case .initCreated: ("已创建数据库 {1}：规范 {2} 条，指标 {3} 个", "created {1}: {2} norms, {3} indicators")
        case .initUpdated:
            (
                "数据库已存在，已更新结构：新增规范 {2} 条，指标 {3} 个（{1}）",
                "database existed: schema brought up to date, {2} norms and {3} indicators added ({1})"
            )
        case .initPlanLoaded: ("已装入规划指标 {1} 个、任务 {2} 项", "loaded {1} plan indicators and {2} tasks")
        case .unknownPlan: ("没有名为「{1}」的规划目录（可用：jiaocheng）", "no plan catalogue named \"{1}\" (available: jiaocheng)")
        case .demoBuilding: ("构建演示数据库：{1}", "building the demo database: {1}")
        case .cmdImport: ("导入数据（先校验，全部成功才写入）", "import data: validate everything first, then write all or nothing")
        case .cmdImportDiscussion:
            (
                "Example:\n  chengxiang import divisions villages.csv --database county.sqlite\n  chengxiang import schools 学校.xlsx --sheet 2024 --dry-run --database county.sqlite",
                "Example:\n  chengxiang import divisions villages.csv --database county.sqlite\n  chengxiang import schools 学校.xlsx --sheet 2024 --dry-run --database county.sqlite"
            )
        case .cmdImportSchools: ("导入学校表（CSV 或 XLSX）", "import a school table (CSV or XLSX)")
        case .cmdImportSchoolsDiscussion:
            (
                "列：乡镇、学校名称、规模、在校人数、教职人数、占地面积（亩），可选 班级数、数据年份、所在村、来源。CSV 可为 UTF-8、UTF-8 BOM、GBK、GB18030，逗号或制表符分隔。\nExample:\n  chengxiang import schools 表六-1.xlsx --sheet 学校 --year 2021 --database county.sqlite",
                "Columns: township, school, level, students, staff, land_mu; optional classes, year, village, source. CSV in UTF-8, UTF-8 with BOM, GBK or GB18030, comma or tab.\nExample:\n  chengxiang import schools 表六-1.xlsx --sheet 学校 --year 2021 --database county.sqlite"
            )
        case .cmdImportDivisions: ("导入区划（CSV、XLSX 或 GeoJSON）", "import divisions (CSV, XLSX or GeoJSON)")
        case .cmdImportDivisionsDiscussion:
            (
                "列/属性：代码、名称、类型、上级代码 或 乡镇、城乡分类代码、人口、户数、经度、纬度、位置质量（实测、公开、近似、示意、不详；不写为不详）、状态、并入代码、并入依据（明确、推断）、备注、来源。GeoJSON 点为位置，面为边界（经纬度，WGS84/CGCS2000）。导入的坐标替换示意位置。\nExample:\n  chengxiang import divisions villages.csv --database county.sqlite\n  chengxiang import divisions county.geojson --database county.sqlite",
                "Columns/properties: code, name, kind, parent_code or township, urban_rural_class, population, households, lon, lat, location_quality (surveyed, published, approximate, illustrative, unknown; blank means unknown), status, successor_code, successor_basis (stated, inferred), note, source. GeoJSON points are positions, polygons boundaries (degrees, WGS84/CGCS2000). Imported coordinates replace illustrative ones.\nExample:\n  chengxiang import divisions villages.csv --database county.sqlite\n  chengxiang import divisions county.geojson --database county.sqlite"
            )
        case .importDone: ("导入完成：{1} [{2}]", "imported: {1} [{2}]")
        case .importValidated: ("校验通过（未写入）：{1} [{2}]", "validated, nothing written: {1} [{2}]")
        case .importCounts: ("  读取 {1} 行，新增 {2}，更新 {3}，未变 {4}", "  rows {1}, inserted {2}, updated {3}, unchanged {4}")
        case .importNotReported: ("  未上报（记为无数据，而非无学校）：{1}", "  not reported (no data, not \"no schools\"): {1}")
        case .failRejected: ("数据未通过校验，数据库未改动（{1} 处错误）：", "the data failed validation; the database is unchanged ({1} errors):")
        case .cmdSchools: ("学校：诊断与布局方案", "schools: diagnosis and consolidation scenarios")
        case .cmdSchoolsDiscussion:
            (
                "Example:\n  chengxiang schools diagnose --database chengxiang.sqlite\n  chengxiang schools plan --name 方案A -p 16 --database chengxiang.sqlite\n  chengxiang schools scenarios --compare 1,2 --database chengxiang.sqlite",
                "Example:\n  chengxiang schools diagnose --database chengxiang.sqlite\n  chengxiang schools plan --name 方案A -p 16 --database chengxiang.sqlite\n  chengxiang schools scenarios --compare 1,2 --database chengxiang.sqlite"
            )
        case .cmdDiagnose: ("按编制、规模、用地标准诊断学校", "diagnose schools against staffing, size and land norms")
        case .cmdDiagnoseDiscussion:
            (
                "生师比对照编制标准（标准存于数据库，可用 chengxiang norms set 修改；小初一体按存储的学段比例混合，为假设），超编/缺编人数，生均占地（1 亩 = 666.67 m²），小规模学校，数据缺失。\nExample:\n  chengxiang schools diagnose --database chengxiang.sqlite --format json",
                "students per staff against the staffing norms (stored in the database, editable with chengxiang norms set; nine-year schools blended by the stored split, an assumption), staff surplus or deficit, land per student (1 mu = 666.67 m²), small schools, missing data.\nExample:\n  chengxiang schools diagnose --database chengxiang.sqlite --format json"
            )
        case .schoolInTownship: ("{1}（{2}）", "{1} ({2})")
        case .cmdPlan: ("学校布局调整方案：哪些学校保留、学生去哪里", "plan school consolidation: which schools stay, where pupils go")
        case .cmdPlanDiscussion:
            (
                "需求点为各校该学段的学生（小初一体按存储的学段比例拆分，假设），候选点为现有学校和 --new-site 新址。学校可写编号、「乡镇/学校」或县内唯一的校名。距离：未给距离表时按直线 × 绕行系数；--distances 可导入 起点,终点,公里 或 分钟 的表（名称为学校名）。步行上限默认由规范推得（30 分钟 × 步行速度）。报告：保留与撤并的学校、学生去向、学生·公里、平均与最远路程、超出步行上限的学生、需寄宿床位、可释放教职工、闲置校舍，以及全部假设。\nExample:\n  chengxiang schools plan --name 方案A --model pmedian -p 16 --level primary --database chengxiang.sqlite\n  chengxiang schools plan --name 方案B --model mclp -p 12 --radius 5 --keep 西营/交城县西营学校 --database chengxiang.sqlite",
                "demand is each school's pupils of the stage (nine-year schools split by the stored share, an assumption); candidates are existing schools and --new-site sites. Name a school by id, \"township/school\" or a name unique in the county. Distances: straight line × detour factor unless --distances gives a from,to,km|minutes table (names are school names). The walking limit comes from the norms (30 minutes × walking speed) unless given. The report lists schools kept and closed, where pupils go, pupil-km, mean and longest journeys, pupils beyond the walking limit, boarding places, staff freed, idle school land, and every assumption.\nExample:\n  chengxiang schools plan --name A --model pmedian -p 16 --level primary --database chengxiang.sqlite\n  chengxiang schools plan --name B --model mclp -p 12 --radius 5 --keep 西营/交城县西营学校 --database chengxiang.sqlite"
            )
        case .optName: ("方案名称（唯一）", "scenario name (unique)")
        case .optModel: ("模型 pmedian、cpmedian、mclp、lscp、pcenter", "model: pmedian, cpmedian, mclp, lscp, pcenter")
        case .optStage: ("学段 primary、junior", "stage: primary, junior")
        case .optP: ("保留学校数 p", "schools to keep (p)")
        case .optRadius: ("覆盖半径（公里或分钟）", "coverage radius (km or minutes)")
        case .optKeep: ("必须保留的学校（编号、乡镇/学校 或校名），逗号分隔", "schools that must stay open (id, township/school or name), comma-separated")
        case .optExclude: ("不得选作保留的学校，逗号分隔", "schools that may not be kept, comma-separated")
        case .optMaxWalk: ("1–3 年级步行上限（公里或分钟；默认由规范推得）", "walking limit for grades 1–3 (km or minutes; default from the norms)")
        case .optDetour: ("绕行系数（无距离表时）", "detour factor (without a distance table)")
        case .optCapacity: ("容量规则 classes、land", "capacity rule: classes, land")
        case .optDistances: ("距离或时间表 CSV（起点,终点,公里 或 分钟）", "distance or travel-time table (from,to,km or minutes)")
        case .optNewSite: ("新址：名称,经度,纬度[,容量]（可重复）", "new site: name,lon,lat[,capacity] (repeatable)")
        case .optHeuristic: ("用快速启发式而非精确求解", "heuristic instead of exact")
        case .optTimeLimit: ("时间上限（秒）", "time limit in seconds")
        case .badNewSite: ("新址应为 名称,经度,纬度[,容量]：{1}", "a new site is name,lon,lat[,capacity]: {1}")
        case .cmdScenarios: ("已保存的布局方案及对比", "stored scenarios, and a side-by-side comparison")
        case .cmdScenariosDiscussion:
            (
                "Example:\n  chengxiang schools scenarios --database chengxiang.sqlite\n  chengxiang schools scenarios --compare 1,2 --database chengxiang.sqlite",
                "Example:\n  chengxiang schools scenarios --database chengxiang.sqlite\n  chengxiang schools scenarios --compare 1,2 --database chengxiang.sqlite"
            )
        case .optCompare: ("对比的方案（编号或名称，逗号分隔）", "scenarios to compare (ids or names, comma-separated)")
        case .scnHeading: ("方案 #{1}「{2}」 · {3} · {4}", "Scenario #{1} \"{2}\" · {3} · {4}")
        case .scnSolve: ("求解：{1}{2}  目标值 {3}{4}{5}  {6} 秒", "solve: {1}{2}  objective {3}{4}{5}  {6} s")
        case .scnExact: ("精确", "exact")
        case .scnHeuristic: ("启发式", "heuristic")
        case .scnProven: ("（已证明最优）", " (proven optimal)")
        case .scnBound: ("  界 {1}", "  bound {1}")
        case .scnGap: ("  差距 {1}%", "  gap {1}%")
        case .scnKept: ("保留（{1}）：{2}", "kept ({1}): {2}")
        case .scnClosed: ("撤并（{1}）：{2}", "closed ({1}): {2}")
        case .scnNewMark: ("{1}（新建）", "{1} (new)")
        case .scnNoMoves: ("没有学生需要转学。", "No pupil changes school.")
        case .scnIdle: ("  闲置校舍：{1}", "  idle school sites: {1}")
        case .scnNone: ("还没有方案；用 chengxiang schools plan 创建。", "No scenarios yet; create one with chengxiang schools plan.")
        case .labelOptimalShort: ("最优", "optimal")
        case .cmdDivisions: ("区划名录", "the division register")
        case .cmdDivisionsDiscussion:
            (
                "Example:\n  chengxiang divisions list --township 天宁 --database chengxiang.sqlite",
                "Example:\n  chengxiang divisions list --township 天宁 --database chengxiang.sqlite"
            )
        case .cmdDivisionsList: ("列出县、乡镇、村", "list the county, townships and villages")
        case .cmdDivisionsListDiscussion:
            (
                "位置质量：实测、公开来源、近似（公开来源，但不是本点）、示意、不详。并入关系为推断的标“推断”。\nExample:\n  chengxiang divisions list --township 天宁 --database chengxiang.sqlite",
                "Position quality: surveyed, published, approximate (published, but not this place's own point), illustrative, unknown. An inferred merger is marked \"inferred\".\nExample:\n  chengxiang divisions list --township 天宁 --database chengxiang.sqlite"
            )
        case .optTownship: ("只列出该乡镇及其村", "only this township and its villages")
        case .colCode: ("代码", "code")
        case .colName: ("名称", "name")
        case .colKind: ("类型", "kind")
        case .colStatus: ("状态", "status")
        case .colLon: ("经度", "lon")
        case .colLat: ("纬度", "lat")
        case .colQuality: ("位置质量", "position quality")
        case .statusCurrent: ("现行", "current")
        case .statusMerged: ("已撤并", "merged")
        case .statusMergedInto: ("已撤并→{1}", "merged → {1}")
        case .cmdNorms: ("规范标准（可修改，附来源）", "norms, editable, with their sources")
        case .cmdNormsDiscussion:
            (
                "Example:\n  chengxiang norms list --database chengxiang.sqlite\n  chengxiang norms set land_per_student.high_m2 80 --source \"县教育局 2026 年规定\" --database chengxiang.sqlite",
                "Example:\n  chengxiang norms list --database chengxiang.sqlite\n  chengxiang norms set land_per_student.high_m2 80 --source \"county education bureau, 2026\" --database chengxiang.sqlite"
            )
        case .cmdNormsList: ("列出规范标准", "list the norms")
        case .cmdNormsListDiscussion:
            (
                "Example:\n  chengxiang norms list --database chengxiang.sqlite",
                "Example:\n  chengxiang norms list --database chengxiang.sqlite"
            )
        case .colKey: ("键", "key")
        case .colValue: ("值", "value")
        case .colUnit: ("单位", "unit")
        case .colChecked: ("核实", "checked")
        case .colSource: ("来源", "source")
        case .verifiedMark: ("原文核实 [V]", "verified [V]")
        case .secondaryMark: ("二手来源 [S]", "secondary [S]")
        case .assumptionMark: ("假设，请确认 [U]", "assumption, please confirm [U]")
        case .cmdNormsSet: ("修改一条规范标准（记入审计日志）", "change a norm (audited)")
        case .cmdNormsSetDiscussion:
            (
                "Example:\n  chengxiang norms set land_per_student.high_m2 80 --source \"县教育局 2026 年规定\" --database chengxiang.sqlite",
                "Example:\n  chengxiang norms set land_per_student.high_m2 80 --source \"county education bureau, 2026\" --database chengxiang.sqlite"
            )
        case .optNormKey: ("键，如 staff_ratio.primary", "key, e.g. staff_ratio.primary")
        case .optNormValue: ("新值", "new value")
        case .optNormSource: ("新值的来源（必填）", "source of the new value (required)")
        case .normChanged: ("{1}：{2} → {3}（{4}）", "{1}: {2} → {3} ({4})")
        case .cmdCompleteness: ("数据完整性：各乡镇缺什么数据", "data completeness: what is missing in each township")
        case .cmdCompletenessDiscussion:
            (
                "Example:\n  chengxiang completeness --database chengxiang.sqlite",
                "Example:\n  chengxiang completeness --database chengxiang.sqlite"
            )
        case .colVillages: ("村数", "villages")
        case .colNoCode: ("无代码", "no code")
        case .colNoRealPosition: ("无实测位置", "no real position")
        case .colPopulation: ("有人口", "population")
        case .colUrbanRural: ("有城乡分类", "urban–rural class")
        case .colSeat: ("驻地位置", "seat")
        case .colSchools: ("学校数据", "schools")
        case .cmdAudit: ("审计日志：每次修改的时间、内容、前后值", "audit log: when, what, before and after")
        case .cmdAuditDiscussion:
            (
                "Example:\n  chengxiang audit --table schools --limit 20 --database chengxiang.sqlite",
                "Example:\n  chengxiang audit --table schools --limit 20 --database chengxiang.sqlite"
            )
        case .optTable: ("只看该表", "only this table")
        case .optLimit: ("条数", "how many entries")
        case .auditBefore: ("  前：{1}", "  before: {1}")
        case .auditAfter: ("  后：{1}", "  after:  {1}")
        case .auditImport: (" 导入 {1}", " import {1}")
        case .cmdIndicators: ("指标体系、观测值与三色预警", "indicators, observations and early warning")
        case .cmdIndicatorsDiscussion:
            (
                "Example:\n  chengxiang indicators status --database chengxiang.sqlite\n  chengxiang indicators record EDU_RETENTION --area 交城县 --period 2024 --value 97.5 --source \"县教育局年报\" --database chengxiang.sqlite",
                "Example:\n  chengxiang indicators status --database chengxiang.sqlite\n  chengxiang indicators record EDU_RETENTION --area 交城县 --period 2024 --value 97.5 --source \"education bureau yearbook\" --database chengxiang.sqlite"
            )
        case .cmdIndicatorsList: ("列出指标及目标、来源", "list indicators with targets and sources")
        case .cmdIndicatorsListDiscussion:
            (
                "标有“假设”的目标年份或分母，是系统对规划的理解，不是规划原文。\nExample:\n  chengxiang indicators list --database chengxiang.sqlite",
                "A target year or denominator marked \"assumed\" is the system's reading of the plan, not its words.\nExample:\n  chengxiang indicators list --database chengxiang.sqlite"
            )
        case .cmdIndicatorsStatus: ("各指标各地区的进度与预警（红黄绿灰）", "progress and early warning per indicator and area")
        case .cmdIndicatorsStatusDiscussion:
            (
                "期望路径为从基期（无基期时取最早观测值）到目标值的直线；落后不足起点到目标距离的 20% 为黄，超过为红；目标年已过未达标为红；无数据、数据过时或无目标为灰。\nExample:\n  chengxiang indicators status --format json --as-of 2026-06-30 --database chengxiang.sqlite",
                "The expected path is a straight line from the baseline (or the first observation) to the target; behind by less than 20 % of the distance is yellow, more is red; a target year passed unmet is red; no data, stale data or no target is grey.\nExample:\n  chengxiang indicators status --format json --as-of 2026-06-30 --database chengxiang.sqlite"
            )
        case .optArea: ("只看该地区", "only this area")
        case .cmdRecord: ("录入一个观测值（先按校验规则检查）", "record one observation, checked against the rules")
        case .cmdRecordDiscussion:
            (
                "Example:\n  chengxiang indicators record EDU_RETENTION --area 交城县 --period 2024 --value 97.5 --source \"县教育局年报\" --database chengxiang.sqlite",
                "Example:\n  chengxiang indicators record EDU_RETENTION --area 交城县 --period 2024 --value 97.5 --source \"education bureau yearbook\" --database chengxiang.sqlite"
            )
        case .optIndicatorCode: ("指标代码", "indicator code")
        case .optAreaName: ("地区名称或代码", "area name or code")
        case .optPeriod: ("期间：2024、2024Q2 或 2024-05", "period: 2024, 2024Q2 or 2024-05")
        case .optValue: ("值", "value")
        case .optNote: ("备注", "note")
        case .recordDone: ("已录入：新增 {1}，替换 {2}", "recorded: {1} inserted, {2} replaced")
        case .recordValidated: ("校验通过（未写入）：新增 {1}，替换 {2}", "validated, nothing written: {1} to insert, {2} to replace")
        case .recordWarning: ("  警告 {1} {2}：{3}", "  warning {1} {2}: {3}")
        case .cmdObservationsImport: ("导入观测值（CSV/XLSX；全部通过才写入）", "import observations (all or nothing)")
        case .cmdObservationsImportDiscussion:
            (
                "列：指标代码、地区、期间、值，可选 来源、备注。\nExample:\n  chengxiang indicators import 2024年报.xlsx --database chengxiang.sqlite",
                "Columns: indicator, area, period, value; optional source, note.\nExample:\n  chengxiang indicators import report-2024.xlsx --database chengxiang.sqlite"
            )
        case .cmdTarget: ("设定指标目标（可按地区）或基期", "set a target (optionally per area) or the baseline")
        case .cmdTargetDiscussion:
            (
                "Example:\n  chengxiang indicators target AGR_SCALE_SHARE --value 70 --year 2025 --area 西营镇 --database chengxiang.sqlite\n  chengxiang indicators target EDU_RETENTION --baseline --value 96.2 --year 2020 --database chengxiang.sqlite",
                "Example:\n  chengxiang indicators target AGR_SCALE_SHARE --value 70 --year 2025 --area 西营镇 --database chengxiang.sqlite\n  chengxiang indicators target EDU_RETENTION --baseline --value 96.2 --year 2020 --database chengxiang.sqlite"
            )
        case .optTargetYear: ("年份", "year")
        case .optTargetArea: ("地区（默认全部）", "area (default: all areas)")
        case .optBaseline: ("设定基期而非目标", "set the baseline instead of a target")
        case .optYearAssumed:
            ("目标年份是对规划的理解（如规划期末），不是规划原文", "the year is a reading of the plan (e.g. the end of the plan period), not its words")
        case .targetSet: ("{1}：目标 {2}（{3}）{4}", "{1}: target {2} ({3}) {4}")
        case .baselineSet: ("{1}：基期 {2}（{3}）", "{1}: baseline {2} ({3})")
        case .cmdTasks: ("重点任务与项目清单（清单式、项目化）", "the checklist of key tasks and projects")
        case .cmdTasksDiscussion:
            (
                "Example:\n  chengxiang tasks list --database chengxiang.sqlite\n  chengxiang tasks update T-EDU-01 --status in_progress --percent 40 --database chengxiang.sqlite",
                "Example:\n  chengxiang tasks list --database chengxiang.sqlite\n  chengxiang tasks update T-EDU-01 --status in_progress --percent 40 --database chengxiang.sqlite"
            )
        case .cmdTasksList:
            ("列出任务，标出逾期与已过期限、进展不明的任务", "list tasks, marking the overdue ones and those past their deadline with progress unknown")
        case .cmdTasksListDiscussion:
            (
                "Example:\n  chengxiang tasks list --format json --database chengxiang.sqlite",
                "Example:\n  chengxiang tasks list --format json --database chengxiang.sqlite"
            )
        case .cmdTasksUpdate: ("更新任务状态、进度、佐证（记入审计日志）", "update a task (audited)")
        case .cmdTasksUpdateDiscussion:
            (
                "状态：unknown、not_started、in_progress、done、suspended（或 未知、未开工、推进中、已完成、暂停）\nExample:\n  chengxiang tasks update T-EDU-01 --status in_progress --percent 40 --evidence \"主体封顶\" --database chengxiang.sqlite",
                "Status: unknown, not_started, in_progress, done, suspended.\nExample:\n  chengxiang tasks update T-EDU-01 --status in_progress --percent 40 --evidence \"structure topped out\" --database chengxiang.sqlite"
            )
        case .optTaskCode: ("任务代码", "task code")
        case .optStatus: ("状态", "status")
        case .optPercent: ("完成百分比 0–100", "percent complete, 0–100")
        case .optEvidence: ("佐证", "evidence")
        case .optDeadline: ("截止 YYYY[-MM[-DD]]", "deadline YYYY[-MM[-DD]]")
        case .optOwner: ("责任单位", "owner unit")
        case .taskUpdated: ("{1} {2}：{3} {4}", "{1} {2}: {3} {4}")
        case .cmdTasksImport: ("导入或更新任务清单（CSV/XLSX）", "import or update tasks")
        case .cmdTasksImportDiscussion:
            (
                "列：任务代码、任务名称，可选 责任单位、开始、截止、截止依据（明确、假设）、状态、完成百分比、佐证、关联指标、来源。\nExample:\n  chengxiang tasks import 任务清单.xlsx --database chengxiang.sqlite",
                "Columns: code, name; optional owner, start, deadline, deadline basis (stated, assumed), status, percent, evidence, indicators, source.\nExample:\n  chengxiang tasks import tasks.xlsx --database chengxiang.sqlite"
            )
        case .tasksImported: ("已导入任务 {1} 项", "imported {1} tasks")
        case .colIndicator: ("指标", "indicator")
        case .colArea: ("地区", "area")
        case .colLatest: ("最新", "latest")
        case .colTarget: ("目标", "target")
        case .colExpectedNow: ("按期应达（现在）", "expected now")
        case .colReason: ("原因", "reason")
        case .colLevels: ("层级", "levels")
        case .colDirection: ("方向", "direction")
        case .colIndicatorKind: ("类型", "kind")
        case .colTargets: ("目标", "targets")
        case .directionHigher: ("越高越好", "higher is better")
        case .directionLower: ("越低越好", "lower is better")
        case .kindEntered: ("填报", "entered")
        case .kindComputed: ("系统计算", "computed")
        case .colTask: ("任务", "task")
        case .colOwner: ("责任单位", "owner")
        case .colDeadline: ("截止", "deadline")
        case .colProgress: ("进度", "progress")
        case .colDeadlineState: ("期限", "deadline state")
        case .colIndicators: ("关联指标", "indicators")
        case .tasksSummary: ("共 {1} 项：逾期 {2} 项，已过期限、进展不明 {3} 项", "{1} tasks: {2} overdue, {3} past their deadline with progress unknown")
        case .cmdSolve:
            (
                "选址模型求解（p-中位、带容量 p-中位、最大覆盖、集合覆盖、p-中心）",
                "solve a location model (p-median, capacitated p-median, maximal covering, set covering, p-center)"
            )
        case .cmdSolveDiscussion:
            (
                "输入为 OR-Library pmed 文件（--orlib），或长表 CSV：费用 demand,candidate,cost；权重 demand,weight；容量 candidate,capacity。费用表中缺少的点对、或写作 inf/不可达 的，视为不可达。默认快速启发式；--exact 给出下界与差距，能证明时注明最优。\nExample:\n  chengxiang solve pmedian --orlib pmed1.txt --format json\n  chengxiang solve mclp --costs costs.csv --weights weights.csv -p 5 --radius 3000 --exact",
                "Input is an OR-Library pmed file (--orlib) or long CSV tables: costs demand,candidate,cost; weights demand,weight; capacities candidate,capacity. A pair missing from the cost table, or written inf, is unreachable. The default is the fast heuristic; --exact reports a bound and gap and says when optimality is proven.\nExample:\n  chengxiang solve pmedian --orlib pmed1.txt --format json\n  chengxiang solve mclp --costs costs.csv --weights weights.csv -p 5 --radius 3000 --exact"
            )
        case .optSolveModel: ("模型 pmedian、cpmedian、mclp、lscp、pcenter", "model: pmedian, cpmedian, mclp, lscp, pcenter")
        case .optOrlib: ("OR-Library pmed 文件", "OR-Library pmed file")
        case .optCosts: ("费用长表 CSV", "long cost table (CSV)")
        case .optWeights: ("权重 CSV（默认全为 1）", "weights (default 1)")
        case .optCapacities: ("容量 CSV（带容量 p-中位）", "capacities (capacitated p-median)")
        case .optFacilities: ("设施数 p", "number of facilities p")
        case .optSolveRadius: ("服务半径（费用单位）", "service radius in cost units")
        case .optSolveKeep: ("必须保留的候选点编号，逗号分隔", "candidates that must stay open, comma-separated")
        case .optSolveExclude: ("不可选的候选点编号，逗号分隔", "candidates that may not be chosen, comma-separated")
        case .optExact: ("精确求解（下界、差距、最优性证明）", "exact path with bound, gap and proof of optimality")
        case .optSeed: ("随机种子", "random seed")
        case .solveEitherInput: ("请给出 --orlib 或 --costs 之一", "give either --orlib or --costs")
        case .solveOrlibOnlyPMedian: ("--orlib 只用于 pmedian", "--orlib is for pmedian only")
        case .solveUnknownCandidate: ("候选点「{1}」不在费用表中", "candidate \"{1}\" is not in the cost table")
        case .solveCannot: ("无法求解：{1}", "cannot solve: {1}")
        case .solveObjective: ("目标值：{1}", "objective: {1}")
        case .solveFacilities: ("设施（{1}）：{2}", "facilities ({1}): {2}")
        case .solveProven: ("已证明最优：{1}", "proven optimal: {1}")
        case .solveBound: ("界：{1}", "bound: {1}")
        case .solveGap: ("差距：{1}", "gap: {1}")
        case .solveSeconds: ("用时 {1} 秒，迭代 {2} 次", "{1} s, {2} iterations")
        case .progressLine: ("  {1} 秒  迭代 {2}  最优 {3}  界 {4}", "  {1} s  iteration {2}  best {3}  bound {4}")
        case .cmdReport: ("生成监测报告（Excel、可打印 HTML、PDF）", "write the monitoring report (Excel, printable HTML, PDF)")
        case .cmdReportDiscussion:
            (
                "Excel：指标状态（按红黄绿灰着色）、观测值、任务清单、学校诊断四张表。HTML：A4 打印样式，含封面、预警摘要、每个指标的趋势图（含目标线）、任务清单与学校诊断。PDF 由 Chromium 无头模式打印（make demo 会安装 Chromium）。报告语言随 --lang。\nExample:\n  chengxiang report --format xlsx --out 监测报告.xlsx --database chengxiang.sqlite\n  chengxiang report --format pdf --out 监测报告.pdf --database chengxiang.sqlite",
                "Excel: four sheets — indicator status (coloured red/yellow/green/grey), observations, tasks, schools. HTML: A4 print styles with a cover, the alerts, a trend chart per indicator with its target line, the tasks and the school diagnosis. PDF is printed by headless Chromium (make demo installs it). The report follows --lang.\nExample:\n  chengxiang report --format xlsx --out report.xlsx --database chengxiang.sqlite\n  chengxiang report --format pdf --out report.pdf --database chengxiang.sqlite"
            )
        case .optReportFormat: ("格式 xlsx、html、pdf", "format: xlsx, html, pdf")
        case .optOut: ("输出文件", "output file")
        case .reportWritten: ("已生成：{1}", "written: {1}")
        case .cmdServe: ("启动网页界面与 JSON 接口", "serve the web pages and the JSON API")
        case .cmdServeDiscussion:
            (
                "默认只监听本机 127.0.0.1；在政务内网中共享时用 --host 0.0.0.0。页面所需的 CSS、JS 由程序自身提供，无需外网。接口说明：/api/v1/openapi.json\nExample:\n  chengxiang serve --database chengxiang.sqlite --port 8080",
                "Listens on 127.0.0.1 unless told otherwise; use --host 0.0.0.0 to share it on the intranet. Everything the pages need is served by the program: it works offline. API document: /api/v1/openapi.json\nExample:\n  chengxiang serve --database chengxiang.sqlite --port 8080"
            )
        case .serveListening: ("网页界面：{3}://{1}:{2}/  （Ctrl-C 退出）", "web UI: {3}://{1}:{2}/  (Ctrl-C to stop)")
        case .completenessInferred: ("{1}（含推断并入的{2}）", "{1} (with {2}, merged by inference)")
        case .requiredTaskColumns: ("任务代码、任务名称", "code, name")
        case .requiredDivisionColumns: ("名称", "name")
        case .requiredObservationColumns: ("指标代码、地区、期间、值", "indicator, area, period, value")
        case .requiredDistanceColumns: ("起点、终点", "from, to")
        case .requiredDistanceUnit: ("公里 或 分钟", "km or minutes")
        case .flagSmall: ("小规模", "small")
        case .flagOverstaffed: ("超编", "overstaffed")
        case .flagUnderstaffed: ("缺编", "understaffed")
        case .flagLandSurplus: ("生均占地偏高", "land surplus")
        case .flagMissingData: ("数据缺失", "missing data")
        case .statusGreen: ("绿（正常）", "green (on track)")
        case .statusYellow: ("黄（滞后）", "yellow (behind)")
        case .statusRed: ("红（预警）", "red (alert)")
        case .statusGrey: ("灰（无法判断）", "grey (not judged)")
        case .languageNameZh: ("中文", "中文")
        case .xlsxPartTooLarge:
            (
                "XLSX 文件中的一个部件解压后超过 {1} MB，拒绝读取（可能是损坏或恶意文件）",
                "a part of the XLSX file is larger than {1} MB when inflated; it is not read (the file may be damaged or hostile)"
            )
        case .xlsxTooManyRows: ("工作表超过 {1} 行", "the worksheet has more than {1} rows")
        case .xlsxBadCell: ("单元格引用「{1}」无效", "cell reference \"{1}\" is invalid")
        case .numberTooLarge: ("「{1}」超出合理范围（最大 {2}）", "\"{1}\" is beyond the plausible range (at most {2})")
        case .costMatrixTooLarge:
            (
                "费用表有 {1} 个需求点、{2} 个候选点，组成的矩阵超过 {3} 个单元，请分区计算",
                "the cost table has {1} demand points and {2} candidate sites: more than {3} matrix cells; split the problem"
            )
        case .orlibTooLarge: ("OR-Library 文件声明 {1} 个点，超过上限 {2}", "the OR-Library file declares {1} points, more than the limit of {2}")
        case .databaseBusy: ("数据库正被另一项写入占用，等待超时；请稍后重试", "the database is busy with another write and the wait timed out; try again shortly")
        case .databaseRule: ("数据库规则不允许这项修改：{1}", "a rule of the register forbids this change: {1}")
        case .divisionNameTaken:
            (
                "同一上级下已有名为「{1}」的区划（代码 {2}）；两个代码不能指同一名称",
                "a division named \"{1}\" already exists under the same parent (code {2}); two codes cannot name one unit"
            )
        case .secondCounty:
            (
                "名录中已有县「{1}」；一个名录只登记一个县，「{2}」未导入",
                "the register already holds the county \"{1}\"; a register holds one county, so \"{2}\" was not imported"
            )
        case .divisionKindChange:
            (
                "「{1}」已登记为{2}，导入不改变类型为{3}；撤并或改设请用 chengxiang divisions merge",
                "\"{1}\" is registered as a {2}; an import does not change it to a {3}; record a merger with chengxiang divisions merge"
            )
        case .divisionParentChange:
            (
                "「{1}」的上级不因导入改为「{2}」；调整隶属请用 chengxiang divisions move",
                "an import does not move \"{1}\" under \"{2}\"; move it with chengxiang divisions move"
            )
        case .divisionRevive:
            ("「{1}」已撤并并有并入单位，导入不将其改回现行", "\"{1}\" has been merged into another unit; an import does not make it current again")
        case .ambiguousDivision: ("「{1}」有多个区划：{2}；请写 12 位代码", "\"{1}\" names several divisions: {2}; give the 12-digit code")
        case .cannotMerge:
            (
                "不能把「{1}」并入「{2}」：须同一层级、并入单位为现行且有代码",
                "\"{1}\" cannot be merged into \"{2}\": both must be of one tier and the successor current, with a code"
            )
        case .cannotMove:
            ("只有村（社区）可以调整隶属：「{1}」不能移到「{2}」", "only villages and communities move between townships: \"{1}\" cannot move under \"{2}\"")
        case .cmdMerge: ("记录撤并：某乡镇（或村）并入另一个（记入审计日志）", "record a merger: a township (or village) merged into another (audited)")
        case .cmdMergeDiscussion:
            (
                "导入不改变区划的类型、上级和现行状态；这些变化用本命令或 divisions move 记录，各留审计记录。没有文件依据的并入加 --inferred，显示为“推断”。\nExample:\n  chengxiang divisions merge 岭底乡 --into 天宁镇 --inferred --database county.sqlite",
                "An import never changes a division's kind, parent or status; record such a change with this command or divisions move, each audited. A merger no document states takes --inferred and shows as inferred.\nExample:\n  chengxiang divisions merge 岭底乡 --into 天宁镇 --inferred --database county.sqlite"
            )
        case .optInto: ("并入的现行单位（名称或代码）", "the current unit it was merged into (name or code)")
        case .optInferred: ("并入关系为推断（无文件依据）", "the merger is inferred (no document states it)")
        case .optDivision: ("区划名称或 12 位代码", "division name or 12-digit code")
        case .mergeDone: ("{1} 已记为并入 {2}{3}", "{1} is recorded as merged into {2}{3}")
        case .inferredSuffix: ("（推断）", " (inferred)")
        case .cmdMove: ("调整村（社区）的隶属乡镇（记入审计日志）", "move a village or community to another township (audited)")
        case .cmdMoveDiscussion:
            (
                "Example:\n  chengxiang divisions move 东雷庄村委会 --to 天宁镇 --database county.sqlite",
                "Example:\n  chengxiang divisions move 东雷庄村委会 --to 天宁镇 --database county.sqlite"
            )
        case .optTo: ("新的乡镇", "the new township")
        case .moveDone: ("{1} 已移至 {2}", "{1} moved to {2}")
        case .webUnknownHost:
            (
                "本服务不接受发往「{1}」的请求；如需用此名称访问，请以 --allow-host {1} 启动",
                "this server does not answer requests addressed to \"{1}\"; start it with --allow-host {1} to use that name"
            )
        case .optAllowHost:
            ("允许的主机名（可重复；默认只有本机地址）", "a host name the server answers to (repeatable; by default only this machine's addresses)")
        case .locationReadTimeLimit:
            (
                "读取 {1} 时超出时间限制（已读 {2} 行）；请放宽 --time-limit 或分区计算",
                "reading {1} ran past the time limit ({2} rows read); raise --time-limit or split the problem"
            )
        case .uiPageOf: ("第 {1}/{2} 页，共 {3} 所学校", "page {1} of {2}, {3} schools")
        case .uiPreviousPage: ("上一页", "Previous")
        case .uiNextPage: ("下一页", "Next")
        case .uiAllTownships: ("全部乡镇", "all townships")
        case .uiShow: ("显示", "Show")
        case .apiParamLimit: ("最多返回条数（默认 1000，最多 5000）", "at most this many items (default 1000, at most 5000)")
        case .apiParamOffset: ("跳过的条数（分页）", "items to skip (paging)")
        case .webStagingUnsafe:
            (
                "上传暂存目录 {1} 不属于本用户或他人可读写，已拒绝使用；请删除该目录后重启服务",
                "the upload staging folder {1} is not this user's own private folder; remove it and restart the server"
            )
        case .costTableTooManyRows:
            (
                "费用表超过 {1} 行（需求点与候选点组合的上限），多出的行只能是重复；请检查文件",
                "the cost table has more than {1} rows (the most demand–candidate pairs there can be), so rows repeat; check the file"
            )
        case .roleAdmin: ("县级管理员", "county administrator")
        case .roleBureauEditor: ("部门编辑", "bureau editor")
        case .roleTownshipEditor: ("乡镇编辑", "township editor")
        case .roleViewer: ("只读用户", "viewer")
        case .bureauEducation: ("教育局", "education bureau")
        case .bureauNaturalResources: ("自然资源局", "natural resources bureau")
        case .bureauAgriculture: ("农业农村局", "agriculture bureau")
        case .bureauHealth: ("卫生健康局", "health bureau")
        case .bureauFinance: ("财政局", "finance bureau")
        case .accessViewer: ("{1}（只读用户）不能修改数据", "{1} (viewer) may not change data")
        case .accessAdminOnly: ("只有县级管理员可以做这项修改；{1} 是{2}", "only the county administrator may make this change; {1} is a {2}")
        case .accessOtherBureau: ("这项数据属于{1}，{2} 只能修改{3}的数据", "this data belongs to the {1}; {2} may change only the {3}'s data")
        case .accessCountyData:
            ("这项数据属于全县（不属于任何部门），只有县级管理员可以修改", "this is county data owned by no bureau; only the county administrator may change it")
        case .accessCountyLevel:
            ("这是全县层面的数据，{1} 只能修改{2}及其村的数据", "this is county-level data; {1} may change only data of {2} and its villages")
        case .accessOtherTownship:
            ("「{1}」不属于{2}，{3} 只能修改{2}及其村的数据", "“{1}” is not in {2}; {3} may change only data of {2} and its villages")
        case .accessSignInFirst: ("请先登录", "sign in first")
        case .signInFailed: ("用户名或密码不正确", "wrong user name or password")
        case .signInLocked: ("登录失败次数过多，请 {1} 分钟后再试", "too many failed sign-ins; try again in {1} minutes")
        case .passwordTooShort: ("密码至少 {1} 个字符", "the password must have at least {1} characters")
        case .passwordTooLong: ("密码不能超过 {1} 字节（UTF-8）", "the password may not exceed {1} bytes (UTF-8)")
        case .passwordControl: ("密码不能包含控制字符", "the password may not contain control characters")
        case .userNameInvalid:
            ("用户名须为 1–64 个字符，不能含空格或控制字符：「{1}」", "a user name has 1–64 characters without spaces or control characters: “{1}”")
        case .userExists: ("用户「{1}」已存在", "the user “{1}” already exists")
        case .userUnknown: ("没有用户「{1}」", "there is no user “{1}”")
        case .userNeedsBureau: ("部门编辑需要 --bureau（{1}）", "a bureau editor needs --bureau ({1})")
        case .userNeedsTownship: ("乡镇编辑需要 --township（一个现有乡镇）", "a township editor needs --township (a current township)")
        case .userNoScope: ("{1} 不需要 --bureau 或 --township", "a {1} takes neither --bureau nor --township")
        case .userUnknownBureau: ("未知部门「{1}」，可选：{2}", "unknown bureau “{1}”; choose from: {2}")
        case .userUnknownRole: ("未知角色「{1}」，可选：{2}", "unknown role “{1}”; choose from: {2}")
        case .userLastAdmin: ("不能停用最后一个可用的县级管理员", "the last enabled county administrator cannot be disabled")
        case .roleWithBureau: ("{1}（{2}）", "{1} ({2})")
        case .uiSignIn: ("登录", "Sign in")
        case .uiSignOut: ("退出登录", "Sign out")
        case .uiUserName: ("用户名", "User name")
        case .uiPassword: ("密码", "Password")
        case .uiSignedInAs: ("{1} · {2}", "{1} · {2}")
        case .uiSignInNote:
            (
                "登录后可查看数据；修改数据按角色授权（县级管理员、部门编辑、乡镇编辑、只读用户）。",
                "Sign in to see the data; changes are allowed by role (county administrator, bureau editor, township editor, viewer)."
            )
        case .uiReadOnlyNote: ("您的角色（{1}）只能查看，不能修改这里的数据。", "Your role ({1}) may read but not change the data here.")
        case .optActor: ("审计日志中记录的操作人（默认为登录名）", "the actor recorded in the audit log (default: the login name)")
        case .optToken:
            (
                "以该 API 令牌所属用户的身份和权限操作（也可用环境变量 CHENGXIANG_TOKEN）",
                "act as the user of this API token, with its role and scope (or set CHENGXIANG_TOKEN)"
            )
        case .optActorInvalid: ("--actor 须为 1–64 个字符", "--actor must have 1–64 characters")
        case .cliBadToken: ("API 令牌无效、已撤销或其用户已停用", "the API token is unknown, revoked, or its user is disabled")
        case .cmdUsers: ("用户、密码与 API 令牌（需县级管理员）", "users, passwords and API tokens (administrator only)")
        case .cmdUsersDiscussion:
            (
                "Example:\n  echo 'mima-2026-xy' | chengxiang users add xiying-zhang --role township-editor --township 西营镇 --database chengxiang.sqlite\n  chengxiang users token xiying-zhang --database chengxiang.sqlite",
                "Example:\n  echo 'mima-2026-xy' | chengxiang users add xiying-zhang --role township-editor --township 西营镇 --database chengxiang.sqlite\n  chengxiang users token xiying-zhang --database chengxiang.sqlite"
            )
        case .cmdUsersAdd: ("添加用户（密码从标准输入读取）", "add a user (password read from standard input)")
        case .cmdUsersList: ("列出用户", "list the users")
        case .cmdUsersDisable: ("停用用户（其会话和令牌随之失效）", "disable a user (its sessions and tokens end)")
        case .cmdUsersEnable: ("重新启用用户", "enable a user again")
        case .cmdUsersPasswd: ("修改密码（从标准输入读取；其会话随之失效）", "set a password (read from standard input; the user's sessions end)")
        case .cmdUsersToken: ("为用户生成 API 令牌，只输出令牌本身", "issue an API token for a user; prints only the token")
        case .cmdUsersRevoke: ("撤销用户的全部 API 令牌并结束其会话", "revoke all of a user's API tokens and end its sessions")
        case .optUserName: ("用户名", "user name")
        case .optRole: ("角色：admin、bureau-editor、township-editor、viewer", "role: admin, bureau-editor, township-editor, viewer")
        case .optBureau:
            (
                "部门（部门编辑）：education、natural-resources、agriculture、health、finance",
                "bureau (bureau editors): education, natural-resources, agriculture, health, finance"
            )
        case .optTokenLabel: ("令牌用途说明", "what the token is for")
        case .promptPassword: ("密码：", "Password: ")
        case .passwordMissing: ("标准输入中没有密码", "no password on standard input")
        case .labelRole: ("角色", "Role")
        case .labelScope: ("范围", "Scope")
        case .userDisabled: ("已停用", "disabled")
        case .userEnabled: ("可用", "enabled")
        case .userAdded: ("已添加用户 {1}（{2}）", "added user {1} ({2})")
        case .userDisabledDone: ("已停用用户 {1}", "disabled user {1}")
        case .userEnabledDone: ("已启用用户 {1}", "enabled user {1}")
        case .userPasswordDone: ("已修改 {1} 的密码", "changed the password of {1}")
        case .userRevokedDone: ("已撤销 {1} 的全部令牌和会话", "revoked every token and session of {1}")
        case .cmdBackup: ("备份数据库（运行中也可，内容一致）", "back up the database (consistent, also while in use)")
        case .cmdBackupDiscussion:
            (
                "Example:\n  chengxiang backup --out 备份-2026-12-02.sqlite --database chengxiang.sqlite",
                "Example:\n  chengxiang backup --out backup-2026-12-02.sqlite --database chengxiang.sqlite"
            )
        case .cmdRestore: ("从备份恢复数据库（目标非空时需 --force）", "restore the database from a backup (--force when the target is not empty)")
        case .cmdRestoreDiscussion:
            (
                "Example:\n  chengxiang restore 备份-2026-12-02.sqlite --database chengxiang.sqlite",
                "Example:\n  chengxiang restore backup-2026-12-02.sqlite --database chengxiang.sqlite"
            )
        case .optBackupOut: ("备份文件", "the backup file to write")
        case .optBackupFile: ("要恢复的备份文件", "the backup file to restore")
        case .backupDone: ("已备份到 {1}（数据版本 {2}）", "backed up to {1} (data stamp {2})")
        case .restoreDone: ("已从 {1} 恢复到 {2}（数据版本 {3}）", "restored {1} into {2} (data stamp {3})")
        case .backupExists: ("备份文件 {1} 已存在；用 --force 覆盖", "the backup file {1} exists; use --force to replace it")
        case .restoreNotEmpty: ("数据库 {1} 已有数据；用 --force 以备份替换", "the database {1} holds data; use --force to replace it with the backup")
        case .notABackup: ("{1} 不是本系统的数据库备份", "{1} is not a backup of this system's database")
        case .demoAdministrator:
            (
                "演示管理员：{1}  密码：{2}（每次生成演示时重新生成；可用 chengxiang users passwd 修改）",
                "demo administrator: {1}  password: {2} (new with each demo; change it with chengxiang users passwd)"
            )
        case .optPublicRead:
            (
                "允许未登录的访问者查看（GET）页面和 API；修改仍须登录",
                "let visitors who have not signed in read (GET) pages and the API; changes still need a user"
            )
        case .optBehindHTTPS:
            (
                "经 HTTPS 访问（或位于 HTTPS 网关之后）：会话 Cookie 加 Secure 标记",
                "served over HTTPS (or behind an HTTPS gateway): mark the session cookie Secure"
            )
        case .apiParamUserName: ("用户名", "user name")
        case .apiTokenCreate:
            ("用用户名和密码换取 API 令牌（与登录相同的锁定规则）", "exchange a user name and password for an API token (same lock-out as signing in)")
        case .apiUsers: ("用户列表（县级管理员）", "the users (administrator)")
        case .apiUserCreate: ("添加用户（县级管理员）", "add a user (administrator)")
        case .apiUserChange: ("停用、启用用户或修改密码（县级管理员）", "disable or enable a user, or set a password (administrator)")
        case .apiUserRevoke: ("撤销用户的全部令牌并结束其会话（县级管理员）", "revoke all of a user's tokens and end its sessions (administrator)")
        case .apiBearer:
            ("chengxiang users token 或 POST /api/v1/tokens 得到的令牌", "a token from chengxiang users token or POST /api/v1/tokens")
        case .webSolverBusy: ("正在求解的方案已达上限，请稍后再试", "as many scenarios as the server solves at once are being solved; try again shortly")
        case .uiClose: ("关闭", "Close")
        case .webTooLargeKB: ("提交内容超过 {1} KB 上限", "the request exceeds the {1} KB limit")
        case .uiTaskNotSaved: ("任务 {1} 未保存：", "task {1} was not saved:")
        case .tlsBadCertificate:
            ("无法读取 TLS 证书 {1}（须为 PEM 格式的证书链）", "cannot read the TLS certificate {1} (a PEM certificate chain is needed)")
        case .tlsBadKey: ("无法读取 TLS 私钥 {1}（须为 PEM 格式，未加密）", "cannot read the TLS private key {1} (PEM, not encrypted)")
        case .optTLSCert: ("以 HTTPS 提供服务：证书链文件（PEM）；须与 --tls-key 同用", "serve HTTPS: the certificate chain (PEM); with --tls-key")
        case .optTLSKey: ("以 HTTPS 提供服务：私钥文件（PEM）", "serve HTTPS: the private key (PEM)")
        case .optTLSBoth: ("--tls-cert 与 --tls-key 须同时给出", "--tls-cert and --tls-key go together")
        case .uiClasses: ("班级数", "Classes")
        case .auditInsert: ("新增", "added")
        case .auditUpdate: ("修改", "changed")
        case .auditDelete: ("删除", "deleted")
        case .uiChanges: ("改动", "Changes")
        case .taskDoneNotFull: ("标为「已完成」的任务进度须为 100%（填写的是 {1}%）", "a task marked done must be 100% complete ({1}% was given)")
        case .noObservations: ("没有要记录的观测值", "there are no observations to record")
        case .backupOntoDatabase: ("备份文件 {1} 就是数据库本身；请换一个文件名", "the backup file {1} is the database itself; choose another name")
        case .backupCannotWrite: ("无法写入备份文件 {1}（目录不存在或无写权限）", "cannot write the backup file {1} (no such folder, or no permission)")
        case .serverBusy: ("服务器正忙，请稍后再试", "the server is busy; try again shortly")
        case .uiExportCSV: ("CSV（UTF-8）", "CSV (UTF-8)")
        case .postgresURLInvalid:
            (
                "PostgreSQL 地址无法识别：{1}（格式：postgres://用户[:密码]@主机[:端口]/数据库[?schema=模式名&sslmode=disable 或 prefer 或 require]；模式名只用小写字母、数字和下划线）",
                "not a PostgreSQL address this program understands: {1} (form: postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?schema=NAME&sslmode=disable, prefer or require]; a schema name uses lower-case letters, digits and underscores only)"
            )
        case .postgresUnreachable:
            (
                "无法连接 PostgreSQL 数据库 {1}：{2}（请检查地址、端口、用户名和密码，以及服务器是否在运行）",
                "cannot connect to the PostgreSQL database {1}: {2} (check the address, port, user and password, and that the server is running)"
            )
        case .postgresLost:
            (
                "与 PostgreSQL 数据库的连接中断：{1}；本次改动未保存，请重试",
                "the connection to the PostgreSQL database was lost: {1}; this change was not saved, try again"
            )
        case .postgresNotHere:
            (
                "这项操作只适用于 SQLite 数据库文件；PostgreSQL 数据库请用 chengxiang backup（内部调用 pg_dump）",
                "this works on a SQLite database file only; for a PostgreSQL database use chengxiang backup (which runs pg_dump)"
            )
        case .restoreOtherSchema:
            (
                "备份 {1} 来自模式 {2}，不能恢复到模式 {3}；请在地址中写 ?schema={2}",
                "the backup {1} is of the schema {2} and cannot be restored into the schema {3}; put ?schema={2} in the address"
            )
        case .postgresToolMissing:
            (
                "找不到 PostgreSQL 工具 {1}（apt-get install postgresql-client）",
                "the PostgreSQL tool {1} was not found (apt-get install postgresql-client)"
            )
        case .postgresToolFailed: ("{1} 失败：{2}", "{1} failed: {2}")
        case .postgresTimedOut:
            (
                "PostgreSQL 数据库 {1} 秒未响应，已断开该连接；本次改动未保存，请检查数据库服务器后重试",
                "the PostgreSQL database did not answer for {1} seconds and the connection was dropped; this change was not saved; check the database server and try again"
            )
        case .uiExportXLSX: ("导出 Excel", "Export Excel")
        case .uiExportGBK: ("CSV（GBK，旧版 Excel/WPS）", "CSV (GBK, for old Excel/WPS)")
        case .uiReportFileName: ("监测报告", "monitoring report")
        case .uiReportXLSX: ("监测报告 Excel", "Report (Excel)")
        case .uiReportPDF: ("监测报告 PDF", "Report (PDF)")
        case .uiReportHTML: ("监测报告（可打印网页）", "Report (printable page)")
        case .uiPrint: ("打印本页", "Print this page")
        case .uiTemplates: ("空白模板", "Templates")
        case .uiTemplatesNote:
            (
                "模板只有表头（导入时识别的列名）；填好后在上方导入。",
                "A template holds only the header row (the column names the importer reads); fill it in and import it above."
            )
        case .planNameTooLong: ("方案名称过长（最多 {1} 个字）", "the scenario name is too long (at most {1} characters)")
        case .uiRename: ("改名", "Rename")
        case .uiDeleteScenario: ("删除方案", "Delete scenario")
        case .uiConfirmDelete: ("确定删除这个方案吗？审计日志会保留它的名称和参数。", "Delete this scenario? The audit log keeps its name and options.")
        case .uiScenarioRenamed: ("方案已改名为「{1}」", "the scenario is now called \"{1}\"")
        case .uiScenarioDeleted: ("方案「{1}」已删除（审计日志保留其名称和参数）", "scenario \"{1}\" deleted (the audit log keeps its name and options)")
        case .postgresNoRegister:
            (
                "{1} 中没有本系统的数据库（模式名写错了？新建请用 chengxiang init 或 demo）",
                "there is no register of this system at {1} (a mistyped schema? create one with chengxiang init or demo)"
            )
        case .postgresDenied: ("PostgreSQL 拒绝了这项操作：{1}（请检查数据库用户的权限）", "PostgreSQL refused this: {1} (check the database user's privileges)")
        case .restoreNotOurs:
            (
                "模式 {1} 中还有不属于本系统的表（{2}）；为免误删，不在此模式中删除或恢复",
                "the schema {1} holds tables that are not this system's ({2}); to delete nothing by mistake, nothing is dropped or restored there"
            )
        case .importRatioImplausible:
            (
                "{1}：生师比 {2}，超过编制标准 {3} 的三倍，请核对在校人数和教职人数（不影响导入）",
                "{1}: {2} students per staff, more than three times the staffing norm of {3}; check the students and staff figures (the import is not blocked)"
            )
        case .uiImportChanges: ("提交后：新增 {1} 所，更新 {2} 所，未变 {3} 所", "on commit: {1} new, {2} changed, {3} the same")
        case .schoolEditField: ("{1}：{2}", "{1}: {2}")
        case .schoolStaffWithoutStudents: ("有教职人数而在校人数为空：请同时填写在校人数", "staff are given but students are not: fill in the students too")
        case .uiEditSchool: ("修改本校数据", "Edit this school's data")
        case .uiSchoolSaved: ("已保存（记入审计日志）", "saved (recorded in the audit log)")
        case .uiLeaveBlankUnknown: ("留空表示“未知”", "leave blank for \"unknown\"")
        case .chartObserved: ("观测值", "observed")
        case .chartExpectedPath: ("达标所需进度", "path to the target")
        case .uiReplacedValue:
            ("{1} 的原值 {2} 已替换为 {3}（审计日志保留原值）", "the value {2} recorded for {1} was replaced by {3} (the audit log keeps the old one)")
        case .uiNoMatch: ("没有符合筛选条件的行", "No row matches the filter")
        case .uiTotalRow: ("合计（所显示的行）", "Total (rows shown)")
        case .uiAllStatuses: ("全部状态", "all statuses")
        case .uiAllBureaus: ("全部部门", "all bureaus")
        case .uiPastDeadlineOnly: ("只看逾期与过期未报", "only overdue or past deadline")
        case .uiTasksShown: ("显示 {1} 项（共 {2} 项）", "showing {1} of {2} tasks")
        case .uiNoTaskMatches: ("没有符合条件的任务", "No task matches")
        case .uiBureau: ("部门", "Bureau")
        case .navSearch: ("搜索", "Search")
        case .uiSearchPlaceholder: ("学校、乡镇、村、任务、指标", "schools, townships, villages, tasks, indicators")
        case .uiSearchResults: ("“{1}”：找到 {2} 项", "\"{1}\": {2} found")
        case .uiSearchNothing:
            (
                "没有找到与“{1}”相符的学校、乡镇、村、任务或指标。可输入名称的一部分或代码。",
                "Nothing matches \"{1}\" among schools, townships, villages, tasks and indicators. Try part of a name, or a code."
            )
        case .uiSearchHint:
            (
                "输入名称的一部分或代码（行政区划代码、任务编号、指标代码），不区分大小写和全角半角。",
                "Type part of a name or a code (division code, task code, indicator code); case and full-width letters do not matter."
            )
        case .uiSearchKindSchool: ("学校", "Schools")
        case .uiSearchKindTownship: ("乡镇", "Townships")
        case .uiSearchKindVillage: ("村", "Villages")
        case .uiSearchKindTask: ("任务", "Tasks")
        case .uiSearchKindIndicator: ("指标", "Indicators")
        case .uiSearchButton: ("搜索", "Search")
        case .guideSchools:
            (
                "每行一所学校。乡镇可写全称或简称（天宁镇 / 天宁），空白表示同上一行；规模写“小学”“初中”“九年一贯制”等；在校人数、教职人数为非负整数，未知留空；占地面积以亩计（或用“占地面积(平方米)”列）。按乡镇 + 学校名称匹配已有学校：已有则更新，没有则新增。表中列出但无学校行的乡镇记为“未报数据”。",
                "One row per school. The township in full or short (天宁镇 / 天宁); a blank township cell repeats the row above. Level as 小学, 初中, 九年一贯制 and so on. Students and staff are whole numbers of 0 or more, blank when unknown; land in mu (or a 占地面积(平方米) column in square metres). A school is matched by township and name: an existing one is updated, a new one added. A township listed without school rows is recorded as \"not reported\"."
            )
        case .guideDivisions:
            (
                "每行一个行政区划（县、乡镇、村）。代码为 6、9 或 12 位统计用区划代码；上级可用代码或名称；撤并的单位写状态、生效日期和承继代码。经纬度为 WGS84 度，写明位置质量（实测、近似、示意）。",
                "One row per division (county, township, village). Codes are the statistical division codes of 6, 9 or 12 digits; the parent by code or name; a merged unit gives its status, dates and successor code. Longitude and latitude in WGS84 degrees, with the position's quality (surveyed, approximate, illustrative)."
            )
        case .guideObservations:
            (
                "每行一个指标值：指标代码、地区（县或乡镇名称）、期间（2024、2024Q2 或 2024-05）、数值。数值按指标的单位和取值范围检查；同一指标、地区、期间的值将替换原值（审计日志保留原值）。",
                "One indicator value per row: the indicator code, the area (the county's or a township's name), the period (2024, 2024Q2 or 2024-05) and the value. Values are checked against the indicator's unit and range; a value for an indicator, area and period already recorded replaces it (the audit log keeps the old one)."
            )
        case .guideTasks:
            (
                "每行一项任务：任务代码和名称必填；截止写 2025 或 2025-06；状态写未开始、进行中、已完成或暂停；完成百分比 0–100，已完成须为 100。",
                "One task per row: code and name are required; deadline as 2025 or 2025-06; status as 未开始, 进行中, 已完成 or 暂停 (or not_started, in_progress, done, suspended); percent 0–100, and 100 when done."
            )
        case .uiFormatGuide: ("格式说明", "Format guide")
        case .uiColumnNames: ("可用的列名", "Header names accepted")
        case .uiRequired: ("必填", "Required")
        case .uiOptional: ("可选", "Optional")
        case .uiGuideCommon:
            (
                "文件可为 CSV（UTF-8 或 GBK，逗号或制表符分隔）或 Excel .xlsx（可选工作表）；列的顺序不限，表头上方可有标题行；不认识的列被忽略。先检查后写入：有任何错误则一行也不写。",
                "Files may be CSV (UTF-8 or GBK, comma- or tab-separated) or Excel .xlsx (choose a sheet if needed); columns may come in any order, with a title row above the header; unknown columns are ignored. Nothing is written until the whole file checks: with any error, no row is written."
            )
        case .uiDataYearDefault: ("数据年份（学校表中未填的行）", "Data year (school rows that give none)")
        case .uiSourceDefault: ("来源（学校表中未填的行）", "Source (school rows that give none)")
        case .uiSourceDefaultHint: ("默认为文件名", "the file name if blank")
        case .xScenarioDecision: ("方案结果", "Decision")
        case .xPupilsNow: ("现有学生", "Pupils now")
        case .xPupilsAfter: ("方案后学生", "Pupils after")
        case .xPositionQuality: ("位置", "Position")
        case .xNew: ("新建", "new")
        case .xIllustrative: ("示意", "illustrative")
        case .xApproximate: ("近似", "approximate")
        case .xRealPosition: ("公开来源", "published")
        case .xSeats: ("容量（座位）", "Capacity (seats)")
        case .uiKeepHint: ("按住 Ctrl（Mac 上为 ⌘）可选多所；不选则不限定。", "Hold Ctrl (⌘ on a Mac) to choose several; choose none for no constraint.")
        case .uiMeasuresExplained:
            (
                "目标值：模型所最小化（或最大化）的量，如学生路程之和；界：求解器证明的最优值不可能好于此数；差距：目标值与界之差占目标值的比例，为 0 即已证明最优。",
                "Objective: what the model minimises (or maximises), e.g. the sum of pupils' journeys. Bound: the solver has proved the best possible value is no better than this. Gap: the difference between objective and bound as a share of the objective; 0 means proven optimal."
            )
        case .planNewSiteUnused:
            (
                "新建点「{1}」被模型选中，但没有学生分配到它，不计为新建学校",
                "The new site \"{1}\" was chosen by the model but no pupils are assigned to it; it is not counted as a new school"
            )
        case .xCode: ("代码", "Code")
        case .xTaskName: ("任务", "Task")
        case .xPercent: ("完成百分比", "Percent complete")
        case .xDeadlineState: ("期限状态", "Deadline state")
        case .uiUnit: ("单位", "Unit")
        case .geojsonUnknownCRS:
            (
                "GeoJSON 的坐标系「{1}」不受支持：可用 WGS84（EPSG:4326）、CGCS2000 经纬度（EPSG:4490）或 CGCS2000 高斯–克吕格 3°/6° 分带（EPSG:4491–4554）",
                "The GeoJSON's coordinate system \"{1}\" is not supported: use WGS84 (EPSG:4326), CGCS2000 degrees (EPSG:4490) or CGCS2000 Gauss–Krüger 3°/6° zones (EPSG:4491–4554)"
            )
        case .geojsonProjectedNoCRS:
            (
                "坐标不是经纬度（第 {1} 个要素有 {2}, {3}），文件也没有写明坐标系（crs 成员）。{4}请导出为 WGS84 或 CGCS2000 经纬度，或在文件中写明 crs（crs 成员的 name 写 EPSG 代码，如 EPSG:4546）",
                "The coordinates are not degrees (feature {1} has {2}, {3}) and the file names no coordinate system (no crs member). {4}Export as WGS84 or CGCS2000 degrees, or name the system in the file (a crs member whose name is the EPSG code, e.g. EPSG:4546)"
            )
        case .geojsonZoneFromPrefix:
            (
                "东坐标前的带号为 {1}，应为 EPSG:{2}（CGCS2000 高斯–克吕格 {3}° 分带，中央经线 {4}°E，带号在前）。",
                "The easting starts with zone {1}: this is EPSG:{2} (CGCS2000 Gauss–Krüger {3}° zones, central meridian {4}°E, zone number in front)."
            )
        case .geojsonZoneUnknown:
            (
                "东坐标不带带号，须知中央经线：CGCS2000 3° 分带为 EPSG:4534–4554（如中央经线 111°E 为 EPSG:4546），6° 分带为 EPSG:4502–4512。",
                "The easting carries no zone number, so the central meridian must be known: CGCS2000 3° zones are EPSG:4534–4554 (central meridian 111°E: EPSG:4546), 6° zones EPSG:4502–4512."
            )
        case .geojsonTransformFailed:
            (
                "第 {1} 个要素的坐标 {2}, {3} 无法从 EPSG:{4} 换算为经纬度（不在该分带内？）",
                "Feature {1}: the position {2}, {3} cannot be turned from EPSG:{4} into degrees (outside the zone?)"
            )
        case .geojsonZoneNear:
            (
                "本县在东经 {1}° 附近：东坐标不带带号时应为 EPSG:{2}（CGCS2000 3° 分带，中央经线 {3}°E），可在导入时加 --crs EPSG:{2}。",
                "The county lies near {1}°E: eastings without a zone number would be EPSG:{2} (CGCS2000 3° zones, central meridian {3}°E); add --crs EPSG:{2} to the import."
            )
        case .geojsonCRSConflict:
            (
                "文件写明的坐标系为 EPSG:{1}，与 --crs 指定的 EPSG:{2} 不同，未导入：请确认哪一个正确",
                "The file names EPSG:{1} but --crs says EPSG:{2}; nothing was imported: check which is right"
            )
        case .badCRSOption:
            (
                "「{1}」不是可用的坐标系：请写 EPSG:4326、EPSG:4490 或 EPSG:4491–4554 中的一个（CGCS2000 高斯–克吕格分带）",
                "\"{1}\" is not a coordinate system this program reads: write EPSG:4326, EPSG:4490 or one of EPSG:4491–4554 (CGCS2000 Gauss–Krüger zones)"
            )
        case .optCRS:
            (
                "文件未写明坐标系时所用的坐标系，如 EPSG:4546（CGCS2000 3° 分带，中央经线 111°E）",
                "The coordinate system of a file that names none, e.g. EPSG:4546 (CGCS2000 3° zones, central meridian 111°E)"
            )
        case .vectorUnreadable:
            (
                "GDAL 无法读取此文件（支持 Shapefile、zip 压缩的 Shapefile、GeoPackage、GeoJSON、文件地理数据库）：{1}",
                "GDAL cannot read this file (Shapefile, zipped Shapefile, GeoPackage, GeoJSON and file geodatabase are accepted): {1}"
            )
        case .vectorNoLayer: ("文件中没有图层", "The file holds no layer")
        case .vectorSeveralLayers: ("文件中有多个图层：{1}；请用 --layer 指定一个", "The file holds several layers: {1}; name one with --layer")
        case .vectorNoSuchLayer: ("文件中没有图层「{1}」；现有图层：{2}", "The file has no layer \"{1}\"; its layers: {2}")
        case .vectorEncodingFormat: ("{1}（格式规定）", "{1} (as the format prescribes)")
        case .vectorEncodingNamed: ("{1}（按 --encoding 指定）", "{1} (as --encoding names)")
        case .vectorEncodingCPG: ("{1}（按 .cpg 或 .dbf 代码页「{2}」）", "{1} (as the .cpg or the .dbf code page \"{2}\" names)")
        case .vectorEncodingDetected: ("{1}（按内容识别，无 .cpg）", "{1} (detected from the bytes; no .cpg)")
        case .vectorEncodingFailed:
            (
                "属性表文字不能按 {1} 解读；请用 --encoding gbk 或 --encoding utf-8 指定编码",
                "The attribute text cannot be read as {1}; name the encoding with --encoding gbk or --encoding utf-8"
            )
        case .shapefileCountMismatch:
            (
                ".shp/.shx 有 {1} 条记录而 .dbf 有 {2} 条：文件不完整或来自不同版本",
                "The .shp/.shx hold {1} records but the .dbf holds {2}: the files are incomplete or from different versions"
            )
        case .layerUnknownKind: ("未知的图层类别「{1}」；可用：{2}", "Unknown layer kind \"{1}\"; choices: {2}")
        case .layerKindBasicFarmland: ("永久基本农田", "permanent basic farmland")
        case .layerKindEcologicalRedline: ("生态保护红线", "ecological protection red line")
        case .layerKindUrbanBoundary: ("城镇开发边界", "urban development boundary")
        case .layerKindConstructionPlan: ("规划建设用地", "planned construction land")
        case .layerKindVillageConstruction: ("村庄规划建设用地", "village-plan construction land")
        case .layerKindCurrentUse: ("现状用地（三调）", "current land use (third land survey)")
        case .layerKindHeritage: ("历史文化保护", "historic and cultural protection")
        case .layerKindHazard: ("地质灾害", "geological hazard")
        case .layerKindOther: ("其他", "other")
        case .conflictUnknownRelation: ("未知的规则关系「{1}」；可用：{2}", "Unknown rule relation \"{1}\"; choices: {2}")
        case .conflictUnknownSeverity: ("未知的严重程度「{1}」；可用：error、warning", "Unknown severity \"{1}\"; choices: error, warning")
        case .conflictMustNotOverlap: ("不得压占", "must not overlap")
        case .conflictMustLieWithin: ("须位于", "must lie within")
        case .conflictSeverityError: ("冲突", "conflict")
        case .conflictSeverityWarning: ("提示", "warning")
        case .conflictClassesOf: ("{1}（地类 {2}）", "{1} (classes {2})")
        case .conflictStatement: ("{1}{2}{3}", "{1} {2} {3}")
        case .layerNotFound: ("没有名为「{1}」的图层", "There is no layer named \"{1}\"")
        case .layerNoSuchField: ("文件中没有字段「{1}」；现有字段：{2}", "The file has no field \"{1}\"; its fields: {2}")
        case .layerNoFeatures: ("文件中没有要素", "The file holds no feature")
        case .layerNoGeometry: ("没有几何（或 GDAL 无法读取其几何）", "has no geometry (or GDAL cannot read it)")
        case .layerEmptyGeometry: ("几何为空", "has an empty geometry")
        case .layerWrongGeometry: ("几何类型为 {1}，而「{2}」图层须为面", "has a {1} geometry, but a layer of {2} must hold polygons")
        case .layerNonFinite: ("坐标含非数值或无穷大", "has a coordinate that is not a finite number")
        case .layerInvalidGeometry:
            (
                "几何无效：{1}，位于 {2}, {3}（源坐标）；修正后重新导入，或加 --repair 由 GEOS MakeValid 修复",
                "has an invalid geometry: {1} at {2}, {3} (source coordinates); correct it and import again, or add --repair to repair it with GEOS MakeValid"
            )
        case .layerRepairedNote: ("已用 GEOS MakeValid 修复的要素：{1}", "Features repaired with GEOS MakeValid: {1}")
        case .layerUnknownCRS:
            (
                "文件的坐标系「{1}」不是本系统支持的坐标系（WGS84、CGCS2000 经纬度及 3°/6° 高斯—克吕格投影）；请先转换到 CGCS2000",
                "The file's coordinate system \"{1}\" is not one this program supports (WGS84, CGCS2000 degrees, and CGCS2000 3°/6° Gauss–Krüger); transform it to CGCS2000 first"
            )
        case .layerNoCRSZones:
            (
                "文件没有写明坐标系（无 .prj 或 crs）。适合本县范围的坐标系：{1}；请加 --crs 指定，如 --crs EPSG:4546",
                "The file names no coordinate system (no .prj or crs). Systems that fit the county: {1}; name one with --crs, e.g. --crs EPSG:4546"
            )
        case .layerNoCRS:
            (
                "文件没有写明坐标系（无 .prj 或 crs）；请加 --crs 指定，如 --crs EPSG:4546",
                "The file names no coordinate system (no .prj or crs); name one with --crs, e.g. --crs EPSG:4546"
            )
        case .layerOutsideCounty: ("有 {1} 平方米在县界之外", "reaches {1} m² outside the county outline")
        case .layerFeatureNamed: ("第 {1} 个要素（{2}）", "feature {1} ({2})")
        case .layerFeatureNumber: ("第 {1} 个要素", "feature {1}")
        case .layerFeatureProblem: ("{1}：{2}", "{1}: {2}")
        case .conflictSameKinds: ("规则的两类图层不能相同", "A rule's two kinds of layer must differ")
        case .conflictRuleExists: ("已有相同的规则", "The same rule exists already")
        case .conflictNoRule: ("没有编号为 {1} 的规则", "There is no rule {1}")
        case .conflictBadArea: ("最小图斑面积须为不小于 0 的数（平方米），而不是 {1}", "The minimum patch area must be a number of m² not below 0, not {1}")
        case .conflictNoLayer: ("未检查：还没有「{1}」图层", "not checked: no layer of {1} yet")
        case .vectorCannotWrite: ("无法写出文件 {1}：{2}", "Cannot write the file {1}: {2}")
        case .conflictNothingToExport: ("还没有图层，无法导出冲突图斑", "There are no layers yet, so no conflict patches to export")
        case .conflictTitle: ("冲突图斑", "Conflict patches")
        case .cxRule: ("规则", "rule")
        case .cxSeverity: ("严重程度", "severity")
        case .cxLayerA: ("图层A", "layerA")
        case .cxFeatureA: ("要素A", "featureA")
        case .cxLabelA: ("名称A", "labelA")
        case .cxLayerB: ("图层B", "layerB")
        case .cxFeatureB: ("要素B", "featureB")
        case .cxLabelB: ("名称B", "labelB")
        case .cxAreaM2: ("面积平方米", "areaM2")
        case .cxAreaMu: ("面积亩", "areaMu")
        case .cxTownship: ("乡镇", "township")
        case .cxTownshipBy: ("乡镇依据", "townshipBy")
        case .cxIllustrative: ("示意", "illustr")
        case .townshipByBoundary: ("乡镇界线", "township boundary")
        case .townshipByNearestSeat: ("最近乡镇驻地（无乡镇界线，近似）", "nearest township seat (no township boundaries; approximate)")
        case .townshipByNone: ("无乡镇界线和驻地", "no township boundaries or seats")
        case .cmdLayers: ("规划图层（多规合一）：导入、列出、导出、删除", "plan layers (multi-plan integration): import, list, export, delete")
        case .cmdLayersDiscussion:
            (
                "图层以县的工作坐标系（CGCS2000 3° 高斯—克吕格，交城为 EPSG:4546）存储，面积以平方米计。冲突检测见 chengxiang conflicts。\n例：chengxiang layers list --database county.sqlite",
                "Layers are stored in the county's working system (CGCS2000 3° Gauss–Krüger; EPSG:4546 for Jiaocheng), areas in m². For conflict detection see chengxiang conflicts.\nExample: chengxiang layers list --database county.sqlite"
            )
        case .cmdLayersImport:
            (
                "导入规划图层（Shapefile、zip、GeoPackage、GeoJSON、文件地理数据库）",
                "import a plan layer (Shapefile, zip, GeoPackage, GeoJSON, file geodatabase)"
            )
        case .cmdLayersImportDiscussion:
            (
                "逐个要素校验几何（GEOS），全部通过才写入；无坐标系的文件须加 --crs；无 .cpg 的 .dbf 自动识别 GBK。\n例：chengxiang layers import 基本农田.shp --kind basic-farmland --database county.sqlite",
                "Every feature's geometry is checked (GEOS) and the layer is written only if all pass; a file with no coordinate system needs --crs; a .dbf without .cpg is detected as GBK.\nExample: chengxiang layers import farmland.shp --kind basic-farmland --database county.sqlite"
            )
        case .optLayerFile: ("图层文件：.shp、.zip、.gpkg、.geojson 或 .gdb 目录", "The layer file: .shp, .zip, .gpkg, .geojson or a .gdb folder")
        case .optLayerKind:
            (
                "图层类别：basic-farmland、ecological-redline、urban-boundary、construction-plan、village-construction、current-use、heritage、hazard、other",
                "The layer's kind: basic-farmland, ecological-redline, urban-boundary, construction-plan, village-construction, current-use, heritage, hazard, other"
            )
        case .optLayerName: ("图层名称（默认取文件中的图层名）", "The layer's name (by default the file's layer name)")
        case .optEncoding:
            (
                "Shapefile 属性表编码：gbk 或 utf-8（默认按 .cpg 或自动识别）",
                "The Shapefile attribute encoding: gbk or utf-8 (by default from the .cpg or detected)"
            )
        case .optSourceLayer: ("文件含多个图层时要导入的图层", "Which layer to import from a file holding several")
        case .optClassField: ("地类编码字段（默认查找 DLBM、地类编码等）", "The land-class field (by default DLBM, 地类编码 and the like)")
        case .optRepair:
            ("用 GEOS MakeValid 修复无效几何并在导入日志中记录", "Repair invalid geometries with GEOS MakeValid and record them in the import log")
        case .layerValidated: ("已校验（未写入）：图层「{1}」（{2}），来自 {3}", "Checked (nothing written): layer \"{1}\" ({2}) from {3}")
        case .layerImported: ("已导入：图层「{1}」（{2}），来自 {3}", "Imported: layer \"{1}\" ({2}) from {3}")
        case .layerFacts:
            (
                "{1} 个要素，面积 {2} 平方米（{3} 亩）；源坐标系 EPSG:{4}，存储于 EPSG:{5}；属性编码 {6}",
                "{1} features, {2} m² ({3} mu); source system EPSG:{4}, stored in EPSG:{5}; attribute encoding {6}"
            )
        case .cmdLayersList: ("列出规划图层", "list the plan layers")
        case .colLayerKind: ("类别", "kind")
        case .colFeatures: ("要素数", "features")
        case .colAreaM2: ("面积（平方米）", "area (m²)")
        case .colAreaMu: ("面积（亩）", "area (mu)")
        case .colSourceFile: ("来源文件", "source file")
        case .colCRS: ("源坐标系", "source system")
        case .colImported: ("导入", "imported")
        case .illustrativeName: ("{1}（示意）", "{1} (illustrative)")
        case .layersNone: ("还没有规划图层；用 chengxiang layers import 导入", "No plan layers yet; import one with chengxiang layers import")
        case .cmdLayersExport: ("导出图层为 GeoJSON、Shapefile 或 GeoPackage", "export a layer as GeoJSON, Shapefile or GeoPackage")
        case .optVectorFormat: ("输出格式：geojson、shp、gpkg", "Output format: geojson, shp, gpkg")
        case .optExportCRS:
            ("输出坐标系，如 EPSG:4490（默认：图层来源文件的坐标系）", "Output coordinate system, e.g. EPSG:4490 (by default that of the layer's source file)")
        case .layerExported: ("已导出图层「{1}」的 {2} 个要素到 {3}", "Exported {2} features of layer \"{1}\" to {3}")
        case .cmdLayersDelete: ("删除图层及其要素", "delete a layer and its features")
        case .layerDeleted: ("已删除图层「{1}」", "Deleted layer \"{1}\"")
        case .cmdConflicts: ("多规合一冲突检测：检查、导出、规则", "multi-plan conflict detection: check, export, rules")
        case .cmdConflictsDiscussion:
            (
                "按规则叠加图层，列出每个冲突图斑（面积以工作坐标系计，平方米和亩）及其所在乡镇。\n例：chengxiang conflicts check --format json --database county.sqlite",
                "Overlays layers by rule and lists every conflict patch (area in the working system, m² and mu) with its township.\nExample: chengxiang conflicts check --format json --database county.sqlite"
            )
        case .cmdConflictsCheck: ("检查所有启用的规则", "check every enabled rule")
        case .cmdConflictsExport: ("导出冲突图斑为 XLSX、GeoJSON 或 Shapefile", "export the conflict patches as XLSX, GeoJSON or Shapefile")
        case .optConflictFormat: ("输出格式：xlsx、geojson、shp", "Output format: xlsx, geojson, shp")
        case .conflictsExported: ("已导出 {1} 个冲突图斑到 {2}", "Exported {1} conflict patches to {2}")
        case .cmdConflictRules: ("冲突规则：列出、添加、修改", "conflict rules: list, add, change")
        case .cmdConflictRulesList: ("列出冲突规则", "list the conflict rules")
        case .colRuleID: ("编号", "no.")
        case .colRule: ("规则", "rule")
        case .colMinArea: ("最小图斑（平方米）", "min. patch (m²)")
        case .colSeverity: ("严重程度", "severity")
        case .colEnabled: ("启用", "enabled")
        case .cmdConflictRulesAdd: ("添加冲突规则：A 关系 B", "add a conflict rule: A relation B")
        case .cmdConflictRulesAddDiscussion:
            (
                "关系：must-not-overlap（不得压占）或 must-lie-within（须位于）。\n例：chengxiang conflicts rules add heritage must-not-overlap construction-plan --min-area 10 --database county.sqlite",
                "Relations: must-not-overlap or must-lie-within.\nExample: chengxiang conflicts rules add heritage must-not-overlap construction-plan --min-area 10 --database county.sqlite"
            )
        case .optRuleA: ("图层类别 A", "Layer kind A")
        case .optRuleRelation: ("关系：must-not-overlap 或 must-lie-within", "Relation: must-not-overlap or must-lie-within")
        case .optRuleB: ("图层类别 B", "Layer kind B")
        case .optRuleClasses:
            (
                "只检查 A 中地类编码以这些开头的要素，逗号分隔，如 05,06,07",
                "Check only features of A whose land class starts with these codes, comma-separated, e.g. 05,06,07"
            )
        case .optMinArea: ("最小冲突图斑面积（平方米，默认 1）", "Minimum conflict patch area (m², default 1)")
        case .optSeverity: ("严重程度：error 或 warning", "Severity: error or warning")
        case .conflictRuleAdded: ("已添加规则 {1}：{2}", "Added rule {1}: {2}")
        case .cmdConflictRulesSet: ("修改规则的最小面积、严重程度或是否启用", "change a rule's minimum area, severity or whether it is checked")
        case .optRuleID: ("规则编号（见 conflicts rules list）", "The rule's number (see conflicts rules list)")
        case .optRuleEnabled: ("是否启用：true 或 false", "Whether it is checked: true or false")
        case .conflictRuleSet: ("已修改规则 {1}", "Changed rule {1}")
        case .conflictsMeasuredIn: ("面积在 EPSG:{1} 中计算（平方米；1 亩 = 666.67 平方米）", "Areas measured in EPSG:{1} (m²; 1 mu = 666.67 m²)")
        case .conflictsNone: ("没有发现冲突图斑", "No conflict patches found")
        case .colTownship: ("乡镇", "township")
        case .colPatches: ("图斑数", "patches")
        case .colFeatureA: ("要素 A", "feature A")
        case .colFeatureB: ("要素 B", "feature B")
        case .conflictSkippedLine: ("规则 {1}（{2}）{3}", "Rule {1} ({2}) {3}")
        case .layerEmptyName: ("图层名称不能为空", "A layer name cannot be empty")
        case .cmdLayersListDiscussion:
            (
                "例：chengxiang layers list --format json --database county.sqlite",
                "Example: chengxiang layers list --format json --database county.sqlite"
            )
        case .cmdLayersExportDiscussion:
            (
                "Shapefile 的 .dbf 以 GBK 写出并附 .cpg；--out 以 .zip 结尾时打包为一个 zip。\n例：chengxiang layers export 基本农田 --format shp --out 农田.zip --database county.sqlite",
                "A Shapefile's .dbf is written in GBK with a .cpg; an --out ending in .zip gives one zip.\nExample: chengxiang layers export farmland --format shp --out farmland.zip --database county.sqlite"
            )
        case .cmdLayersDeleteDiscussion:
            (
                "例：chengxiang layers delete 基本农田 --database county.sqlite",
                "Example: chengxiang layers delete farmland --database county.sqlite"
            )
        case .cmdConflictsCheckDiscussion:
            (
                "例：chengxiang conflicts check --format csv --database county.sqlite",
                "Example: chengxiang conflicts check --format csv --database county.sqlite"
            )
        case .cmdConflictsExportDiscussion:
            (
                "例：chengxiang conflicts export --format shp --out 冲突图斑.zip --database county.sqlite",
                "Example: chengxiang conflicts export --format shp --out patches.zip --database county.sqlite"
            )
        case .cmdConflictRulesDiscussion:
            (
                "例：chengxiang conflicts rules list --database county.sqlite",
                "Example: chengxiang conflicts rules list --database county.sqlite"
            )
        case .cmdConflictRulesListDiscussion:
            (
                "例：chengxiang conflicts rules list --database county.sqlite",
                "Example: chengxiang conflicts rules list --database county.sqlite"
            )
        case .cmdConflictRulesSetDiscussion:
            (
                "例：chengxiang conflicts rules set 1 --min-area 10 --severity warning --database county.sqlite",
                "Example: chengxiang conflicts rules set 1 --min-area 10 --severity warning --database county.sqlite"
            )
        case .uiAreaM2Mu: ("{1} 平方米（{2} 亩）", "{1} m² ({2} mu)")
        case .navLayers: ("图层", "Layers")
        case .navConflicts: ("冲突检测", "Conflicts")
        case .layersPageNote:
            (
                "图层存于工作坐标系 EPSG:{1}（CGCS2000 3° 高斯—克吕格，米），面积在此坐标系中计算；下载按来源文件的坐标系导出。用命令行 chengxiang layers import 导入。",
                "Layers are stored in the working system EPSG:{1} (CGCS2000 3° Gauss–Krüger, metres) and areas are measured there; downloads are in the system of the source file. Import with chengxiang layers import."
            )
        case .uiSystems: ("坐标系（来源 → 存储）", "systems (source → stored)")
        case .uiEncoding: ("属性编码", "attribute encoding")
        case .uiRepaired: ("已修复", "repaired")
        case .uiDownload: ("下载", "download")
        case .uiConflictsOnMap: ("在地图上查看", "see on the map")
        case .uiConflictSummary: ("按规则和乡镇汇总", "By rule and township")
        case .uiConflictRules: ("冲突规则", "Conflict rules")
        case .uiChecked: ("检查情况", "checked")
        case .uiConflictRulesEdit: ("修改规则（最小面积、严重程度、启用）请用命令行：", "Change the rules (minimum area, severity, enabled) at the command line:")
        case .layerDemoNeedsOutline: ("生成示意图层需要县界和县城位置", "Illustrative layers need the county outline and the county seat's position")
        case .layerDemoBlock: ("城东规划地块（示意）", "planned block east of the town (illustrative)")
        case .layerDemoMountainSite: ("山区规划地块（示意）", "planned site in the mountains (illustrative)")
        case .cxName: ("名称", "name")
        case .apiLayers: ("规划图层（多规合一）", "Plan layers")
        case .apiConflicts: ("冲突检测：冲突图斑及按规则、乡镇汇总", "Conflict check: patches and a summary by rule and township")
        case .uiChange: ("修改", "change")
        case .uiRuleNotSaved: ("规则 {1} 未保存", "Rule {1} was not saved")
        case .layerLooksGCJ02:
            (
                "坐标似为 GCJ-02（火星坐标，网络地图坐标）：按 GCJ-02 偏移县界后，界外面积由 {1} 平方米降为 {2} 平方米。请用测绘原始坐标（CGCS2000）重新导出；本系统不自动纠偏",
                "The coordinates look like GCJ-02 (web-map coordinates): with the county outline moved as GCJ-02 moves positions, the area outside it falls from {1} m² to {2} m². Export again from the surveyed coordinates (CGCS2000); this program does not correct the shift"
            )
        case .uiGeoJSONDegrees: ("GeoJSON（CGCS2000 经纬度）", "GeoJSON (CGCS2000 degrees)")
        case .villageTypeGather: ("集聚提升类", "gather and upgrade")
        case .villageTypeSuburban: ("城郊融合类", "suburban integration")
        case .villageTypeHeritage: ("特色保护类", "heritage protection")
        case .villageTypeRelocate: ("搬迁撤并类", "relocate or merge")
        case .villageTypeUnclassified: ("暂不分类", "not classified yet")
        case .heritageNone: ("未列入", "not listed")
        case .heritageTraditional: ("传统村落", "traditional village")
        case .heritageHistoric: ("历史文化名村", "historic and cultural village")
        case .heritageBoth: ("传统村落、历史文化名村", "traditional and historic village")
        case .conditionUrbanBoundary: ("位于城镇开发边界内的比例 ≥ {1}%", "share inside the urban development boundary ≥ {1}%")
        case .conditionNearSeat: ("距县城驻地直线距离 ≤ {1} km", "straight-line distance from the county seat ≤ {1} km")
        case .conditionHeritage: ("列入传统村落或历史文化名村名录", "on the traditional or historic village list")
        case .conditionConstrained: ("位于生态保护红线或灾害风险区内的比例 ≥ {1}%", "share in the ecological red line or a hazard zone ≥ {1}%")
        case .conditionSmallShrinking: ("人口 < {1} 且较最早年份下降 ≥ {2}%", "population < {1} and down ≥ {2}% since the earliest year")
        case .conditionLarge: ("人口 ≥ {1}", "population ≥ {1}")
        case .conditionOtherwise: ("其余有人口数据的村庄（其他存续村庄）", "any other village with population data (other villages that remain)")
        case .villageRuleStatement: ("规则 {1}：{2} → {3}", "rule {1}: {2} → {3}")
        case .assetKindSchool: ("闲置校舍", "idle school building")
        case .assetKindVillageOffice: ("撤并村办公用房", "office of a merged village")
        case .assetKindHomestead: ("空闲宅基地", "idle homestead")
        case .assetKindMining: ("工矿废弃地", "abandoned mining land")
        case .assetKindTransport: ("闲置交通用地", "idle transport land")
        case .assetKindScattered: ("零星闲置地", "scattered idle plot")
        case .assetKindOther: ("其他", "other")
        case .assetReuseGrassroots:
            ("优先用于基层党组织阵地和基层政权阵地建设（规划建议，可修改）", "first for grassroots Party and government premises (the plan's suggestion, editable)")
        case .assetReuseReclaim:
            ("有政策的充分利用，鼓励复耕复垦（规划建议，可修改）", "use where policy allows; reclamation encouraged (the plan's suggestion, editable)")
        case .assetReuseNone: ("—", "—")
        case .assetStatusIdle: ("闲置", "idle")
        case .assetStatusPlanned: ("规划利用", "reuse planned")
        case .assetStatusInUse: ("利用中", "in use")
        case .assetStatusReclaimed: ("已复垦", "reclaimed")
        case .assetOwnerCollective: ("村集体", "village collective")
        case .assetOwnerState: ("国有", "state")
        case .assetOwnerOther: ("其他", "other")
        case .parkStatusPlanned: ("规划（可打造）", "planned (may be built)")
        case .parkStatusBuilding: ("建设中", "under construction")
        case .parkStatusBuilt: ("已建成", "built")
        case .zonePriority: ("重点发展区", "priority development zone")
        case .zoneOptimise: ("优化发展区", "optimised development zone")
        case .zoneModerate: ("适度发展区", "moderate development zone")
        case .zoneProtect: ("保护发展区", "protective development zone")
        case .criterionFarmland: ("耕地占村域面积比例", "farmland share of the village area")
        case .criterionHighStandard: ("高标准农田占耕地比例", "high-standard farmland share")
        case .criterionIrrigated: ("有效灌溉面积占耕地比例", "irrigated share of farmland")
        case .criterionMarket: ("到集镇市场距离（km，越近越好）", "distance to market (km, nearer is better)")
        case .criterionConstrained: ("生态红线与灾害区占比（越低越好）", "share in red line or hazard zone (lower is better)")
        case .criterionPopulation: ("常住人口", "resident population")
        case .yearMissing: ("缺年份：请在「年份」列填写，或导入时给出 --year", "year missing: fill the year column or give --year when importing")
        case .unknownDivisionCode: ("区划代码「{1}」不在区划名录中", "division code \"{1}\" is not in the register")
        case .notAVillage:
            ("「{1}」不是行政村（居委会、社区和乡镇不参与村庄分类）", "\"{1}\" is not a village (communities and townships are not classified as villages)")
        case .areaZero: ("面积为 0：不知道请留空", "area is 0: leave it blank when unknown")
        case .unknownHeritage: ("「{1}」无法识别：可填 否、传统村落、历史文化名村、两者", "\"{1}\" is not understood: write 否, 传统村落, 历史文化名村 or 两者")
        case .partAboveFarmland: ("{1} 亩大于耕地面积 {2} 亩", "{1} mu is more than the farmland of {2} mu")
        case .householdsAbovePopulation: ("户数 {1} 大于人口 {2}", "{1} households are more than the population of {2}")
        case .duplicateVillageYear: ("{1} 的 {2} 年数据重复（首次出现在第 {3} 行）", "{1} appears twice for {2} (first on row {3})")
        case .villageColumns: ("村名称（或村代码）", "village name (or village code)")
        case .assetColumns: ("类型、名称", "kind, name")
        case .unknownAssetKind:
            (
                "资产类型「{1}」无法识别：可填 闲置校舍、撤并村办公用房、空闲宅基地、工矿废弃地、闲置交通用地、零星闲置地、其他",
                "asset kind \"{1}\" is not known: use 闲置校舍, 撤并村办公用房, 空闲宅基地, 工矿废弃地, 闲置交通用地, 零星闲置地 or 其他"
            )
        case .areasDisagree: ("面积 {1} 平方米与 {2} 亩不一致（1 亩 = 666.67 平方米）", "{1} m² and {2} mu disagree (1 mu = 666.67 m²)")
        case .unknownAssetOwner: ("权属「{1}」无法识别：可填 村集体、国有、其他", "owner \"{1}\" is not known: use 村集体, 国有 or 其他")
        case .unknownAssetStatus: ("状态「{1}」无法识别：可填 闲置、规划利用、利用中、已复垦", "status \"{1}\" is not known: use 闲置, 规划利用, 利用中 or 已复垦")
        case .enterpriseColumns: ("园区、企业名称、年份", "park, enterprise name, year")
        case .unknownPark: ("园区「{1}」未登记（已登记：{2}）", "park \"{1}\" is not registered (registered: {2})")
        case .ruleSkippedNoUrbanLayer:
            (
                "未导入城镇开发边界图层（示意图层不参与分类），此规则未用于任何村",
                "no urban development boundary layer (illustrative layers are not used), so this rule was applied to no village"
            )
        case .ruleSkippedNoConstraintLayer:
            (
                "未导入生态保护红线或灾害风险区图层（示意图层不参与分类），此规则未用于任何村",
                "no ecological red line or hazard layer (illustrative layers are not used), so this rule was applied to no village"
            )
        case .ruleSkippedNoSeat:
            ("县城驻地没有实测或公开来源的位置，此规则未用于任何村", "the county seat has no surveyed or published position, so this rule was applied to no village")
        case .ruleHeldButEarlierUnknown:
            ("{1} 成立，但前面的规则因缺数据无法判断，故暂不分类", "{1} holds, but an earlier rule could not be judged for lack of data, so no type yet")
        case .noRuleHeld: ("没有启用的规则成立", "no enabled rule holds")
        case .missingVillagePosition:
            ("缺村庄位置（须实测或公开来源；示意位置不用于分类）", "no village position (surveyed or published; illustrative positions are not used)")
        case .missingHeritage: ("缺传统村落/历史文化名村认定数据", "heritage designation not stated")
        case .missingPopulation: ("缺人口数据", "no population data")
        case .missingPopulationTrend: ("缺人口变化数据（只有一个年份）", "no population trend (one year only)")
        case .valueUrbanShare: ("位于城镇开发边界内 {1}%", "{1}% inside the urban development boundary")
        case .valueConstrainedShare: ("位于生态保护红线或灾害风险区内 {1}%", "{1}% in the ecological red line or a hazard zone")
        case .valueSeatDistance: ("距县城驻地 {1} km（直线）", "{1} km from the county seat (straight line)")
        case .valueDecline: ("较 {1} 年（{2} 人）下降 {3}%", "down {3}% since {1} ({2} people)")
        case .valuePopulation: ("{1} {2} 人（{3} 年）", "{1} {2} ({3})")
        case .measureResident: ("常住人口", "resident population")
        case .measureRegistered: ("户籍人口", "registered population")
        case .rolledUpNote: ("（含撤并前村庄合计）", "(including villages merged into it)")
        case .unknownVillageRule: ("没有第 {1} 条村庄分类规则", "there is no village classification rule {1}")
        case .ruleTypeUnclassified:
            ("「暂不分类」不能作为规则的结果：缺数据时自动暂不分类", "\"not classified yet\" cannot be a rule's result: it is what missing data gives")
        case .ruleNoThreshold: ("{1} 不读取这个阈值", "{1} reads no such threshold")
        case .badRuleThreshold:
            (
                "阈值 {1} 无效：须为非负数；比例在 0 到 1 之间，百分比不超过 100，人口不超过 5000 万，距离不超过 1000 km",
                "threshold {1} is invalid: it must be non-negative; a share at most 1, a percentage at most 100, a population at most 50 million, a distance at most 1000 km"
            )
        case .badMergeOptions: ("合并距离须为正数，绕行系数须不小于 1", "the travel limit must be positive and the detour factor at least 1")
        case .villagesTitle: ("村庄分类", "Village classification")
        case .colVillageType: ("村庄类型", "Village type")
        case .colYear: ("年份", "Year")
        case .colDecline: ("人口降幅（%）", "Population decline (%)")
        case .colHeritage: ("传统村落/历史文化名村", "Heritage")
        case .colSeatKm: ("距县城（km，直线）", "To county seat (km, straight)")
        case .colReasons: ("依据", "Reasons")
        case .colVillage: ("村", "Village")
        case .colNote: ("备注", "Note")
        case .colDate: ("日期", "Date")
        case .colEvidence: ("佐证", "Evidence")
        case .colType: ("类型", "Type")
        case .colThreshold: ("阈值", "Threshold")
        case .colWeight: ("权重", "Weight")
        case .colScore: ("得分", "Score")
        case .colZone: ("功能区", "Zone")
        case .colJobs: ("从业人数", "Jobs")
        case .colOutput: ("产值（万元）", "Output (10k yuan)")
        case .colInvestment: ("投资（万元）", "Investment (10k yuan)")
        case .colEnterprises: ("企业数", "Enterprises")
        case .colSector: ("行业", "Sector")
        case .colPark: ("园区", "Park")
        case .navVillages: ("村庄", "Villages")
        case .assetExists:
            (
                "资产「{1}」已登记（同村、同类型、同名）：请用 assets update 修改",
                "asset \"{1}\" is already registered (same village, kind and name): change it with assets update"
            )
        case .unknownAsset: ("没有编号为 {1} 的闲置资产", "there is no idle asset {1}")
        case .assetsTitle: ("闲置土地和资产", "Idle land and assets")
        case .colProposedUse: ("拟利用方式", "Proposed use")
        case .colActualUse: ("实际利用", "Actual use")
        case .parkFieldsBlank: ("园区名称、类型和来源不能为空", "a park's name, kind and source must not be blank")
        case .parkNameTaken: ("园区「{1}」已登记", "park \"{1}\" is already registered")
        case .unknownLayerFeature: ("图层「{2}」没有第 {1} 个要素", "layer \"{2}\" has no feature {1}")
        case .parksTitle: ("特色园区", "Characteristic parks")
        case .weightsFileMalformed: ("权重文件 {1} 格式不对：{2}", "weights file {1} is malformed: {2}")
        case .badWeights: ("权重无效：须为非负数且不全为 0", "weights are invalid: they must be non-negative and not all 0")
        case .unknownCriterion: ("没有指标「{1}」（可用：{2}）", "there is no criterion \"{1}\" (known: {2})")
        case .ahpShape: ("AHP 判断矩阵须为方阵，行数与指标数相同（至多 15 个指标）", "the AHP matrix must be square with one row per criterion (at most 15)")
        case .ahpInconsistent:
            (
                "AHP 判断矩阵不一致：一致性比率 CR = {1}，超过 {2}。请检查两两比较（如 A 比 B 重要、B 比 C 重要，则 A 应比 C 更重要）后重填",
                "the AHP matrix is inconsistent: consistency ratio CR = {1} exceeds {2}. Check the pairwise judgements (if A beats B and B beats C, A should beat C) and enter them again"
            )
        case .ahpNotReciprocal:
            (
                "AHP 判断矩阵第 {1} 行第 {2} 列为 {3}，对称位置为 {4}：两者应互为倒数",
                "the AHP matrix has {3} at row {1}, column {2} and {4} opposite: they must be reciprocals"
            )
        case .ahpBadJudgement:
            (
                "AHP 判断矩阵第 {1} 行第 {2} 列的值 {3} 无效：须为正数，对角线为 1",
                "the AHP matrix value {3} at row {1}, column {2} is invalid: values must be positive with 1 on the diagonal"
            )
        case .badBreaks: ("分区阈值 {1} 无效：须为 0 到 1 之间递减的三个数", "class breaks {1} are invalid: give three decreasing numbers between 0 and 1")
        case .zoningNoData:
            (
                "没有任何村庄具备所选指标的数据：请先导入村庄属性（耕地、高标准农田、灌溉、到集镇距离、人口）",
                "no village has data for the chosen criteria: import village attributes first (farmland, high-standard farmland, irrigation, distance to market, population)"
            )
        case .zoningTitle: ("农业功能分区", "Agricultural functional zoning")
        case .colUnstable: ("权重 ±10% 时分区变化", "Zone changes under ±10% weights")
        case .scenarioAlreadyAdopted: ("方案「{1}」已采纳：如需重新采纳，请先撤销采纳", "scenario \"{1}\" is already adopted: revert the adoption first")
        case .schoolAlreadyClosed:
            ("{1} 已由已采纳的方案 #{2} 拟撤并：请先撤销那次采纳", "{1} is already marked for closure by adopted scenario #{2}: revert that adoption first")
        case .adoptedAssetName: ("{1}（原校舍）", "{1} (former school)")
        case .adoptedTaskName: ("撤并{1}{2}（采纳方案：{3}）", "close {2}, {1} (adopted scenario: {3})")
        case .scenarioNotAdopted: ("方案「{1}」未采纳", "scenario \"{1}\" is not adopted")
        case .planIndicatorAssumption:
            (
                "采纳后的指标按方案计算：整校撤并的学校不再计入，小初一体学校只去掉该学段的学生和教职工，接收学校加上转入学生；教职工按学生去向同比例调配（假设）",
                "figures under the plan: schools closed whole no longer count, a combined school loses only that stage's pupils and staff, receiving schools add the pupils sent to them; staff follow their pupils in proportion (an assumption)"
            )
        case .scenarioAdoptedNoDelete:
            ("方案「{1}」已采纳，不能删除：请先撤销采纳", "scenario \"{1}\" is adopted and cannot be deleted: revert the adoption first")
        case .importKindVillages: ("村庄属性", "village attributes")
        case .importKindAssets: ("闲置土地和资产", "idle land and assets")
        case .guideVillages:
            (
                "每行一个村一年的数据：用村代码（12 位）或「乡镇 + 村名称」指明村；年份可在导入时统一给出。户籍人口、常住人口、户数、面积等不知道就留空，不要填 0。同一村同一年再次导入会替换原数据。",
                "one row per village and year: name the village by its 12-digit code or by township and name; the year may be given for the whole file. Leave unknown figures blank, not 0. Importing a village and year again replaces the stored row."
            )
        case .guideAssets:
            (
                "每行一处闲置土地或资产：类型（闲置校舍、撤并村办公用房、空闲宅基地、工矿废弃地、闲置交通用地、零星闲置地、其他）、名称、所在村（或乡镇）；面积可填平方米或亩。已登记的资产请用 assets update 修改。",
                "one row per idle plot or asset: kind, name, village (or township); area in m² or mu. Change registered assets with assets update."
            )
        case .travelByDetour: ("直线距离 × {1}（尚无路网，估算）", "straight line × {1} (no road network yet; an estimate)")
        case .optAreaM2: ("面积（平方米）", "area (m²)")
        case .colMergeTarget: ("可并入的集聚提升类村", "gather-and-upgrade village to merge into")
        case .colTravelKm: ("估算距离（km）", "estimated distance (km)")
        case .uiNow: ("现状", "now")
        case .uiUnderPlan: ("采纳后", "under the plan")
        case .villageRulesOrderNote:
            (
                "规则按序号依次判断，第一条成立的规则决定类型；前面的规则因缺数据无法判断时，该村暂不分类。",
                "rules are tried in order and the first that holds decides; when an earlier rule cannot be judged for lack of data the village is not classified yet."
            )
        case .mergeCandidatesNone:
            (
                "没有符合条件的村组合并候选（需要两年以上的人口数据和实测或公开来源的村位置）",
                "no merge candidates (they need population for two years or more and surveyed or published village positions)"
            )
        case .ahpConsistent: ("AHP 一致性比率 CR = {1}（≤ 0.1，可接受）", "AHP consistency ratio CR = {1} (≤ 0.1, acceptable)")
        case .zoningDefaultWeights:
            (
                "权重为系统默认值（假设，县可修改：zoning run --weights 文件 --save）",
                "the weights are the system's defaults (an assumption the county may change: zoning run --weights FILE --save)"
            )
        case .zoningStability:
            (
                "稳定性：任一权重变动 ±10% 时，{1}% 的村分区发生变化（{2} 次试算；* 标出这些村）",
                "stability: {1}% of villages change zone when any one weight moves by ±10% ({2} runs; marked *)"
            )
        case .zoningUnzoned: ("{1} 个村缺所选指标的数据，未参与分区", "{1} villages lack data for the chosen criteria and were not zoned")
        case .parksNone: ("尚未登记园区", "no parks registered")
        case .assetsNone: ("尚未登记闲置土地和资产", "no idle land or assets registered")
        case .adoptionReverted:
            (
                "已撤销方案「{1}」的采纳：其生成的闲置资产、任务和拟撤并标记已删除",
                "adoption of scenario \"{1}\" reverted: the assets, tasks and closure marks it made are removed"
            )
        case .adopted:
            (
                "已采纳「{1}」：{2} 所学校标为拟撤并，生成 {3} 条闲置校舍记录、{4} 项撤并任务",
                "adopted \"{1}\": {2} schools marked for closure, {3} idle school buildings recorded, {4} closure tasks created"
            )
        case .assetUpdated: ("闲置资产 #{1}「{2}」已更新：{3}", "idle asset #{1} \"{2}\" updated: {3}")
        case .assetsImported: ("已导入 {1} 条闲置资产（{2}）", "{1} idle assets imported ({2})")
        case .assetsValidated: ("检查通过：{1} 条闲置资产可导入（{2}，未写入）", "check passed: {1} idle assets can be imported ({2}; nothing written)")
        case .cmdAdopt:
            (
                "采纳方案：撤并学校标为拟撤并，生成闲置校舍与任务；--revert 撤销",
                "adopt a scenario: mark closures, record idle school buildings and tasks; --revert undoes it"
            )
        case .cmdAdoptDiscussion:
            (
                "例：chengxiang schools scenarios adopt 2 --database county.sqlite\n撤销：chengxiang schools scenarios adopt 2 --revert --database county.sqlite",
                "Example: chengxiang schools scenarios adopt 2 --database county.sqlite\nUndo: chengxiang schools scenarios adopt 2 --revert --database county.sqlite"
            )
        case .cmdAssets: ("闲置土地和资产登记", "the idle land and asset register")
        case .cmdAssetsDiscussion:
            (
                "例：chengxiang assets list --format json --database county.sqlite",
                "Example: chengxiang assets list --format json --database county.sqlite"
            )
        case .cmdAssetsImport: ("从 CSV/XLSX 导入闲置土地和资产（全部成功或全部不写）", "import idle land and assets from CSV/XLSX (all or nothing)")
        case .cmdAssetsImportDiscussion:
            (
                "例：chengxiang assets import 闲置资产.xlsx --dry-run --database county.sqlite",
                "Example: chengxiang assets import assets.xlsx --dry-run --database county.sqlite"
            )
        case .cmdAssetsList: ("列出闲置土地和资产（--out 文件.xlsx 导出）", "list idle land and assets (--out FILE.xlsx to export)")
        case .cmdAssetsListDiscussion:
            (
                "例：chengxiang assets list --out 闲置资产.xlsx --database county.sqlite",
                "Example: chengxiang assets list --out assets.xlsx --database county.sqlite"
            )
        case .cmdAssetsUpdate: ("修改一处闲置资产的状态、利用方式、日期、佐证", "change an idle asset's status, use, date or evidence")
        case .cmdAssetsUpdateDiscussion:
            (
                "例：chengxiang assets update 3 --status planned --proposed-use 村党群服务中心 --database county.sqlite",
                "Example: chengxiang assets update 3 --status planned --proposed-use \"village Party service centre\" --database county.sqlite"
            )
        case .cmdImportVillages:
            ("导入村庄属性（人口、户数、面积、传统村落等，按年份）", "import village attributes (population, households, area, heritage … by year)")
        case .cmdImportVillagesDiscussion:
            (
                "例：chengxiang import villages 村庄属性.xlsx --year 2024 --dry-run --database county.sqlite",
                "Example: chengxiang import villages villages.xlsx --year 2024 --dry-run --database county.sqlite"
            )
        case .cmdMergeCandidates:
            ("村组合并候选：人口少且下降、附近有集聚提升类村的村", "village merge candidates: small shrinking villages near a gather-and-upgrade village")
        case .cmdMergeCandidatesDiscussion:
            (
                "例：chengxiang villages merge-candidates --max-km 5 --format json --database county.sqlite",
                "Example: chengxiang villages merge-candidates --max-km 5 --format json --database county.sqlite"
            )
        case .cmdParks: ("特色园区登记", "the characteristic parks register")
        case .cmdParksDiscussion:
            ("例：chengxiang parks list --database county.sqlite", "Example: chengxiang parks list --database county.sqlite")
        case .cmdParksAdd: ("登记一个园区", "register a park")
        case .cmdParksAddDiscussion:
            (
                "例：chengxiang parks add --name 夏家营镇工业特色园区 --township 夏家营镇 --kind 工业 --source 规划第六章 --database county.sqlite",
                "Example: chengxiang parks add --name 夏家营镇工业特色园区 --township 夏家营镇 --kind industry --source \"plan ch. 6\" --database county.sqlite"
            )
        case .cmdParksImport: ("从 CSV/XLSX 导入园区企业（按年份）", "import park enterprises by year from CSV/XLSX")
        case .cmdParksImportDiscussion:
            (
                "例：chengxiang parks import 园区企业.xlsx --dry-run --database county.sqlite",
                "Example: chengxiang parks import enterprises.xlsx --dry-run --database county.sqlite"
            )
        case .cmdParksList: ("列出园区及按年份的企业数、从业人数、产值、投资", "list parks with enterprises, jobs, output and investment by year")
        case .cmdParksListDiscussion:
            (
                "例：chengxiang parks list --format json --database county.sqlite",
                "Example: chengxiang parks list --format json --database county.sqlite"
            )
        case .cmdVillageRules: ("村庄分类规则：列出、修改", "village classification rules: list, change")
        case .cmdVillageRulesDiscussion:
            (
                "例：chengxiang villages rules list --database county.sqlite",
                "Example: chengxiang villages rules list --database county.sqlite"
            )
        case .cmdVillageRulesList: ("列出村庄分类规则（按判断顺序）", "list the classification rules in order")
        case .cmdVillageRulesListDiscussion:
            (
                "例：chengxiang villages rules list --format json --database county.sqlite",
                "Example: chengxiang villages rules list --format json --database county.sqlite"
            )
        case .cmdVillageRulesSet: ("修改一条分类规则的阈值、类型或开关", "change a rule's thresholds, type or switch")
        case .cmdVillageRulesSetDiscussion:
            (
                "例：chengxiang villages rules set 6 --threshold 800 --database county.sqlite\n停用：chengxiang villages rules set 2 --disable --database county.sqlite",
                "Example: chengxiang villages rules set 6 --threshold 800 --database county.sqlite\nSwitch off: chengxiang villages rules set 2 --disable --database county.sqlite"
            )
        case .cmdVillages:
            (
                "村庄分类（集聚提升、城郊融合、特色保护、搬迁撤并、暂不分类）",
                "village classification (gather and upgrade, suburban, heritage, relocate or merge, not yet)"
            )
        case .cmdVillagesDiscussion:
            ("例：chengxiang villages classify --database county.sqlite", "Example: chengxiang villages classify --database county.sqlite")
        case .cmdVillagesClassify: ("按规则给每个村分类并列出依据", "classify every village by the rules, with the reasons")
        case .cmdVillagesClassifyDiscussion:
            (
                "例：chengxiang villages classify --format json --database county.sqlite\n导出：chengxiang villages classify --out 村庄分类.xlsx --database county.sqlite",
                "Example: chengxiang villages classify --format json --database county.sqlite\nExport: chengxiang villages classify --out villages.xlsx --database county.sqlite"
            )
        case .cmdZoning: ("农业功能分区（重点、优化、适度、保护发展区）", "agricultural functional zoning (priority, optimised, moderate, protective)")
        case .cmdZoningDiscussion:
            ("例：chengxiang zoning run --database county.sqlite", "Example: chengxiang zoning run --database county.sqlite")
        case .cmdZoningRun:
            ("多指标加权评价，分为四类功能区，并报告权重 ±10% 的稳定性", "weighted multi-criteria evaluation into four zones, with stability under ±10% weights")
        case .cmdZoningRunDiscussion:
            (
                "例：chengxiang zoning run --weights Tests/Support/Fixtures/villages/weights.json --format json --database county.sqlite\n权重文件为 JSON：weights（指标 → 权重）或 ahp（criteria 与 matrix 判断矩阵），格式见 docs/villages.md",
                "Example: chengxiang zoning run --weights Tests/Support/Fixtures/villages/weights.json --format json --database county.sqlite\nA weights file is JSON: weights (criterion → weight) or ahp (criteria and matrix), see docs/villages.md"
            )
        case .communitiesNotClassified: ("{1} 个居委会/社区属城镇，不参与村庄分类", "{1} communities are urban and are not classified as villages")
        case .enterprisesImported: ("已导入园区企业：新增 {1} 条，替换 {2} 条", "park enterprises imported: {1} new, {2} replaced")
        case .enterprisesValidated: ("检查通过：新增 {1} 条，替换 {2} 条（未写入）", "check passed: {1} new, {2} replaced (nothing written)")
        case .optActualUse: ("实际利用", "actual use")
        case .optAssetDate: ("日期（2025、2025-06 或 2025-06-30；空字符串清除）", "date (2025, 2025-06 or 2025-06-30; empty clears)")
        case .optAssetID: ("闲置资产编号（见 assets list）", "idle asset id (see assets list)")
        case .optAssetStatus: ("状态：idle 闲置、planned 规划利用、in-use 利用中、reclaimed 已复垦", "status: idle, planned, in-use, reclaimed")
        case .optBoundaryFeature: ("边界图层中的要素序号", "feature number in the boundary layer")
        case .optBoundaryLayer: ("园区边界所在的图层名称", "layer holding the park boundary")
        case .optIndustries: ("主导产业", "leading industries")
        case .optMaxPopulation: ("人口上限（默认取规则「人口少且下降」的阈值）", "population limit (default: the small-and-shrinking rule's threshold)")
        case .optMaxTravelKm: ("到集聚提升类村的最大估算距离（km）", "largest estimated distance to a gather-and-upgrade village (km)")
        case .optMinDecline: ("人口最小降幅（%，默认取规则的阈值）", "smallest population decline (%, default: the rule's)")
        case .optOutXLSX: ("导出为 XLSX 文件", "export to an XLSX file")
        case .optParkKind: ("园区类型（工业、养殖、农业产业、旅游……）", "park kind (industry, livestock, agriculture, tourism …)")
        case .optParkName: ("园区名称", "park name")
        case .optParkStatus: ("状态：planned 规划、building 建设中、built 已建成", "status: planned, building, built")
        case .optProposedUse: ("拟利用方式", "proposed use")
        case .optRevert: ("撤销采纳", "revert the adoption")
        case .optRulePosition: ("规则序号（见 villages rules list）", "rule number (see villages rules list)")
        case .optSaveWeights: ("把 --weights 的权重保存为县的默认权重", "store the --weights as the county's weights")
        case .optScenario: ("方案编号或名称", "scenario id or name")
        case .optSecondThreshold: ("第二个阈值（如人口降幅 %）", "second threshold (e.g. population decline %)")
        case .optThreshold: ("阈值（距离 km、人口、比例 0–1）", "threshold (km, population, share 0–1)")
        case .optVillageType:
            (
                "类型：gather-upgrade、suburban、heritage-protection、relocate-merge",
                "type: gather-upgrade, suburban, heritage-protection, relocate-merge"
            )
        case .optVillageYear: ("表中未给年份的行所属年份", "year of rows that give none")
        case .parkAdded: ("已登记园区「{1}」（#{2}）", "park \"{1}\" registered (#{2})")
        case .tableWritten: ("已导出 {1} 行到 {2}", "{1} rows written to {2}")
        case .villagesImported: ("已导入 {1}：{2} 行（新增 {3}，替换 {4}）", "{1} imported: {2} rows ({3} new, {4} replaced)")
        case .villagesValidated: ("检查通过 {1}：{2} 行（将新增 {3}，替换 {4}；未写入）", "{1} checked: {2} rows ({3} new, {4} replaced; nothing written)")
        case .navZoning: ("农业分区", "Zoning")
        case .navParks: ("园区", "Parks")
        case .navAssets: ("闲置资产", "Idle assets")
        case .uiVillageRules: ("村庄分类规则", "Village classification rules")
        case .uiVillageRulesEdit:
            ("修改规则需自然资源局编辑或管理员权限；命令行：", "changing rules needs a natural resources editor or the administrator; at the command line:")
        case .uiMergeCandidates: ("村组合并候选", "Village merge candidates")
        case .zoningMethod:
            (
                "方法：每个指标按最小—最大值归一化到 0–1（成本型指标取反），按权重加权求和得分；得分按四分位分为重点、优化、适度、保护发展区。缺任一所选指标数据的村不参与分区。",
                "method: each criterion is min–max normalised to 0–1 (reversed for costs) and summed with the weights; scores are cut at the quartiles into the priority, optimised, moderate and protective zones. Villages lacking any chosen criterion are not zoned."
            )
        case .uiCostCriterion: ("越小越好", "lower is better")
        case .uiBenefitCriterion: ("越大越好", "higher is better")
        case .uiZoningWeights: ("指标与权重", "Criteria and weights")
        case .uiDirection: ("方向", "Direction")
        case .uiNormalisedWeight: ("归一化权重", "Normalised weight")
        case .uiIndustries: ("主导产业", "Leading industries")
        case .uiBoundary: ("边界", "Boundary")
        case .uiNoBoundary: ("未绘制（待导入边界图层）", "not drawn (import a boundary layer)")
        case .uiParkFigures: ("园区企业、就业、产值、投资（按年份）", "Enterprises, jobs, output and investment by year")
        case .parkNoEnterprises:
            ("尚无企业数据：规划可打造的园区，不虚构企业或数字", "no enterprise data yet: parks the plan says may be built; no enterprise or figure is invented")
        case .uiParksImport: ("导入园区企业（按年份）：", "import park enterprises by year:")
        case .assetsSummary: ("共 {1} 处，合计 {2} 亩（已知面积者）", "{1} records, {2} mu in all (where the area is known)")
        case .uiAdoption: ("采纳", "Adoption")
        case .uiNotAdopted:
            (
                "未采纳。采纳后：撤并学校标为拟撤并（不删除），各生成一条闲置校舍记录和一项撤并任务；可撤销。",
                "not adopted. Adopting marks closed schools for closure (never deletes them) and records an idle school building and a closure task for each; it can be reverted."
            )
        case .uiConfirmAdopt: ("确定采纳此方案？", "Adopt this scenario?")
        case .uiConfirmRevert: ("确定撤销采纳？其生成的闲置资产和任务将删除。", "Revert the adoption? The assets and tasks it made will be removed.")
        case .uiAdopt: ("采纳此方案", "Adopt this scenario")
        case .uiRevertAdoption: ("撤销采纳", "Revert the adoption")
        case .apiVillages: ("村庄分类（每村类型与依据）", "village classification (type and reasons per village)")
        case .apiVillageRules: ("村庄分类规则", "village classification rules")
        case .apiMergeCandidates: ("村组合并候选", "village merge candidates")
        case .apiZoning: ("农业功能分区（存储的权重）", "agricultural functional zoning (stored weights)")
        case .apiParks: ("特色园区及按年份的数字", "characteristic parks with figures by year")
        case .apiAssets: ("闲置土地和资产", "idle land and assets")
        case .apiAdopt: ("采纳方案：标记拟撤并，生成闲置校舍与任务", "adopt a scenario: mark closures, record idle buildings and tasks")
        case .apiRevertAdoption: ("撤销方案的采纳", "revert a scenario's adoption")
        case .optRuleEnable: ("启用此规则", "switch the rule on")
        case .optRuleDisable: ("停用此规则", "switch the rule off")
        case .enableAndDisable: ("--enable 与 --disable 只能给一个", "give --enable or --disable, not both")
        case .uiAssetInUseOrPlanned: ("规划利用、利用中或已复垦", "reuse planned, in use or reclaimed")
        case .adoptionTaskExists: ("任务代码 {1} 已存在：请先改名或删除该任务", "task code {1} already exists: rename or delete that task first")
        case .adoptedStageTaskName: ("撤并{1}{2}的{3}部分（采纳方案：{4}）", "close the {3} stage of {2}, {1} (adopted scenario: {4})")
        case .revertWouldLoseWork:
            (
                "采纳后已有记录被修改（{1}）：撤销会删除这些修改。确认请加 --force（网页上勾选「包括已修改的记录」）",
                "records made by the adoption have been worked on since ({1}): reverting would delete that work. Confirm with --force (on the page, tick \"including changed records\")"
            )
        case .optRevertForce: ("撤销时一并删除采纳后已修改的资产和任务", "when reverting, delete assets and tasks changed since the adoption too")
        case .saveNeedsWeights: ("--save 须与 --weights 一起使用", "--save needs --weights")
        case .uiRevertForce: ("包括已修改的记录", "including changed records")
        case .ahpDuplicateCriterion: ("AHP 判断矩阵的指标重复", "the AHP matrix names a criterion twice")
        case .zoningDropped:
            (
                "没有任何村有这些指标的数据，未参与评价，其余权重已按比例放大：{1}",
                "no village has data for these criteria, so they were left out and the other weights scaled up: {1}"
            )
        case .uiPlannedClosure: ("拟撤并（方案 #{1}）", "to close (scenario #{1})")
        case .uiPlannedStageClosure: ("拟撤并一个学段（方案 #{1}）", "one stage to close (scenario #{1})")
        case .colVillagePopulation: ("人口", "Population")
        case .colRuleNumber: ("规则", "Rule")
        case .colAssetOwner: ("权属", "Owner")
        case .optZoningWeights:
            ("权重文件（JSON：weights 或 ahp；不给则用已保存的权重）", "weights file (JSON: weights or ahp; without it, the stored weights)")
        case .optParkTownship: ("园区所在乡镇", "the park's township")
        case .yearColumnMissing: ("缺年份", "year missing")
        case .ruleLimitedNoHazard: ("未导入灾害风险区图层：此规则只按生态保护红线判断", "no hazard layer: this rule is judged by the ecological red line only")
        case .ruleLimitedNoRedline: ("未导入生态保护红线图层：此规则只按灾害风险区判断", "no ecological red line layer: this rule is judged by hazard zones only")
        case .hintDisableSeatRule:
            (
                "没有任何村有实测或公开来源的位置，规则 {1}（距县城距离）无法判断，所有村因此暂不分类：县里没有村位置数据时，可停用该规则（villages rules set {1} --disable）",
                "no village has a surveyed or published position, so rule {1} (distance from the county seat) cannot be judged and holds every village back: without village positions, switch it off (villages rules set {1} --disable)"
            )
        case .villageNameMismatch: ("村代码 {1} 是「{2}」，与所填村名「{3}」不符", "village code {1} is \"{2}\", not \"{3}\" as written")
        case .assetAreaZero: ("面积为 0：不知道请留空", "area is 0: leave it blank when unknown")
        case .assetPlaceMissing: ("须填村（村代码或村名）或乡镇", "give the village (code or name) or the township")
        case .historicalTownship: ("「{1}」已撤并（现属{2}），请填现在的乡镇", "\"{1}\" has been merged (now {2}): give the current township")
        case .villageNotInTownship: ("村「{1}」不属于{2}", "village \"{1}\" is not in {2}")
        case .nothingToChange: ("没有要修改的内容：请给出至少一个选项", "nothing to change: give at least one option")
        case .boundaryFeatureWithoutLayer: ("--boundary-feature 须与 --boundary-layer 一起使用", "--boundary-feature needs --boundary-layer")
        case .weightsFileShape:
            (
                "须且只须有 \"weights\"（指标 → 权重）或 \"ahp\"（criteria 与 matrix）之一",
                "give exactly one of \"weights\" (criterion → weight) or \"ahp\" (criteria and matrix)"
            )
        case .weightsFileJSON: ("不是有效的 JSON，或结构不对（位置：{1}）", "not valid JSON, or the wrong structure (at {1})")
        case .cannotWriteFile: ("无法写入 {1}：目录不存在或没有写权限", "cannot write {1}: the folder does not exist or is not writable")
        case .outNeedsXLSXOrCSV: ("--out 的文件须以 .xlsx 或 .csv 结尾", "the --out file must end in .xlsx or .csv")
        case .partialSum: ("{1}（{2}/{3} 家填报）", "{1} ({2} of {3} reporting)")
        case .zoningUnstableWeb:
            (
                "稳定性：任一权重变动 ±10% 时，{1}% 的村分区发生变化（{2} 次试算；见「权重 ±10% 时分区变化」列）",
                "stability: {1}% of villages change zone when any one weight moves by ±10% ({2} runs; see the last column)"
            )
        case .colReported: ("填报企业数", "enterprises reporting")
        case .colStraightKm: ("直线距离（km）", "Straight line (km)")
        case .colTravelBasis: ("估算方法", "Estimate")
        case .cmdParksSet: ("修改园区的状态、类型、主导产业、边界或备注", "change a park's status, kind, industries, boundary or note")
        case .cmdParksSetDiscussion:
            (
                "例：chengxiang parks set 西营镇养殖特色园区 --status building --industries 肉牛养殖 --database county.sqlite",
                "Example: chengxiang parks set 西营镇养殖特色园区 --status building --industries \"beef cattle\" --database county.sqlite"
            )
        case .parkUpdated: ("园区「{1}」已修改：{2}", "park \"{1}\" changed: {2}")
        case .colTargetPopulation: ("可并入村人口", "Population of the village to merge into")
        case .roadExpressway: ("高速公路", "expressway")
        case .roadNational: ("国道", "national road")
        case .roadProvincial: ("省道", "provincial road")
        case .roadCounty: ("县道", "county road")
        case .roadTownship: ("乡道", "township road")
        case .roadVillage: ("村道", "village road")
        case .roadUrban: ("城市道路", "urban street")
        case .roadFootpath: ("步行道", "footpath")
        case .roadFerry: ("轮渡", "ferry")
        case .roadClosed: ("封闭或在建道路", "closed or unbuilt road")
        case .roadNoClassField:
            (
                "找不到道路等级字段：应为 {1} 之一；文件中的字段：{2}（可用 --class-field 指定）",
                "No road-class attribute: expected one of {1}; the file has {2} (name it with --class-field)"
            )
        case .roadNotALine: ("不是线要素（而是 {1}）", "not a line (but {1})")
        case .roadUnknownClass:
            ("道路等级「{1}」（字段 {2}）无法识别；可识别的等级：{3}", "road class \"{1}\" (attribute {2}) is not recognised; known classes: {3}")
        case .roadBadTolerance: ("捕捉容差 {1} 米无效：应在 0 到 50 米之间", "snapping tolerance {1} m is invalid: it must be between 0 and 50 m")
        case .roadBadSpeed: ("速度 {1} 公里/小时无效：应在 1 到 200 之间", "speed {1} km/h is invalid: it must be between 1 and 200")
        case .pointDuplicateID: ("编号「{1}」重复（第 {2} 行已有）", "id \"{1}\" repeats row {2}")
        case .pointTableEmpty: ("表中没有任何点", "the table holds no points")
        case .roadSpeedSetByCounty: ("本县设定", "set by the county")
        case .roadSearchFailed: ("路网计算失败：{1}", "the network search failed: {1}")
        case .pointsNeedCRS:
            ("点表用 x、y 坐标时须用 --crs 说明坐标系（如 EPSG:4546）", "a point table in x, y needs its system named with --crs (e.g. EPSG:4546)")
        case .odFarFromRoad: ("{1} 个点距最近道路超过 {2} 米（按步行计）：{3}", "{1} points lie more than {2} m from the nearest road (walked): {3}")
        case .odOnIsland:
            (
                "{1} 个点接入的道路不与主路网相连（孤立路段，多数目的地不可达）：{2}",
                "{1} points join a road not connected to the main network (an island; most destinations unreachable): {2}"
            )
        case .odSpeedsAssumed:
            (
                "车速取各道路等级的设定值（默认为 JTG B01-2014、CJJ 37-2012 的设计速度，是假设而非实测；见 roads show 的来源列）；步行 {1} 公里/小时（假设）",
                "Speeds are each road class's setting (by default the design speeds of JTG B01-2014 and CJJ 37-2012: assumptions, not measured; see the source column of roads show); walking {1} km/h (assumption)"
            )
        case .cmdRoads:
            ("道路网：导入道路、查看路网与各等级车速、修改车速", "the road network: import roads, show the network and the speed of each class, change a speed")
        case .cmdRoadsImport:
            (
                "导入道路线文件（Shapefile、GeoPackage、GeoJSON、OpenStreetMap），替换现有路网",
                "import a road line file (Shapefile, GeoPackage, GeoJSON, OpenStreetMap), replacing the network"
            )
        case .cmdRoadsImportDiscussion:
            (
                "每条线须有道路等级（国道、省道、县道、乡道、村道、城市道路、步行道……或 OpenStreetMap 的 highway 值）；单行道取 oneway 字段；轮渡和封闭道路不参与计算。线端在 --tolerance 米内视为相连；立交（相交而无共同节点）不相连。全部通过才写入。\n例：chengxiang roads import 道路.shp --database chengxiang.sqlite",
                "every line needs a road class (国道, 省道, 县道, 乡道, 村道, 城市道路, 步行道 … or an OpenStreetMap highway value); one-way from the oneway attribute; ferries and closed roads are left out. Line ends within --tolerance metres are joined; crossings without a shared position (bridges) are not. Written only when every line passes.\nExample: chengxiang roads import roads.shp --database chengxiang.sqlite"
            )
        case .cmdRoadsShow: ("查看路网：节点、路段、连通片、各等级里程与车速", "show the network: nodes, edges, connected pieces, length and speed per class")
        case .cmdRoadsSetClass: ("修改某道路等级的车速，或令其不参与计算", "change a road class's speed, or leave it out of the network")
        case .cmdNetwork: ("在道路文件上计算出行距离与时间（不需要数据库）", "travel distances and times over a road file (no register needed)")
        case .cmdNetworkOD:
            (
                "起讫点矩阵：每个起点到每个终点的最短路距离（米）和时间（分钟）",
                "origin–destination matrix: the shortest road distance (m) and time (min) from each origin to each destination"
            )
        case .cmdNetworkODDiscussion:
            (
                "起点、终点为 CSV：id,lon,lat（经纬度）或 id,x,y（用 --crs 说明坐标系）。每个点接入最近的道路，到道路的一段按步行计。不可达的点对留空（JSON 为 null），不用大数代替。\n例：chengxiang network od --roads 道路.gpkg --origins 村.csv --destinations 学校.csv --by time",
                "origins and destinations are CSV: id,lon,lat (degrees) or id,x,y (name the system with --crs). Each point joins the nearest road, the leg to it walked. Unreachable pairs are left empty (null in JSON), never a large number.\nExample: chengxiang network od --roads roads.gpkg --origins villages.csv --destinations schools.csv --by time"
            )
        case .optRoadsFile: ("道路线文件（.shp、.gpkg、.geojson、.osm.pbf、.zip）", "road line file (.shp, .gpkg, .geojson, .osm.pbf, .zip)")
        case .optRoadClassField: ("道路等级所在字段（默认按常用字段名查找）", "the attribute holding the road class (found by its usual names by default)")
        case .optTolerance: ("线端相连的捕捉容差（米，默认 1）", "snapping tolerance for joining line ends (metres, default 1)")
        case .optOrigins: ("起点表（CSV：id,lon,lat 或 id,x,y）", "origins table (CSV: id,lon,lat or id,x,y)")
        case .optDestinations: ("终点表（CSV：id,lon,lat 或 id,x,y）", "destinations table (CSV: id,lon,lat or id,x,y)")
        case .optTravelBy: ("按距离（distance）或时间（time）求最短路", "shortest by distance or by time")
        case .optRoadClassKey:
            (
                "道路等级：expressway、national、provincial、county、township、village、urban、footpath、ferry、closed",
                "road class: expressway, national, provincial, county, township, village, urban, footpath, ferry, closed"
            )
        case .optSpeed: ("车速（公里/小时）", "speed (km/h)")
        case .optExcluded: ("是否不参与计算（true/false）", "whether the class is left out (true/false)")
        case .optSpeedSource: ("车速来源说明", "where the speed comes from")
        case .roadsImported:
            (
                "已导入路网 {1}：{2} 条线，共 {3} 公里（源坐标系 EPSG:{4}，存为 EPSG:{5}）",
                "imported the road network {1}: {2} lines, {3} km in all (source EPSG:{4}, stored in EPSG:{5})"
            )
        case .roadsValidated:
            (
                "检查通过（未写入）{1}：{2} 条线，共 {3} 公里（源坐标系 EPSG:{4}，将存为 EPSG:{5}）",
                "checked, nothing written, {1}: {2} lines, {3} km in all (source EPSG:{4}, to be stored in EPSG:{5})"
            )
        case .roadsGraphFacts:
            (
                "路网：{1} 个节点，{2} 个路段，{3} 个连通片（最大片 {4} 个节点）；{5} 处位置在容差内合并或接到相邻道路",
                "network: {1} nodes, {2} edges, {3} connected pieces (the largest {4} nodes); {5} positions merged within the tolerance or joined to a road beside them"
            )
        case .roadsPiecesApart:
            (
                "注意：另有 {1} 个连通片与主路网不相连，接入这些路段的村庄到主路网不可达",
                "note: {1} more pieces are not connected to the main network; places joined to them cannot reach it"
            )
        case .roadsIllustrative:
            (
                "示意路网：由演示程序生成，并非真实道路，一切由其算出的距离和时间均为示意",
                "illustrative (示意) network: made by the demo, not real roads; every distance and time drawn from it is illustrative"
            )
        case .roadsExcluded: ("不参与", "left out")
        case .roadsStored: ("路网 {1}：{2} 条线，共 {3} 公里，EPSG:{4}，导入 {5}", "road network {1}: {2} lines, {3} km in all, EPSG:{4}, imported {5}")
        case .roadsNone:
            (
                "尚未导入路网（chengxiang roads import）；距离按直线 × 绕行系数估算",
                "no road network yet (chengxiang roads import); distances are straight lines × a detour factor"
            )
        case .roadsClassSet: ("{1}：{2} 公里/小时", "{1}: {2} km/h")
        case .colRoadClass: ("道路等级", "road class")
        case .colLengthKm: ("里程（公里）", "length (km)")
        case .colSpeedKmh: ("车速（公里/小时）", "speed (km/h)")
        case .roadUnknownClassKey: ("道路等级「{1}」无法识别；可选：{2}", "unknown road class \"{1}\"; choose from {2}")
        case .planNetworkDistances:
            (
                "距离为沿路网的最短路程（路网 {1}；到路段的一段按步行速度计）",
                "Distances are shortest paths along the road network ({1}; the leg to the road at walking speed)."
            )
        case .planNetworkIllustrative:
            (
                "距离为沿示意路网的最短路程（{1}，示意，并非真实道路）：结果仅作演示",
                "Distances are shortest paths along an illustrative network ({1}, 示意, not real roads): the result is for demonstration only."
            )
        case .cmdRoadsDiscussion:
            ("例：chengxiang roads show --database county.sqlite", "Example: chengxiang roads show --database county.sqlite")
        case .cmdRoadsShowDiscussion:
            (
                "例：chengxiang roads show --lang en --database county.sqlite",
                "Example: chengxiang roads show --lang en --database county.sqlite"
            )
        case .cmdRoadsSetClassDiscussion:
            (
                "例：chengxiang roads set-class village --speed 25 --source 县交通局实测 --database county.sqlite",
                "Example: chengxiang roads set-class village --speed 25 --source \"measured by the county\" --database county.sqlite"
            )
        case .cmdNetworkDiscussion:
            (
                "例：chengxiang network od --roads 道路.gpkg --origins 村.csv --destinations 学校.csv（只读文件，不需要 --database）",
                "Example: chengxiang network od --roads roads.gpkg --origins villages.csv --destinations schools.csv (files only, no --database needed)"
            )
        case .accessPrimary: ("小学（1–3 年级步行）", "primary school (grades 1–3 on foot)")
        case .accessJunior: ("初中", "junior secondary school")
        case .accessKindergarten: ("幼儿园（步行）", "kindergarten (on foot)")
        case .accessUnplaced: ("{1} 个村没有位置，未计入", "{1} villages have no position and are left out")
        case .accessOnNetwork:
            ("距离和时间沿路网计算（{1}），到道路的一段按步行", "Distances and times along the road network ({1}), the leg to the road on foot")
        case .accessOnIllustrativeNetwork:
            (
                "距离和时间沿示意路网计算（{1}，示意，并非真实道路）：结果仅作演示",
                "Distances and times along an illustrative network ({1}, 示意, not real roads): for demonstration only"
            )
        case .accessStraightLineWalk:
            (
                "未导入路网：距离按直线 × {1} 估算，步行 {2} 公里/小时（假设）",
                "No road network: distances are straight lines × {1}, walked at {2} km/h (assumption)"
            )
        case .accessStraightLineRoad:
            (
                "未导入路网：距离按直线 × {1} 估算，车速 {2} 公里/小时（假设）",
                "No road network: distances are straight lines × {1}, driven at {2} km/h (assumption)"
            )
        case .accessWalkSpeed:
            ("步行速度 {1} 公里/小时（规范项 travel.walk_speed_kmh，假设）", "Walking speed {1} km/h (norm travel.walk_speed_kmh, an assumption)")
        case .accessFacilityPositions:
            (
                "学校位置取其所在村或乡镇驻地（近似或示意），非学校本身的坐标",
                "Schools are placed at their village or township seat (approximate or illustrative), not at the school itself"
            )
        case .accessIllustrativeVillages:
            (
                "部分村庄位置为示意位置（标 示意），其距离和时间同为示意",
                "Some village positions are illustrative (marked 示意); their distances and times are illustrative too"
            )
        case .accessNoPopulation:
            (
                "{1} 个村没有人口数据：列入村表，但不计入各乡镇的人口占比和不均衡指数",
                "{1} villages have no population figure: listed, but left out of the shares and the inequality indices"
            )
        case .accessVillageSheet: ("各村可达性", "access by village")
        case .accessTownshipSheet: ("各乡镇汇总", "by township")
        case .accessNearest: ("最近设施", "nearest facility")
        case .accessKm: ("距离（公里）", "distance (km)")
        case .accessMinutes: ("时间（分钟）", "time (min)")
        case .accessWithin: ("在标准内", "within the norm")
        case .accessYes: ("是", "yes")
        case .accessNo: ("否", "no")
        case .accessUnreachable: ("不可达", "unreachable")
        case .accessIllustrativeMark: ("示意位置", "illustrative position")
        case .accessVillages: ("村数", "villages")
        case .accessPopulationWithin: ("标准内人口", "people within the norm")
        case .accessSharePercent: ("标准内占比（%）", "share within the norm (%)")
        case .accessMeanMinutes: ("平均时间（分钟，人口加权）", "mean time (min, by population)")
        case .accessMaxMinutes: ("最长时间（分钟）", "longest time (min)")
        case .accessUnreachableCount: ("不可达村数", "villages unreachable")
        case .cmdAccess:
            (
                "可达性：每个村到学校的距离与时间、各乡镇标准内人口占比、乡镇间不均衡（基尼、泰尔）",
                "access: each village's distance and time to schools, the share of people within the norm per township, inequality between townships (Gini, Theil)"
            )
        case .cmdAccessDiscussion:
            (
                "例：chengxiang access report --service primary --database county.sqlite",
                "Example: chengxiang access report --service primary --database county.sqlite"
            )
        case .cmdAccessReport:
            (
                "可达性报告：每个村的最近设施、距离和时间，各乡镇标准内人口占比，基尼系数和泰尔指数（乡镇间、乡镇内）",
                "access report: each village's nearest facility, distance and time, share of people within the norm per township, Gini and Theil (between and within townships)"
            )
        case .cmdAccessReportDiscussion:
            (
                "有路网时沿路网计算，否则按直线 × 1.3 估算并注明。标准取自规范项（小学 1–3 年级步行 30 分钟等），假设项标明。\n例：chengxiang access report --service junior --format xlsx --out 可达性.xlsx --database county.sqlite",
                "along the road network when one is stored, else straight lines × 1.3 (said so). Thresholds come from the norms (grades 1–3 walk at most 30 min …); assumptions are marked.\nExample: chengxiang access report --service junior --format xlsx --out access.xlsx --database county.sqlite"
            )
        case .optAccessService:
            (
                "服务：primary（小学）、junior（初中）、kindergarten（幼儿园）、health-center（乡镇卫生院）、clinic（村卫生室）",
                "service: primary, junior, kindergarten, health-center, clinic"
            )
        case .accessXLSXNeedsOut: ("--format xlsx 须同时给出 --out 文件名", "--format xlsx needs --out with a file name")
        case .accessWritten: ("已写入 {1}", "written to {1}")
        case .accessHeading: ("{1}：标准 {2} 分钟（{3}）", "{1}: threshold {2} min ({3})")
        case .accessEquity:
            (
                "乡镇间不均衡（人口加权的时间）：基尼系数 {1}；泰尔指数 {2} = 乡镇间 {3} + 乡镇内 {4}",
                "inequality between townships (time, by population): Gini {1}; Theil {2} = between {3} + within {4}"
            )
        case .noteBullet: ("※ {1}", "※ {1}")
        case .accessVillagesWithin: ("标准内村数", "villages within the norm")
        case .roadsDemoNeedsPositions:
            (
                "示意路网需要县城和乡镇驻地的位置（先导入区划或放置示意位置）",
                "the illustrative network needs positions for the county seat and the township seats (import divisions or place illustrative positions first)"
            )
        case .roadsSkippedOSM:
            (
                "另有 {1} 条 OpenStreetMap 线不是道路（河流、电力线等）或无对应等级，未计入",
                "{1} more OpenStreetMap lines are not roads (rivers, power lines …) or have no class here, and were left out"
            )
        case .healthCountyHospital: ("县级医院", "county hospital")
        case .healthCenter: ("乡镇卫生院", "township health centre")
        case .healthClinic: ("村卫生室", "village clinic")
        case .unifyAdministration: ("行政", "administration")
        case .unifyPersonnel: ("人员", "personnel")
        case .unifyBusiness: ("业务", "medical work")
        case .unifyDrugs: ("药品器械", "drugs and equipment")
        case .unifyFinance: ("财务", "finance")
        case .unifyPerformance: ("绩效", "performance")
        case .unifyDone: ("已统一", "unified")
        case .unifyPartial: ("部分统一", "partly unified")
        case .unifyNotStarted: ("未统一", "not unified")
        case .healthColumns: ("类型、名称", "kind, name")
        case .healthUnknownKind:
            (
                "机构类型「{1}」无法识别：应为 县级医院、乡镇卫生院 或 村卫生室",
                "facility kind \"{1}\" is not recognised: expected 县级医院 (county hospital), 乡镇卫生院 (health centre) or 村卫生室 (village clinic)"
            )
        case .healthClinicNeedsVillage: ("村卫生室须写明所在村（村 或 村代码）", "a village clinic needs its village (村 or 村代码)")
        case .healthCenterNeedsTownship: ("乡镇卫生院须写明所在乡镇", "a health centre needs its township")
        case .healthNoCounty: ("区划中没有县级单位，无法登记县级医院", "the register holds no county, so a county hospital cannot be registered")
        case .healthUnknownCenter:
            ("找不到唯一的乡镇卫生院「{1}」（可用编号、名称或乡镇）；已登记：{2}", "no single health centre \"{1}\" (give its number, name or township); registered: {2}")
        case .cmdImportClinics:
            (
                "导入医疗机构（县级医院、乡镇卫生院、村卫生室）：位置、人员、床位、医共体",
                "import medical facilities (county hospitals, health centres, village clinics): position, staff, beds, alliance"
            )
        case .cmdImportClinicsDiscussion:
            (
                "CSV/XLSX（UTF-8 或 GBK）。列：类型、名称、乡镇、村（或村代码）、经度、纬度、执业（助理）医师、乡村医生、注册护士、床位、医共体、来源、备注。村卫生室须写明所在村，乡镇卫生院须写明乡镇。全部通过才写入；同名同地的机构更新。\n例：chengxiang import clinics 医疗机构.csv --database county.sqlite",
                "CSV/XLSX (UTF-8 or GBK). Columns: 类型, 名称, 乡镇, 村 (or 村代码), 经度, 纬度, 执业（助理）医师, 乡村医生, 注册护士, 床位, 医共体, 来源, 备注. A village clinic needs its village, a health centre its township. Written only when every row passes; a facility of the same name in the same place is updated.\nExample: chengxiang import clinics facilities.csv --database county.sqlite"
            )
        case .clinicsImported: ("已导入 {1}：新增 {2}，更新 {3}", "imported {1}: {2} new, {3} updated")
        case .clinicsValidated: ("检查通过（未写入）{1}：将新增 {2}，更新 {3}", "checked, nothing written, {1}: {2} would be new, {3} updated")
        case .cmdHealth:
            (
                "县乡医疗一体化：乡镇卫生院「六统一」、无村卫生室的村、医联体任务",
                "county–township health integration: each health centre's 六统一, villages without a clinic, hospital-alliance tasks"
            )
        case .cmdHealthDiscussion:
            ("例：chengxiang health status --database county.sqlite", "Example: chengxiang health status --database county.sqlite")
        case .cmdHealthStatus:
            (
                "各乡镇卫生院的「六统一」（行政、人员、业务、药品器械、财务、绩效）逐项状态，无村卫生室的村，医联体任务",
                "each health centre's 六统一 item by item (administration, personnel, medical work, drugs and equipment, finance, performance), villages without a clinic, hospital-alliance tasks"
            )
        case .cmdHealthStatusDiscussion:
            (
                "未登记的项目显示为「—」（未知），不当作未统一。\n例：chengxiang health status --format json --database county.sqlite",
                "an item never recorded shows as \"—\" (unknown), not as not unified.\nExample: chengxiang health status --format json --database county.sqlite"
            )
        case .cmdHealthSet: ("登记某乡镇卫生院「六统一」中一项的状态、佐证和日期", "record one item of a health centre's 六统一 with its evidence and date")
        case .cmdHealthSetDiscussion:
            (
                "项目：行政、人员、业务、药品器械、财务、绩效（或 administration、personnel、business、drugs、finance、performance）；状态：已统一、部分统一、未统一（done、partial、not-started）。\n例：chengxiang health set 天宁镇 药品器械 已统一 --evidence 县卫健局文件 --date 2024-06-30 --database county.sqlite",
                "items: 行政 … 绩效 (administration, personnel, business, drugs, finance, performance); status: done, partial, not-started.\nExample: chengxiang health set 天宁镇 drugs done --evidence \"county notice\" --date 2024-06-30 --database county.sqlite"
            )
        case .optHealthCenter: ("乡镇卫生院：编号、名称或所在乡镇", "health centre: number, name or township")
        case .optUnificationItem: ("「六统一」项目", "item of 六统一")
        case .optUnificationStatus: ("状态：已统一、部分统一、未统一", "status: done, partial, not-started")
        case .optDate: ("日期（yyyy-MM-dd）", "date (yyyy-MM-dd)")
        case .healthUnknownItem: ("「六统一」项目「{1}」无法识别；应为：{2}", "item \"{1}\" of 六统一 is not recognised; expected one of {2}")
        case .healthUnknownStatus:
            (
                "状态「{1}」无法识别；应为 已统一、部分统一、未统一（done、partial、not-started）",
                "status \"{1}\" is not recognised; expected done, partial or not-started (已统一, 部分统一, 未统一)"
            )
        case .healthItemSet: ("{1}：{2} → {3}", "{1}: {2} → {3}")
        case .healthCounts:
            ("已登记医疗机构 {1} 个，其中乡镇卫生院 {2} 个、村卫生室 {3} 个", "{1} medical facilities registered: {2} health centres, {3} village clinics")
        case .healthClinicsCol: ("村卫生室数", "village clinics")
        case .healthNoCenters: ("尚未登记乡镇卫生院（chengxiang import clinics）", "no health centre registered yet (chengxiang import clinics)")
        case .healthTownshipsWithout: ("未登记乡镇卫生院的乡镇：{1}", "townships with no health centre registered: {1}")
        case .healthWithoutClinic:
            (
                "没有村卫生室的村：{1} 个（原则上一村一室；村小或卫生院所在村可不设）",
                "villages without a clinic: {1} (one per village in principle; a small village or the one hosting the health centre may go without)"
            )
        case .healthAllianceTask: ("任务 {1} {2}（{3}）：登记的成员机构 {4}", "task {1} {2} ({3}): member facilities registered {4}")
        case .importKindClinics: ("医疗机构", "medical facilities")
        case .accessHealthCenter: ("乡镇卫生院（15 分钟医疗服务圈）", "township health centre (15-minute medical circle)")
        case .accessClinic: ("村卫生室（15 分钟医疗服务圈）", "village clinic (15-minute medical circle)")
        case .accessNoFacilities: ("尚未登记任何「{1}」：所有村均无可达设施", "No \"{1}\" registered yet: no village has a facility to reach")
        case .accessBandHalf: ("≤ {1} 分钟", "≤ {1} min")
        case .accessBandWithin: ("≤ {1} 分钟（标准内）", "≤ {1} min (within the norm)")
        case .accessBandOver: ("≤ {1} 分钟", "≤ {1} min")
        case .accessBandFar: ("> {1} 分钟", "> {1} min")
        case .healthUnificationHeading: ("乡镇卫生院「六统一」", "六统一 at each health centre")
        case .healthAllianceHeading: ("医联体建设任务", "hospital-alliance tasks")
        case .healthFacilitiesHeading: ("医疗机构", "medical facilities")
        case .healthDoctors: ("执业（助理）医师", "doctors")
        case .healthVillageDoctors: ("乡村医生", "village doctors")
        case .healthNurses: ("注册护士", "nurses")
        case .healthBeds: ("床位", "beds")
        case .healthAlliance: ("医共体/医联体", "alliance")
        case .navAccess: ("可达性", "Access")
        case .navHealth: ("医疗卫生", "Health")
        case .accessTitle: ("公共服务可达性", "Access to public services")
        case .healthTitle: ("医疗卫生一体化", "Health integration")
        case .apiAccess:
            (
                "每个村到某项服务的距离、时间和是否在标准内，各乡镇汇总与不均衡指数（?service=primary、junior、kindergarten、health-center、clinic）",
                "each village's distance and time to a service and whether within the norm, per-township shares and inequality (?service=primary, junior, kindergarten, health-center, clinic)"
            )
        case .apiHealth:
            ("医疗机构、各乡镇卫生院「六统一」、无村卫生室的村、医联体任务", "medical facilities, each health centre's 六统一, villages without a clinic, alliance tasks")
        case .apiRoads: ("路网：来源、节点、路段、连通片与各等级车速", "the road network: source, nodes, edges, connected pieces and speeds per class")
        case .accessUnknownService: ("服务「{1}」无法识别；应为 {2}", "unknown service \"{1}\"; expected {2}")
        case .apiParamService:
            (
                "服务：primary、junior、kindergarten、health-center、clinic（默认 primary）",
                "service: primary, junior, kindergarten, health-center, clinic (default primary)"
            )
        case .guideClinics:
            (
                "每行一个医疗机构：类型（县级医院、乡镇卫生院、村卫生室）、名称；村卫生室写所在村，乡镇卫生院写乡镇；人员与床位为不小于 0 的整数，空白表示未知。同名同地的机构更新。",
                "one medical facility per row: kind (county hospital, health centre, village clinic) and name; a village clinic names its village, a health centre its township; staff and beds are whole numbers of at least 0, blank is unknown. A facility of the same name in the same place is updated."
            )
        case .pointsZonePrefixed:
            (
                "点「{1}」的 x 坐标 {2} 带有带号，与 EPSG:{3}（不带带号）不符；请改用带带号的坐标系（如 EPSG:4525）",
                "point \"{1}\" has x = {2}, an easting with the zone number in front, which EPSG:{3} (without it) does not use; name the system with the zone number (e.g. EPSG:4525)"
            )
        case .accessFarFromRoad:
            (
                "{1} 个村或设施距最近道路超过 {2} 米：到道路的一段按步行计，路网可能未覆盖该处",
                "{1} villages or facilities lie more than {2} m from the nearest road: the leg to it is walked; the network may not cover them"
            )
        case .accessOnIsland:
            (
                "{1} 个村接入的道路不与主路网相连（孤立路段），多为不可达",
                "{1} villages join a road not connected to the main network (an island) and mostly reach nothing"
            )
        case .accessHealthPositions:
            (
                "未登记坐标的医疗机构位置取其所在村或乡镇驻地（近似或示意）",
                "medical facilities without their own coordinates are placed at their village or township seat (approximate or illustrative)"
            )
        case .accessOneTownship:
            (
                "只有一个乡镇有人口数据：乡镇间不均衡指数无从比较（基尼系数为 0 并不表示均衡）",
                "only one township has population figures: inequality between townships cannot be compared (a Gini of 0 does not mean equal)"
            )
        case .roadsClassExcluded: ("{1}：不参与计算", "{1}: left out of the network")
        case .roadsSkippedLines:
            (
                "{1} 条线在容差内长度为 0（两端重合）或坐标无效，未计入路网",
                "{1} lines have no length within the tolerance (both ends together) or unusable coordinates, and were left out of the graph"
            )
        case .healthBadDate: ("日期「{1}」无效：应为 yyyy-MM-dd 格式，且不晚于今天", "date \"{1}\" is invalid: it must be yyyy-MM-dd and not after today")
        case .healthVillagesIn: ("  {1}：{2}", "  {1}: {2}")
        case .pointColumnsDegrees: ("id、lon、lat", "id, lon, lat")
        case .pointColumns: ("id、lon、lat（或 x、y）", "id, lon, lat (or x, y)")
        case .pupilColumns: ("学段、人数", "stage (学段), pupils (人数)")
        case .pupilUnknownLevel:
            ("学段「{1}」无法识别：应为 幼儿园、小学 或 初中", "stage \"{1}\" is not recognised: expected 幼儿园 (kindergarten), 小学 (primary) or 初中 (junior)")
        case .pupilBadGrade:
            (
                "年级「{1}」不属于{2}（小学 1–6，初中 7–9 或 1–3；幼儿园不分年级）",
                "grade \"{1}\" does not belong to {2} (primary 1–6, junior 7–9 or 1–3; kindergarten has none)"
            )
        case .pupilTotalAndGrades:
            (
                "{1} 同一年份、学段既有合计行又有分年级行（见第 {2} 行）：请只给一种",
                "{1} has both a total row and rows by grade for one year and stage (see row {2}): give one or the other"
            )
        case .importKindPupils: ("各村学生数", "pupils by village")
        case .guidePupils:
            (
                "每行一个村、学段（幼儿园、小学、初中）与可选的年级：人数为不小于 0 的整数；年份取 年份 列或 --year。同一村、年份、学段只给合计或只给分年级。再次导入同一键则替换。",
                "one row per village, stage (kindergarten, primary, junior) and optional grade: pupils a whole number of at least 0; the year from a 年份 column or --year. For one village, year and stage give either the total or the grades. The same key imported again is replaced."
            )
        case .cmdImportPupils: ("导入各村（按居住地）学生数：学段、年级、人数", "import pupils by the village they live in: stage, grade, number")
        case .cmdImportPupilsDiscussion:
            (
                "列：乡镇、村（或村代码）、学段（幼儿园、小学、初中）、年级（可空；小学 1–6，初中 7–9 或 1–3）、人数、年份、来源。可达性报告据此以学生数加权。\n例：chengxiang import pupils 各村学生.csv --year 2024 --database county.sqlite",
                "columns: 乡镇, 村 (or 村代码), 学段 (幼儿园, 小学, 初中), 年级 (may be blank; primary 1–6, junior 7–9 or 1–3), 人数, 年份, 来源. The access report then weighs villages by their pupils.\nExample: chengxiang import pupils pupils.csv --year 2024 --database county.sqlite"
            )
        case .accessWeightedByPupils:
            (
                "各村按居住在该村的该学段学生数加权（{1} 年，来自 import pupils），而非按人口",
                "villages are weighed by the pupils of the stage living there ({1}, from import pupils), not by their people"
            )
        case .accessNoPupils:
            (
                "{1} 个村没有学生数：列入村表，但不计入各乡镇的占比和不均衡指数",
                "{1} villages have no pupil count: listed, but left out of the shares and the inequality indices"
            )
        case .accessPupilsColumn: ("学生（{1} 年）", "pupils ({1})")
        case .accessPupilsWithin: ("标准内学生", "pupils within the norm")
        }
    }
}
