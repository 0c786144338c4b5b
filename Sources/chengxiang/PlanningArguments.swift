import ArgumentParser
import Planning

/// `pmedian|cpmedian|mclp|lscp|pcenter` on the command line.
enum ModelArgument: String, ExpressibleByArgument, CaseIterable {
    case pmedian, cpmedian, mclp, lscp, pcenter

    var model: PlanningModel {
        switch self {
        case .pmedian: .pmedian
        case .cpmedian: .cpmedian
        case .mclp: .mclp
        case .lscp: .lscp
        case .pcenter: .pcenter
        }
    }
}

/// `primary|junior` on the command line.
enum LevelArgument: String, ExpressibleByArgument, CaseIterable {
    case primary, junior

    var level: PlanningLevel { self == .primary ? .primary : .junior }
}

/// `classes|land` on the command line.
enum CapacityArgument: String, ExpressibleByArgument, CaseIterable {
    case classes, land

    var rule: CapacityRule { self == .classes ? .classes : .land }
}
