import Domain
import Foundation
import Hummingbird
import Localization
import Records
import Services

/// `/api/v1/tokens` (a script signs in for a token) and `/api/v1/users` (the administrator
/// manages users). Each calls the account service, which checks the caller like every write.
enum AccountAPI {
    struct TokenRequest: Decodable {
        var name: String
        var password: String
        var label: String?
    }

    struct TokenAnswer: Encodable {
        var token: String
    }

    struct NewUser: Decodable {
        var name: String
        var role: String
        var bureau: String?
        var township: String?
        var password: String
    }

    struct UserChange: Decodable {
        var disabled: Bool?
        var password: String?
    }

    static func routes() -> [APIRoute] {
        let name = APIRoute.Parameter(name: "name", location: .path, description: .apiParamUserName, required: true)
        return [
            APIRoute(
                method: .post, path: "/api/v1/tokens", summary: .apiTokenCreate, tag: "accounts", requestBody: "application/json",
                responseSchema: "Token", successStatus: 201
            ) { request, _, state in
                // Open to anyone: the name and password are the credential (with the sign-in lock-out).
                let input = try APIRoutes.decode(TokenRequest.self, from: try await Upload.body(request, limit: 16 << 10))
                let token = try await SlowWork.run {
                    try state.workspace.accounts.issueToken(name: input.name, password: input.password, label: input.label)
                }
                return try Responses.json(TokenAnswer(token: token), status: .created)
            },
            APIRoute(method: .get, path: "/api/v1/users", summary: .apiUsers, tag: "accounts", responseSchema: "UserList") {
                _, context, state in
                let register = try state.workspace.register.divisionRegister()
                let users = try state.workspace.accounts.accounts(by: try context.writer())
                return try Responses.json(users.map { UserRecord($0, register: register) })
            },
            APIRoute(
                method: .post, path: "/api/v1/users", summary: .apiUserCreate, tag: "accounts", requestBody: "application/json",
                responseSchema: "User", successStatus: 201
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let input = try APIRoutes.decode(NewUser.self, from: try await Upload.body(request, limit: 16 << 10))
                let role = try Role(parsing: input.role)
                let bureau = try input.bureau.map { try Bureau(parsing: $0) }
                let principal = try context.writer()
                let account = try await SlowWork.run {
                    try state.workspace.accounts.add(
                        name: input.name, role: role, bureau: bureau, township: input.township, password: input.password, by: principal)
                }
                return try Responses.json(UserRecord(account, register: try state.workspace.register.divisionRegister()), status: .created)
            },
            APIRoute(
                method: .patch, path: "/api/v1/users/{name}", summary: .apiUserChange, tag: "accounts", parameters: [name],
                requestBody: "application/json", responseSchema: "User"
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                let user = try context.parameters.require("name")
                let input = try APIRoutes.decode(UserChange.self, from: try await Upload.body(request, limit: 16 << 10))
                let principal = try context.writer()
                let accounts = state.workspace.accounts
                try await SlowWork.run {
                    try accounts.change(name: user, password: input.password, disabled: input.disabled, by: principal)
                }
                guard let account = try accounts.accounts(by: principal).first(where: { $0.name == user }) else {
                    throw UserError(.notFound, L10n.message(.userUnknown, user))
                }
                return try Responses.json(UserRecord(account, register: try state.workspace.register.divisionRegister()))
            },
            APIRoute(
                method: .delete, path: "/api/v1/users/{name}/tokens", summary: .apiUserRevoke, tag: "accounts", parameters: [name],
                responseSchema: nil, successStatus: 204
            ) { request, context, state in
                try Security.verifyAPI(request, context)
                try state.workspace.accounts.revokeAccess(name: try context.parameters.require("name"), by: try context.writer())
                return Response(status: .noContent)
            },
        ]
    }
}
