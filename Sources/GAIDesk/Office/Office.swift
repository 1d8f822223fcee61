import Crypto
import Foundation

/// An unlocked office: its journal, its current state, and the only way to record new events.
public final class Office {
  /// The data directory.
  public let paths: OfficePaths
  /// The office identity.
  public let identity: OfficeIdentity
  /// The current state.
  public private(set) var state = OfficeState()
  /// The journal.
  public private(set) var journal: Journal
  private let masterKey: SymmetricKey
  private let origin: OriginID
  /// How many records were read from the journal (rather than the snapshot) when opening.
  public private(set) var recordsReplayed = 0
  /// Whether the state came from the snapshot cache.
  public private(set) var openedFromSnapshot = false

  /// The master key, for checks that read the journal independently.
  var masterKeyForVerification: SymmetricKey { masterKey }

  /// The office code (municipality).
  public var code: String { identity.office }
  /// Damage that makes the office read-only.
  public var damage: [JournalDamage] { journal.damage }
  /// Whether recording is refused because of damage.
  public var isReadOnly: Bool { journal.isReadOnly }

  private init(paths: OfficePaths, identity: OfficeIdentity, masterKey: SymmetricKey, origin: OriginID) throws
  {
    self.paths = paths
    self.identity = identity
    self.masterKey = masterKey
    self.origin = origin
    journal = try Journal(
      root: paths.journal, origin: origin, sealer: Sealer(masterKey: masterKey, purpose: "journal"))
  }

  /// Creates a new office for municipality `code`, protected by `passphrase`.
  public static func create(
    at paths: OfficePaths, office code: String, passphrase: String, staff: String?,
    scryptLogN: Int = KeySlot.defaultLogN
  ) throws -> Office {
    guard !paths.exists else { throw GAIDeskError(.officeExists, paths.root) }
    guard ReferenceData.shipped.municipality(code) != nil else {
      throw GAIDeskError(
        .officeUnknown, code, ReferenceData.shipped.municipalities.map(\.code).joined(separator: ", ")
      )
    }
    try Validation.passphrase(passphrase)
    try FileIO.makeDirectory(paths.keys)
    let masterKey = SymmetricKey(size: .bits256)
    let slot = try KeySlot.make(for: masterKey, passphrase: passphrase, logN: scryptLogN)
    try FileIO.writeAtomically(try Office.json(slot), to: paths.keys + "/slot-1.json")
    let identity = OfficeIdentity(
      format: OfficeIdentity.currentFormat, office: code, created: ISO8601DateFormatter().string(from: Date())
    )
    let origin = try Office.deviceOrigin(paths)
    // The journal starts empty: its first record is the office's first real event, so generated or
    // imported history may lie before today.
    let office = try Office(paths: paths, identity: identity, masterKey: masterKey, origin: origin)
    office.state.office = code
    if let staff { try Office.saveSettings(OfficeSettings(staff: staff), paths: paths) }
    try FileIO.writeAtomically(try Office.json(identity), to: paths.officeFile)
    return office
  }

  /// Unlocks the office in `paths` with `passphrase` and reads its journal.
  public static func open(at paths: OfficePaths, passphrase: String) throws -> Office {
    guard let data = FileManager.default.contents(atPath: paths.officeFile) else {
      throw GAIDeskError(.officeMissing, paths.root)
    }
    guard let identity = try? JSONDecoder().decode(OfficeIdentity.self, from: data) else {
      throw GAIDeskError(.officeCorrupt, paths.officeFile)
    }
    guard identity.format <= OfficeIdentity.currentFormat else {
      throw GAIDeskError(.officeNewer, String(identity.format))
    }
    let masterKey = try unlock(paths, passphrase: passphrase)
    let office = try Office(
      paths: paths, identity: identity, masterKey: masterKey, origin: try deviceOrigin(paths))
    try office.load()
    return office
  }

