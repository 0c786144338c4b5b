public import Domain
import Foundation
public import Localization
import Store

/// Who is making a request: a signed-in user (web or API), the operator at the command line, or
/// the system itself (the demo builder). Every write names one; the audit log records its
/// `auditName`.
public struct Principal: Sendable, Hashable {
    /// How the principal reached the system, recorded with the name in the audit log.
    public enum Channel: String, Sendable {
        case web, api, cli, system
    }

    public let name: String
    public let role: Role
    public let bureau: Bureau?
    public let townshipID: Division.ID?
    public let channel: Channel

    public init(name: String, role: Role, bureau: Bureau? = nil, townshipID: Division.ID? = nil, channel: Channel) {
        self.name = name
        self.role = role
        self.bureau = bureau
        self.townshipID = townshipID
        self.channel = channel
    }

    /// A signed-in account acting through a channel.
    public init(_ account: Account, channel: Channel) {
        self.init(name: account.name, role: account.role, bureau: account.bureau, townshipID: account.townshipID, channel: channel)
    }

    /// The person at the command line with the database file in hand: whoever can open the file
    /// can change it, so the CLI acts as administrator under the login name (or `--actor`)
    /// unless it is given a user's API token.
    public static func consoleOperator(_ name: String) -> Principal {
        Principal(name: name, role: .admin, channel: .cli)
    }

    /// Someone only reading (a page, a listing): a viewer, so a write made by mistake in its name is refused.
    public static let reader = Principal(name: "reader", role: .viewer, channel: .system)

    /// The program itself (the demo builder, set-up): administrator, recorded under `name`.
    public static func system(_ name: String) -> Principal { Principal(name: name, role: .admin, channel: .system) }

    /// The actor recorded in the audit and import logs: `web:alice`, `api:alice`, `cli:root`, or
    /// the system's own name.
    public var auditName: String { channel == .system ? name : "\(channel.rawValue):\(name)" }

    /// The role as a person reads it, with its bureau: 「部门编辑（教育局）」.
    public var roleLabel: Localized {
        if let bureau, role == .bureauEditor {
            return L10n.message(.roleWithBureau, role.label, bureau.label)
        }
        return role.label
    }

    /// Whether the principal may write data of this bureau anywhere at all (to decide whether a
    /// form is shown; the write itself is checked by `Access.authorize`).
    public func mayWrite(_ bureau: Bureau?) -> Bool {
        switch role {
        case .admin: true
        case .viewer: false
        case .bureauEditor: bureau != nil && bureau == self.bureau
        case .townshipEditor: true
        }
    }

    /// Whether the principal may make county-level changes of this bureau (tasks, scenarios).
    public func mayWriteCountyLevel(_ bureau: Bureau?) -> Bool { role != .townshipEditor && mayWrite(bureau) }

    /// Refuses a principal who may write nothing at all (a viewer), before any work is done for it
    /// (an upload read and checked).
    public func requireSomeWrite() throws {
        if role == .viewer { throw UserError(.forbidden, L10n.message(.accessViewer, name)) }
    }
}

/// What a change needs permission for.
public enum WriteNeed: Sendable, Hashable {
    /// Users, norms, the catalogue, the plan's findings: the administrator only.
    case administration
    /// A user's own account (a token for oneself): that user, or the administrator.
    case ownAccount(String)
    /// Data owned by a bureau (nil: county data of no bureau) for these areas; no areas means
    /// county-level data.
    case data(Bureau?, areas: Set<Division.ID>)

    /// County-level data of a bureau.
    public static func county(_ bureau: Bureau?) -> WriteNeed { .data(bureau, areas: []) }
}

