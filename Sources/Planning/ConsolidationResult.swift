public import Domain

/// What a consolidation scenario decided and what it means for pupils, staff and buildings.
public struct ConsolidationResult: Sendable, Codable, Hashable {
    /// A school (existing or new) in the scenario.
    public struct Site: Sendable, Codable, Hashable {
        public var key: String
        public var name: String
        public var township: String
        public var schoolID: School.ID?
        public var isNew: Bool
        public var open: Bool
        /// Pupils of the planned level at this school now.
        public var pupils: Double
        /// Pupils it teaches under the plan.
        public var pupilsAfter: Double
        /// Staff attributable to the level.
        public var staff: Double
        public var landMu: Double?
        /// Seats used by the capacitated model, if any.
        public var capacity: Double?
        public var longitude: Double
        public var latitude: Double
        /// True when the position is illustrative (示意), so distances are too.
        public var illustrative: Bool
        /// True when the position is published but only approximate (nil in scenarios stored
        /// before the distinction was made).
        public var approximate: Bool?
    }

    /// Where one school's pupils go.
    public struct Assignment: Sendable, Codable, Hashable {
        public var from: String
        public var fromName: String
        public var to: String
        public var toName: String
        /// The journey in the scenario's unit.
        public var cost: Double
        public var pupils: Double
        public var beyondWalkLimit: Bool
    }

    public var options: ConsolidationOptions
    public var sites: [Site]
    public var assignments: [Assignment]
    public var schoolsKept: Int
    public var schoolsClosed: Int
    public var newSchoolsOpened: Int
    public var pupils: Double
    /// Σ pupils × journey (pupil-km, or pupil-minutes).
    public var pupilCost: Double
    /// Pupil-weighted mean journey.
    public var meanCost: Double
    public var maxCost: Double
    /// Pupils whose school closes.
    public var pupilsMoved: Double
    /// Pupils whose journey exceeds the walking limit.
    public var pupilsBeyondWalk: Double
    /// Of those, grades 1–3 (who in principle should not board).
    public var youngPupilsBeyondWalk: Double
    /// Boarding places needed (grades 4+ beyond the walking limit).
    public var boardingPlacesNeeded: Double
    /// Staff of closed schools minus the staff the receiving schools need under the norm.
    public var staffFreed: Double
    /// Land of closed schools that becomes an idle asset (亩).
    public var idleLandMu: Double
    /// Pupils within the radius (covering models).
    public var coveredPupils: Double?
    public var objective: Double
    public var bound: Double?
    public var gap: Double?
    public var provenOptimal: Bool
    public var seconds: Double
    public var method: String
    /// Assumptions and caveats in Chinese, then English.
    public var notesZh: [String]
    public var notesEn: [String]

    /// The closed existing schools.
    public var closedSites: [Site] { sites.filter { !$0.isNew && !$0.open } }
}
