public import Localization
import Planning

/// The figures that tell scenarios apart, one row per measure, one column per scenario; shared by
/// the CLI and the web page so both compare the same things.
public enum ScenarioComparison {
    /// Rows of (label, value per scenario).
    public static func rows(_ scenarios: [Scenario]) -> [(label: Localized, values: [String])] {
        func row(_ zh: String, _ en: String, _ value: (ConsolidationResult) -> String) -> (label: Localized, values: [String]) {
            (Localized(zh: zh, en: en), scenarios.map { value($0.result) })
        }
        func n(_ v: Double, _ d: Int = 1) -> String { Format.fixed(v, digits: d) }
        func unit(_ r: ConsolidationResult) -> String { r.options.unit == .kilometres ? "km" : "min" }
        return [
            row("模型", "model") { $0.options.model.chineseName },
            row("学段", "stage") { $0.options.level.chineseName },
            row("保留学校", "schools kept") { String($0.schoolsKept) },
            row("撤并学校", "schools closed") { String($0.schoolsClosed) },
            row("新建学校", "new schools") { String($0.newSchoolsOpened) },
            row("学生（该学段）", "pupils (this stage)") { n($0.pupils, 0) },
            row("需转学学生", "pupils moved") { n($0.pupilsMoved, 0) },
            row("学生·路程合计", "pupil-journey total") { "\(n($0.pupilCost)) \(unit($0))" },
            row("平均路程", "mean journey") { "\(n($0.meanCost, 2)) \(unit($0))" },
            row("最远路程", "longest journey") { "\(n($0.maxCost, 2)) \(unit($0))" },
            row("超出步行上限的学生", "pupils beyond the walking limit") { n($0.pupilsBeyondWalk, 0) },
            row("其中 1–3 年级", "of whom grades 1–3") { n($0.youngPupilsBeyondWalk, 0) },
            row("需寄宿床位", "boarding places needed") { n($0.boardingPlacesNeeded, 0) },
            row("按编制可释放教职工", "staff freed under the norm") { n($0.staffFreed) },
            row("闲置校舍用地（亩）", "idle school land (mu)") { n($0.idleLandMu, 2) },
            row("覆盖学生", "pupils covered") { $0.coveredPupils.map { n($0, 0) } ?? "—" },
            row("目标值", "objective") { n($0.objective, 2) },
            row("界", "bound") { $0.bound.map { n($0, 2) } ?? "—" },
            row("差距", "gap") { $0.gap.map { "\(n($0 * 100, 2))%" } ?? "—" },
            row("已证明最优", "proven optimal") { $0.provenOptimal ? "是 yes" : "否 no" },
            row("用时（秒）", "seconds") { n($0.seconds, 3) },
        ]
    }
}
