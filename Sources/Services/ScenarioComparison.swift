public import Localization
import Planning

/// The figures that tell scenarios apart, one row per measure, one column per scenario; shared by
/// the CLI, the web page and the API so all compare the same things and carry the same notes.
public enum ScenarioComparison {
    /// One measure: its label and its value in each scenario.
    public struct Row: Sendable {
        public var label: Localized
        public var values: [Localized]
    }

    /// Rows of (label, value per scenario). Every view that shows them also shows each scenario's
    /// `notes`: the illustrative positions and the assumed splits and limits the figures rest on.
    public static func rows(_ scenarios: [Scenario]) -> [Row] {
        func plain(_ text: String) -> Localized { Localized(zh: text, en: text) }
        func row(_ key: MessageKey, _ value: (ConsolidationResult) -> Localized) -> Row {
            Row(label: L10n.message(key), values: scenarios.map { value($0.result) })
        }
        func n(_ v: Double, _ d: Int = 1) -> Localized { plain(Format.fixed(v, digits: d)) }
        func journey(_ r: ConsolidationResult, _ v: Double, _ d: Int) -> Localized { r.options.unit.quantity(v, digits: d) }
        func yesNo(_ b: Bool) -> Localized { L10n.message(b ? .uiYes : .uiNo) }
        return [
            row(.cmpModel) { $0.options.model.label },
            row(.cmpStage) { $0.options.level.label },
            row(.cmpKept) { plain(String($0.schoolsKept)) },
            row(.cmpClosed) { plain(String($0.schoolsClosed)) },
            row(.cmpNew) { plain(String($0.newSchoolsOpened)) },
            row(.cmpPupils) { n($0.pupils, 0) },
            row(.cmpMoved) { n($0.pupilsMoved, 0) },
            row(.cmpPupilCost) { journey($0, $0.pupilCost, 1) },
            row(.cmpMean) { journey($0, $0.meanCost, 2) },
            row(.cmpMax) { journey($0, $0.maxCost, 2) },
            row(.cmpWalkLimit) { r in r.options.maxWalk.map { journey(r, $0, 1) } ?? plain("—") },
            row(.cmpBeyond) { n($0.pupilsBeyondWalk, 0) },
            row(.cmpYoung) { n($0.youngPupilsBeyondWalk, 0) },
            row(.cmpBoarding) { n($0.boardingPlacesNeeded, 0) },
            row(.cmpStaff) { n($0.staffFreed) },
            row(.cmpIdle) { n($0.idleLandMu, 2) },
            row(.cmpCovered) { $0.coveredPupils.map { n($0, 0) } ?? plain("—") },
            row(.cmpObjective) { n($0.objective, 2) },
            row(.cmpBound) { $0.bound.map { n($0, 2) } ?? plain("—") },
            row(.cmpGap) { $0.gap.map { plain(Format.fixed($0 * 100, digits: 2) + "%") } ?? plain("—") },
            row(.cmpOptimal) { yesNo($0.provenOptimal) },
            row(.cmpSeconds) { n($0.seconds, 3) },
        ]
    }
}
