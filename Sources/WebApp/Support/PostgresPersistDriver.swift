import Database
import Foundation
import Hummingbird
import Store

/// Hummingbird's key–value `PersistDriver` over the `web_sessions` table, so sessions survive
/// restarts and are shared by every web server.
///
/// Keeps the contract of `MemoryPersistDriver`: `create` on an existing key throws
/// `PersistError.duplicate`; a value that does not decode throws `PersistError.invalidConversion`;
/// `set(..., expires: nil)` keeps the existing expiry.
///
/// Reading a session also reads the account of the user it names, in the same query (into
/// ``WebSession/account``, never stored), so a signed-in request costs one query for both.
public struct PostgresPersistDriver: PersistDriver {
    let records: SessionRecordStore
    /// Expiry of a value stored without one.
    let defaultExpiry: Duration

    public init(records: SessionRecordStore, defaultExpiry: Duration = .seconds(12 * 3600)) {
        self.records = records
        self.defaultExpiry = defaultExpiry
    }

    public func create<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        let inserted = try await records.insert(key: key, json: try Self.encode(value), expiresInSeconds: (expires ?? defaultExpiry).seconds)
        if !inserted { throw PersistError.duplicate }
    }

    public func set<Object: Codable & Sendable>(key: String, value: Object, expires: Duration?) async throws {
        try await records.upsert(key: key, json: try Self.encode(value), expiresInSeconds: expires?.seconds)
    }

    public func get<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> Object? {
        try await getWithTTL(key: key, as: Object.self)?.object
    }

    public func getWithTTL<Object: Codable & Sendable>(key: String, as: Object.Type) async throws -> (object: Object, ttl: Duration?)? {
        guard let record = try await records.findWithAccount(key: key) else { return nil }
        let ttl = Duration.milliseconds(Int64(record.ttlSeconds * 1000))
        // Every signed-in request reads a WebSession: built from columns, it skips JSONDecoder.
        if Object.self == WebSession.self, let session = WebSession(record: record) {
            return (session as! Object, ttl)
        }
        do {
            return (try JSONDecoder().decode(Object.self, from: Data(record.json.utf8)), ttl)
        } catch {
            throw PersistError.invalidConversion
        }
    }

    public func remove(key: String) async throws {
        try await records.delete(key: key)
    }

    static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
    }
}