/// The one permission check. Every write of a service passes through
/// `RegisterStore.write(by:_:_:)`, which calls it inside the write's transaction;
/// `RepositoryTests` fails on a service that writes around it.
public enum Access {
    /// Throws `forbidden`, naming the reason in both languages, unless `principal` may make a
    /// change with every one of `needs`. `register` is read only for a township editor.
    static func authorize(_ principal: Principal, _ needs: [WriteNeed], register: () throws -> DivisionRegister) throws {
        // A viewer writes nothing, even a batch that turned out empty.
        if principal.role == .viewer && needs.allSatisfy({ $0 != .ownAccount(principal.name) }) {
            throw UserError(.forbidden, L10n.message(.accessViewer, principal.name))
        }
        let others = needs.filter { need in
            if case .ownAccount(let name) = need { return name != principal.name }
            return true
        }
        if others.isEmpty { return }
        let needs = others
        switch principal.role {
        case .admin:
            return
        case .viewer:
            throw UserError(.forbidden, L10n.message(.accessViewer, principal.name))
        case .bureauEditor:
            for need in needs {
                guard case .data(let bureau, _) = need else {
                    throw UserError(.forbidden, L10n.message(.accessAdminOnly, principal.name, principal.roleLabel))
                }
                guard let bureau else { throw UserError(.forbidden, L10n.message(.accessCountyData)) }
                if bureau != principal.bureau {
                    throw UserError(
                        .forbidden, L10n.message(.accessOtherBureau, bureau.label, principal.name, principal.bureau?.label ?? bureau.label))
                }
            }
        case .townshipEditor:
            let register = try register()
            guard let townshipID = principal.townshipID, let township = register.division(id: townshipID) else {
                throw UserError(.forbidden, L10n.message(.accessViewer, principal.name))
            }
            for need in needs {
                guard case .data(_, let areas) = need else {
                    throw UserError(.forbidden, L10n.message(.accessAdminOnly, principal.name, principal.roleLabel))
                }
                if areas.isEmpty { throw UserError(.forbidden, L10n.message(.accessCountyLevel, principal.name, township.name)) }
                for id in areas.sorted() where !within(id, township, register) {
                    let name = register.division(id: id)?.name ?? id.description
                    throw UserError(.forbidden, L10n.message(.accessOtherTownship, name, township.name, principal.name))
                }
            }
        }
    }

    /// Whether a division is the township, one of its villages, or a unit merged into either.
    static func within(_ id: Division.ID, _ township: Stored<Division>, _ register: DivisionRegister) -> Bool {
        guard let division = register.division(id: id), let own = register.township(of: division) else { return false }
        if own.id == township.id { return true }
        return register.currentUnit(for: own)?.id == township.id
    }
}

extension RegisterStore {
    /// The one door of every write: checks that `principal` may make a change with `needs`, then
    /// runs `body` in one transaction recorded in the audit log under the principal's name.
    func write<T>(by principal: Principal, _ needs: [WriteNeed], _ body: (RegisterWriter) throws -> T) throws -> T {
        try write(actor: principal.auditName) { writer in
            try Access.authorize(principal, needs, register: { try writer.reader.register() })
            return try body(writer)
        }
    }

    /// `write(by:_:_:)` for one need.
    func write<T>(by principal: Principal, _ need: WriteNeed, _ body: (RegisterWriter) throws -> T) throws -> T {
        try write(by: principal, [need], body)
    }

    /// `write(by:_:_:)` rolled back at the end: what the write would do, the checks included,
    /// with nothing kept (a dry run that needs the database's own rules).
    func rehearse<T>(by principal: Principal, _ needs: [WriteNeed], _ body: (RegisterWriter) throws -> T) throws -> T {
        try rehearse(actor: principal.auditName) { writer in
            try Access.authorize(principal, needs, register: { try writer.reader.register() })
            return try body(writer)
        }
    }

    /// `rehearse(by:_:_:)` for one need.
    func rehearse<T>(by principal: Principal, _ need: WriteNeed, _ body: (RegisterWriter) throws -> T) throws -> T {
        try rehearse(by: principal, [need], body)
    }

    /// The same check without writing, for a dry run (an import's check step).
    func authorize(_ principal: Principal, _ needs: [WriteNeed]) throws {
        try Access.authorize(principal, needs, register: { try read { try $0.register() } })
    }
}
