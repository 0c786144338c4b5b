import Domain
import Localization
import Monitoring
public import Store

/// Preparing a new register.
public struct SetupService: Sendable {
    let store: RegisterStore

    public init(store: RegisterStore) {
        self.store = store
    }

    /// Adds the default norms the register lacks (never overwrites a county's edits); returns how many.
    @discardableResult
    public func installDefaultNorms(by principal: Principal) throws -> Int {
        try store.write(by: principal, .administration) { writer in
            let present = Set(try writer.reader.norms().map(\.key))
            let missing = DefaultNorms.all.filter { !present.contains($0.key) }
            for norm in missing { try writer.save(norm) }
            return missing.count
        }
    }

    /// Adds the indicators every county has: those computed from the school register. A county
    /// plan's own indicators and tasks come with the plan (the demo installs 交城's).
    @discardableResult
    public func installGenericCatalogue(by principal: Principal) throws -> Int {
        try MonitoringService(store: store).installCatalogue(indicators: ComputedIndicators.catalogue, rules: [], by: principal)
            .indicators
    }
}
