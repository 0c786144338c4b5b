import ArgumentParser
import Planning

/// `pmedian|cpmedian|mclp|lscp|pcenter` on the command line.
enum ModelArgument: String, ExpressibleByArgument, CaseIterable {
    case pmedian, cpmedian, mclp, lscp, pcenter

    var model: PlanningModel { PlanningModel(rawValue: rawValue)! }
}

/// `primary|junior` on the command line.
enum LevelArgument: String, ExpressibleByArgument, CaseIterable {
    case primary, junior

    var level: PlanningLevel { PlanningLevel(rawValue: rawValue)! }
}

/// `classes|land` on the command line.
enum CapacityArgument: String, ExpressibleByArgument, CaseIterable {
    case classes, land

    var rule: CapacityRule { CapacityRule(rawValue: rawValue)! }
}