  private static func unlock(_ paths: OfficePaths, passphrase: String) throws -> SymmetricKey {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.keys)) ?? []
    let slots = names.filter { $0.hasPrefix("slot-") && $0.hasSuffix(".json") }.sorted()
    guard !slots.isEmpty else { throw GAIDeskError(.keyslotMissing, paths.keys) }
    var readable = 0
    for name in slots {
      guard let data = FileManager.default.contents(atPath: paths.keys + "/" + name),
        let slot = try? JSONDecoder().decode(KeySlot.self, from: data)
      else { continue }
      readable += 1
      if let key = try slot.unlock(passphrase: passphrase) { return key }
    }
    guard readable > 0 else { throw GAIDeskError(.keyslotCorrupt) }
    throw GAIDeskError(.passphraseWrong)
  }

  /// The origin of this device, made anew when the folder was copied to another machine or place.
  private static func deviceOrigin(_ paths: OfficePaths) throws -> OriginID {
    try FileIO.makeDirectory(paths.root)
    let fingerprint = DeviceIdentity.fingerprint(root: paths.root)
    if let data = FileManager.default.contents(atPath: paths.deviceFile),
      let device = try? JSONDecoder().decode(DeviceIdentity.self, from: data),
      device.fingerprint == fingerprint, let origin = OriginID(hex: device.origin)
    {
      return origin
    }
    let origin = OriginID.random()
    try FileIO.writeAtomically(
      try json(DeviceIdentity(origin: origin.hex, fingerprint: fingerprint)), to: paths.deviceFile)
    return origin
  }

  static func json<T: Encodable>(_ value: T) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    return Array(try encoder.encode(value))
  }

  /// The settings saved in the data directory.
  public static func settings(paths: OfficePaths) -> OfficeSettings {
    guard let data = FileManager.default.contents(atPath: paths.settings) else { return OfficeSettings() }
    return (try? JSONDecoder().decode(OfficeSettings.self, from: data)) ?? OfficeSettings()
  }

  /// Saves settings durably.
  public static func saveSettings(_ settings: OfficeSettings, paths: OfficePaths) throws {
    try FileIO.writeAtomically(try json(settings), to: paths.settings)
  }

  private func load() throws {
    defer { if state.office == nil { state.office = identity.office } }
    if let snapshot = StateSnapshot.load(paths: paths, masterKey: masterKey, journal: journal) {
      state = snapshot
      openedFromSnapshot = true
    }
    recordsReplayed = 0
    try journal.refresh { entry in
      self.recordsReplayed += 1
      self.apply(entry)
    }
    try journal.repairOwnTail { entry in
      self.recordsReplayed += 1
      self.apply(entry)
    }
    if openedFromSnapshot && journal.isReadOnly {
      // A stale or foreign cache must never be mistaken for damage: read everything again.
      openedFromSnapshot = false
      try reload()
    }
    if !journal.isReadOnly && (recordsReplayed > 1000 || !openedFromSnapshot) { saveSnapshot() }
  }

  private func apply(_ entry: JournalEntry) {
    if let batch = try? EventCodec.decode(entry.payload) {
      state.apply(batch, time: entry.header.clock)
    } else {
      state.apply(
        EventBatch(staff: "", office: "", events: [.unknown(type: 0, version: 0, body: [])]),
        time: entry.header.clock)
    }
  }

  /// Writes the sealed snapshot cache; failure only costs time at the next opening.
  public func saveSnapshot() {
    try? StateSnapshot.save(state, journal: journal, paths: paths, masterKey: masterKey)
  }

  /// Reads what other processes appended; returns whether anything changed.
  @discardableResult
  public func refresh() throws -> Bool {
    var changed = false
    try journal.refresh { entry in
      changed = true
      self.apply(entry)
    }
    return changed
  }

  /// Records `events` as one durable record.
  public func record(staff: String, events: [Event]) throws {
    try perform(staff: staff) { _ in events }
  }

  /// Builds a command's events under the append lock (seeing every other process's appends), records them
  /// as one record and returns once they are durable. Throws, writing nothing, when `build` throws.
  @discardableResult
  public func perform<T>(staff: String, _ build: (inout CommandContext) throws -> T) throws -> T
  where T: EventsProducing {
    var result: T?
    try perform(staff: staff, count: 1) { context in
      let value = try build(&context)
      result = value
      return value.events
    }
    return result!
  }

  /// Records `count` records built one after the other, synced once at the end (for bulk generation).
  public func perform(
    staff: String, count: Int, now: @escaping () -> Date = Date.init,
    _ build: (inout CommandContext) throws -> [Event]
  ) throws {
    var applied = false
    do {
      try journal.append(count: count, now: now, deliver: apply) { stamp in
        let events: [Event]
        do {
          // The context shares the state's storage; it must be gone before the state is mutated, or
          // applying would copy every dictionary of the office.
          var context = CommandContext(state: state, stamp: stamp, office: code, staff: staff)
          events = try build(&context)
        }
        let batch = EventBatch(staff: staff, office: code, events: events)
        applied = true
        state.apply(batch, time: stamp.time)
        return EventCodec.encode(batch)
      }
    } catch let error as GAIDeskError {
      if applied { try reload() }
      throw error
    } catch let failure as FileIO.Failure {
      if applied { try reload() }
      throw GAIDeskError(failure.isDiskFull ? .diskFull : .diskIO, failure.path, failure.reason)
    }
  }

  /// Forgets the in-memory state and reads the journal again (after an append that failed once the state
  /// had taken its events).
  private func reload() throws {
    journal = try Journal(
      root: paths.journal, origin: origin, sealer: Sealer(masterKey: masterKey, purpose: "journal"))
    state = OfficeState()
    state.office = identity.office
    try journal.refresh(apply)
  }
}

/// What a command returns: the events to record, and possibly a result for the caller.
public protocol EventsProducing {
  /// The events to record.
  var events: [Event] { get }
}

extension Array: EventsProducing where Element == Event {
  public var events: [Event] { self }
}
