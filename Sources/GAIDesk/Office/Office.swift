import Crypto
import Foundation

/// An unlocked office: its journal, its current state, and the only way to record new events.
///
/// The state is the fold of every record in canonical order (clock, origin, sequence), whatever order the
/// records were read in: records that arrive in order are applied as they come; one that belongs before
/// records already applied makes the office fold everything again (`refolds` counts it).
public final class Office {
  /// The data directory.
  public let paths: OfficePaths
  /// The office identity.
  public let identity: OfficeIdentity
  /// The current state.
  public private(set) var state = OfficeState()
  /// The journal.
  public private(set) var journal: Journal
  /// The origin this device writes as in this office.
  public let origin: OriginID
  /// The epoch-1 key (the office master key): bundle tags and epoch-1 records.
  private let masterKey: SymmetricKey
  /// What unlocked the office: an account's keys, or a master-key slot from before accounts.
  var credential: Credential
  /// The record keys held, one per epoch.
  var keyring: Keyring
  /// The account that unlocked the office, as the journal knows it now (its role may change, or it may be
  /// removed, while the office is open); nil while the journal does not name it yet (a restore before its
  /// bundles are imported) or for an office from before accounts that opens read-only.
  public var account: Account? {
    guard case .account(let id, _, _) = credential, let found = state.accounts.accounts[id], !found.removed
    else { return nil }
    return found
  }
  /// Accounts whose own passphrase was checked on this PC since the office was opened (people joining the
  /// desk at the locked screen), besides the one that opened it: the only other names it records as.
  var joined: Set<String> = []
  /// The recovery code of an office just created, to show once; nil otherwise.
  public internal(set) var recoveryCode: String?
  private let marks: DeviceMarks
  /// Saves this device's mark after each append.
  private lazy var markWriter = DeviceMarkWriter(marks: marks, office: identity.id!, root: paths.root)
  /// The wall clock (a test seam for clocks set wrong).
  @_spi(Testing) public var now: @Sendable () -> Date = { WallClock.now() }
  /// The greatest record key folded so far.
  private var appliedKey: RecordKey?
  /// Records read under the append lock, folded before the command sees the state.
  private var pending: [JournalEntry] = []
  /// How many records were read from the journal (rather than the snapshot) when opening.
  public private(set) var recordsReplayed = 0
  /// Whether the state came from the snapshot cache.
  public private(set) var openedFromSnapshot = false
  /// Key slots skipped while unlocking (newer, out-of-range or damaged), one warning each.
  public private(set) var slotWarnings: [GAIDeskError] = []
  /// How many times a record that belongs before others already folded made the office fold again.
  public private(set) var refolds = 0
  /// What opening found that a person should know (a new origin and why, history a cache covered).
  public private(set) var notices: [OfficeNotice] = []
  /// The hashes the snapshot cache keeps of the segments it covered (kept again by the next cache).
  private var seals: [SegmentSeal] = []
  /// What the cache covered at opening, which this opening did not read: hash it again with
  /// ``CoveredSegments/check()`` (in the background is fine) and hand the damage to ``noteCoveredDamage(_:)``.
  public private(set) var coveredSegments = CoveredSegments(journalRoot: "", seals: [])
  /// The snapshot cache an opening is writing on another thread, until it is waited for.
  private var snapshotWrite: SnapshotWrite?
  /// The visitor search index, once asked for (``visitorSearch(keeping:)``).
  var searchIndex: VisitorSearch?
  /// What the state is known to be: a base state named by its records plus the visitors touched by the
  /// records folded on top of it in turn; nil after a fold again (see ``SearchBasis``).
  public internal(set) var searchBasis: SearchBasis?

  /// The epoch-1 key, for checks that read the journal independently.
  var masterKeyForVerification: SymmetricKey { masterKey }
  /// The record keys, for checks that read the journal independently.
  var keyringForVerification: Keyring { keyring }

  /// The office code (municipality).
  public var code: String { identity.office }
  /// Damage that makes the office read-only.
  public var damage: [JournalDamage] { journal.damage }
  /// Whether recording is refused because of damage.
  public var isReadOnly: Bool { journal.isReadOnly }
  /// Why this intact office cannot be written (a read-only medium, no permission, a full disk with a torn
  /// tail to repair); nil when it can. Everything is still read.
  public var medium: ReadOnlyMedium? { journal.medium }

  /// A format-1 office on a folder that refuses writes: its journal as converted outside the folder.
  private var converted: ConvertedJournal?
  /// Whether this is a format-1 office read through a conversion made outside its folder (which refuses
  /// writes): copy it to a writable folder and open it there to convert it once and record.
  public var isConvertedInMemory: Bool { converted != nil }

  private init(
    paths: OfficePaths, identity: OfficeIdentity, credential: Credential, origin: OriginID,
    marks: DeviceMarks,
    converted: ConvertedJournal? = nil
  ) throws {
    self.paths = paths
    self.identity = identity
    self.credential = credential
    guard let masterKey = credential.epochs[1] else { throw GAIDeskError(.keyslotCorrupt) }
    self.masterKey = masterKey
    self.keyring = Keyring(epochs: credential.epochs, current: 1)
    self.origin = origin
    self.marks = marks
    self.converted = converted
    journal = try Journal(
      root: converted?.journal ?? paths.journal, origin: origin, keyring: keyring,
      refusing: converted?.refusal)
    // The snapshot cache's seals come from the reading (a converted journal has no cache).
    journal.sealsWhileReading = converted == nil
  }

  /// Creates a new office for municipality `code`: its first administrator `staff` (protected by
  /// `passphrase`) and a recovery slot whose code is in `recoveryCode`, to be shown once.
  public static func create(
    at paths: OfficePaths, office code: String, passphrase: String, staff: String?,
    scryptLogN: Int = ScryptParameters.defaultLogN, marks: DeviceMarks = .resolve()
  ) throws -> Office {
    guard !paths.exists else { throw GAIDeskError(.officeExists, paths.root) }
    _ = try ReferenceData.shipped.requireMunicipality(code)
    try Validation.passphrase(passphrase)
    let name = try Validation.name(staff ?? "Administrador", field: "staff")
    try FileIO.makeDirectory(paths.keys)
    let masterKey = SymmetricKey(size: .bits256)
    let epochs: [UInt32: SymmetricKey] = [1: masterKey]
    let recoveryCode = RecoveryCode.generate()
    let first = try NewAccount(
      name: name, role: .administrator, passphrase: passphrase, epochs: epochs, logN: scryptLogN)
    let recovery = try NewAccount(
      name: RecoveryCode.accountName, role: .administrator, passphrase: recoveryCode, epochs: epochs,
      logN: scryptLogN, isRecovery: true)
    for account in [first, recovery] {
      try FileIO.writeAtomically(account.slot.bytes, to: paths.keys + "/" + AccountSlot.fileName(account.id))
    }
    let identity = OfficeIdentity(
      format: OfficeIdentity.currentFormat, id: UUID().uuidString.lowercased(), office: code,
      created: ISO8601DateFormatter().string(from: Date()))
    let origin = newOrigin(paths: paths, marks: marks, office: identity.id!)
    let office = try Office(
      paths: paths, identity: identity,
      credential: .account(id: first.id, privateKey: first.privateKey, epochs: epochs), origin: origin,
      marks: marks)
    office.state.office = code
    try FileIO.writeAtomically(try Office.json(identity), to: paths.officeFile)
    // The journal's first record names the accounts, so they travel to the office's other PCs.
    try office.record(staff: name, events: [.accountAdded(first.account), .accountAdded(recovery.account)])
    office.recoveryCode = recoveryCode
    return office
  }

  /// Unlocks the office in `paths` with `passphrase` and reads its journal. A format-1 office is migrated
  /// first (see `Migration`); an office from before accounts turns the slot that opened into an
  /// administrator account.
  public static func open(at paths: OfficePaths, passphrase: String, marks: DeviceMarks = .resolve()) throws
    -> Office
  {
    var identity = try readIdentity(paths)
    let unlocked = try unlock(paths, passphrase: passphrase)
    let credential = unlocked.credential
    var converted: ConvertedJournal?
    if identity.format < OfficeIdentity.currentFormat, let masterKey = credential.epochs[1] {
      do {
        try Migration(paths: paths, masterKey: masterKey).run()
        identity = try readIdentity(paths)
      } catch let failure as FileIO.Failure {
        // A folder that refuses writes: read the office converted elsewhere, and write nothing.
        guard let refusal = ReadOnlyMedium(failure, path: paths.root) else { throw failure }
        converted = try ConvertedJournal(paths: paths, masterKey: masterKey, refusal: refusal, marks: marks)
        identity.format = OfficeIdentity.currentFormat
        identity.id = try identity.id ?? ConvertedJournal.officeID(paths)
      }
    }
    guard let id = identity.id else { throw GAIDeskError(.officeCorrupt, paths.officeFile) }
    var notices: [OfficeNotice] = []
    var lost: [OriginID: UInt64] = [:]
    // A folder this device cannot write to (a mounted backup, no permission) is read as it is: no origin of
    // this device is marked for it, since none will ever write there.
    let writable =
      converted == nil && access(FileIO.size(paths.journal) == nil ? paths.root : paths.journal, W_OK) == 0
    let marks = writable ? marks : DeviceMarks.readOnly(marks)
    let origin = try deviceOrigin(paths: paths, marks: marks, office: id, notices: &notices, lost: &lost)
    let office = try Office(
      paths: paths, identity: identity, credential: credential, origin: origin, marks: marks,
      converted: converted)
    office.notices = notices
    office.journal.expected = lost
    try office.load()
    // Once the journal is read, every other slot file is checked against the copy its records hold.
    let skipped = unlocked.skipped
    office.slotWarnings = skipped + office.unrecordedSlots(skipping: Set(skipped.map { $0.args[0] }))
    try office.refuseSupersededSlot(unlocked.slot)
    try office.settleAccount(passphrase: passphrase)
    return office
  }

  static func readIdentity(_ paths: OfficePaths) throws -> OfficeIdentity {
    guard let data = FileManager.default.contents(atPath: paths.officeFile) else {
      throw GAIDeskError(.officeMissing, paths.root)
    }
    guard let identity = try? JSONDecoder().decode(OfficeIdentity.self, from: data) else {
      throw GAIDeskError(.officeCorrupt, paths.officeFile)
    }
    guard identity.format <= OfficeIdentity.currentFormat else {
      throw GAIDeskError(.officeNewer, String(identity.format))
    }
    return identity
  }

  /// What the first slot `passphrase` opens, and a warning for each slot skipped on the way (newer,
  /// out-of-range parameters, damaged): one bad slot must not lock out the others. A recovery code is also
  /// tried as written in the safe (grouped, upper case).
  static func unlock(_ paths: OfficePaths, passphrase: String) throws -> UnlockedSlot {
    do {
      return try unlock(paths, exactly: passphrase)
    } catch let error as GAIDeskError where error.code == .passphraseWrong {
      guard let code = RecoveryCode.normalized(passphrase), code != passphrase else { throw error }
      return try unlock(paths, exactly: code)
    }
  }

  /// The office's key slot files in the order a passphrase tries them: each costs a scrypt run, so the one
  /// that opened last on this PC first, the recovery slot last.
  public static func slotsInUnlockOrder(_ paths: OfficePaths) -> [String] {
    slotsInUnlockOrder(paths, last: settings(paths: paths).slot)
  }

  /// ``slotsInUnlockOrder(_:)`` with `last`, the slot that opened last on this PC, already read.
  private static func slotsInUnlockOrder(_ paths: OfficePaths, last: String?) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.keys)) ?? []
    return names.filter { $0.hasPrefix("slot-") && $0.hasSuffix(".json") }.sorted {
      ($0 == last ? 0 : 1, $0.hasPrefix("slot-r") ? 1 : 0, $0) < (
        $1 == last ? 0 : 1, $1.hasPrefix("slot-r") ? 1 : 0, $1
      )
    }
  }

  private static func unlock(_ paths: OfficePaths, exactly passphrase: String) throws -> UnlockedSlot {
    let last = settings(paths: paths).slot
    let slots = slotsInUnlockOrder(paths, last: last)
    guard !slots.isEmpty else { throw GAIDeskError(.keyslotMissing, paths.keys) }
    var skipped: [GAIDeskError] = []
    var refused: [GAIDeskError] = []
    var wrong = 0
    for name in slots {
      do {
        if let credential = try Credential.open(paths.keys + "/" + name, passphrase: passphrase) {
          if name != last, paths.exists {
            var saved = settings(paths: paths)
            saved.slot = name
            try? saveSettings(saved, paths: paths)
          }
          return UnlockedSlot(credential: credential, slot: name, skipped: skipped)
        }
        wrong += 1
      } catch let error as GAIDeskError {
        skipped.append(GAIDeskError(.keyslotSkippedWarning, name, error.key))
        refused.append(error)
      }
    }
    // Any damaged or newer slot is named: it may be the one this passphrase would have opened.
    throw refused.first ?? GAIDeskError(wrong > 0 ? .passphraseWrong : .keyslotCorrupt)
  }

  /// The origin this device continues in this folder: its mark's origin when the folder's log of that
  /// origin still holds the last record the device wrote; otherwise a new origin (a copied, cloned or
  /// restored folder, or a device new to this office), never continuing someone else's sequence.
  private static func deviceOrigin(
    paths: OfficePaths, marks: DeviceMarks, office id: String, notices: inout [OfficeNotice],
    lost: inout [OriginID: UInt64]
  ) throws -> OriginID {
    if let mark = marks.mark(office: id), let origin = OriginID(hex: mark.origin) {
      if forks(paths).contains(where: { $0.origin == origin }) {
        // Another PC went on writing this origin (a cloned disk): neither branch is continued.
        notices.append(.forked(origin: origin))
        return newOrigin(paths: paths, marks: marks, office: id)
      }
      let folder = paths.journal + "/" + origin.hex
      let sameFolder = mark.folder != nil && mark.folder == DeviceMark.identity(of: paths.root)
      if mark.sequence == 0 {
        // No record reported saved yet: the log is empty, or this device's first appends in this folder
        // were cut short before the mark was updated.
        if sameFolder || FileIO.size(folder + "/" + SegmentFormat.fileName(index: 1)) == nil { return origin }
      } else if let hash = Hex.decode(mark.hash) {
        let cursor = OriginCursor(
          origin: origin, segment: mark.segment, offset: mark.offset, lastSequence: mark.sequence,
          lastHash: hash, lastRecordSegment: mark.segment, lastRecordOffset: mark.offset)
        if cursor.matches(journalRoot: paths.journal) { return origin }
      }
      if sameFolder {
        // The very folder this device wrote: its last records were lost (a cut tail, a deleted segment).
        // The mark keeps saying so until a supervisor accepts the loss (the acceptance moves it).
        lost[origin] = mark.sequence
        return newOrigin(paths: paths, marks: marks, office: id, saveMark: false)
      } else {
        notices.append(.behindMark(origin: origin, sequence: mark.sequence))
      }
    }
    return newOrigin(paths: paths, marks: marks, office: id)
  }

  /// A new origin whose id tag no origin of this folder has, recorded as this device's mark.
  private static func newOrigin(
    paths: OfficePaths, marks: DeviceMarks, office id: String, saveMark: Bool = true
  ) -> OriginID {
    let known = Set(
      ((try? FileManager.default.contentsOfDirectory(atPath: paths.journal)) ?? []).compactMap {
        OriginID(hex: $0)?.tag
      })
    var origin = OriginID.random()
    while known.contains(origin.tag) { origin = OriginID.random() }
    guard saveMark else { return origin }
    marks.save(
      DeviceMark(
        cursor: OriginCursor(
          origin: origin, segment: 0, offset: 0, lastSequence: 0, lastHash: [UInt8](repeating: 0, count: 32),
          lastRecordSegment: 0, lastRecordOffset: 0), root: paths.root), office: id)
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
    switch loadSnapshot() {
    case .loaded(let snapshot, let key, let seals):
      state = snapshot
      appliedKey = key
      openedFromSnapshot = true
      searchBasis = searchBasisNow()
      self.seals = seals
      coveredSegments = CoveredSegments(journalRoot: journal.root, seals: seals)
    case .coveredMore(let missing):
      journal.expected.merge(missing) { max($0, $1) }
      notices += missing.keys.sorted().map { .cacheCoveredMore(origin: $0, sequence: missing[$0]!) }
    case .unusable:
      break
    }
    recordsReplayed = 0
    try fold { try journal.refresh($0) }
    try fold { try journal.repairOwnTail(deliver: $0) }
    try learnEpochs()
    if openedFromSnapshot && journal.isReadOnly {
      // A stale or foreign cache must never be mistaken for damage: read everything again.
      openedFromSnapshot = false
      seals = []
      coveredSegments = CoveredSegments(journalRoot: journal.root, seals: [])
      try reload()
    }
    if !journal.isReadOnly && (recordsReplayed > 1000 || !openedFromSnapshot) { startSnapshotWrite() }
  }

  deinit { snapshotWrite?.wait() }

  /// Folds records as `read` delivers them, outside `refresh` (after an epoch key was learned).
  func foldEntries(reading read: ((JournalEntry) throws -> Void) throws -> Void) throws {
    try fold(reading: read)
  }

  /// Folds newly read records: in order when they all come after what is folded, else everything again.
  private func fold(_ entries: [JournalEntry]) throws {
    try fold { deliver in
      for entry in entries { try deliver(entry) }
    }
  }

  /// Folds records as `read` delivers them (the journal delivers them in canonical order): each in turn while
  /// it comes after what is folded; one that belongs before makes the office fold everything again once the
  /// reading is done. Returns how many records came.
  @discardableResult
  private func fold(reading read: ((JournalEntry) throws -> Void) throws -> Void) throws -> Int {
    // The state changes in place only once no other thread reads it (a copy would take the whole office).
    finishSnapshotWrite()
    var count = 0
    var late = false
    try read { entry in
      count += 1
      guard !late else { return }
      if let applied = appliedKey, entry.key < applied {
        late = true
        return
      }
      // Folded first: a `searchBasis?.note(…)` around it would skip the fold when there is no basis.
      let events = Self.apply(entry, to: &state)
      searchBasis?.note(events)
      appliedKey = entry.key
    }
    recordsReplayed += count
    if late { try refold() }
    journal.acceptedLoss = state.acceptedLoss
    return count
  }

  /// Folds every record read so far again into an empty state, in canonical order, as the journal replays
  /// them; the state folded so far stays until the new one is complete.
  private func refold() throws {
    refolds += 1
    searchBasis = nil
    var rebuilt = OfficeState()
    rebuilt.office = identity.office
    var last: RecordKey?
    var inOrder = true
    try journal.replay { entry in
      guard inOrder else { return }
      if let previous = last, entry.key < previous {
        inOrder = false
        return
      }
      Self.apply(entry, to: &rebuilt)
      last = entry.key
    }
    if !inOrder {
      // A log whose records are not in the order of their clocks (written by hand, not by GAIDesk):
      // every record is gathered and sorted.
      var all: [JournalEntry] = []
      try journal.replay { all.append($0) }
      all.sort { $0.key < $1.key }
      rebuilt = OfficeState()
      rebuilt.office = identity.office
      for entry in all { Self.apply(entry, to: &rebuilt) }
      last = all.last?.key
    }
    state = rebuilt
    appliedKey = last
    journal.acceptedLoss = state.acceptedLoss
  }

  /// Folds `entry` into `state` from its payload's bytes; returns its events but a visit's (which the search
  /// basis does not watch).
  @discardableResult
  private static func apply(_ entry: JournalEntry, to state: inout OfficeState) -> [Event] {
    state.apply(payload: entry.content.payloadBytes, time: entry.content.wall)
  }

  /// Writes the sealed snapshot cache under the current epoch's key (so a person who left cannot read a later
  /// copy of it), with a hash of every segment it covers; failure only costs time at the next opening.
  /// Nothing is written over damage found on the way, and nothing into a folder that refuses writes (its
  /// cache goes to this user's state folder: ``snapshotFile``).
  public func saveSnapshot() { saveSnapshot(chunkSize: SnapshotChunk.plainSize) }

  /// Writes the snapshot cache in chunks of about `chunkSize` plaintext bytes (tests use small ones).
  func saveSnapshot(chunkSize: Int) {
    finishSnapshotWrite()
    guard let write = snapshotWriting(chunkSize: chunkSize), SnapshotWrite(write).wait() else { return }
    // The state just cached is the base a search index written from now on can be checked against.
    searchBasis = searchBasisNow()
  }

  /// Starts writing the snapshot cache on another thread (see ``SnapshotWrite``): an opening returns once the
  /// journal is folded. The state it caches is the search index's base from now on (a basis names the
  /// records folded, whether or not the cache gets written).
  private func startSnapshotWrite() {
    finishSnapshotWrite()
    guard let write = snapshotWriting(chunkSize: SnapshotChunk.plainSize) else { return }
    searchBasis = searchBasisNow()
    snapshotWrite = SnapshotWrite(write)
  }

  /// Waits for the snapshot cache written on another thread, if one is being written.
  func finishSnapshotWrite() {
    snapshotWrite?.wait()
    snapshotWrite = nil
  }

  /// The writing of the cache of the state as it is now, with the positions and seals it covers (taken now:
  /// the writing may run on another thread); it says whether the cache was written. Nil when no cache is to
  /// be written.
  private func snapshotWriting(chunkSize: Int) -> (@Sendable () -> Bool)? {
    // A journal converted for this opening only is sealed anew each time: no cache would ever fit it.
    guard converted == nil else { return nil }
    let resealed = CoveredSegments(journalRoot: journal.root, seals: seals).resealed(
      for: journal.cursors, read: journal.readSeals)
    guard resealed.damage.isEmpty else {
      noteCoveredDamage(resealed.damage)
      return nil
    }
    seals = resealed.seals
    let (state, appliedKey, positions, seals) = (state, appliedKey, JournalPositions(journal), seals)
    // The keyring, not its key, crosses to the writing thread (keys are immutable; `Keyring` says so).
    let (file, keyring) = (snapshotFile, keyring)
    return {
      (try? StateSnapshot.save(
        state, appliedKey: appliedKey, journal: positions, seals: seals, file: file,
        masterKey: keyring.key(keyring.current)!, chunkSize: chunkSize)) != nil
    }
  }

  /// The snapshot cache file: in the office folder, or, when that folder refuses writes (a USB stick, a
  /// mounted backup), in this user's state folder under the office's id, where the device marks live. It is
  /// checked there exactly as in the folder (cursors, covered segment hashes), and the folder is never written.
  var snapshotFile: String {
    guard journal.medium != nil, let id = identity.id, UUID(uuidString: id) != nil else {
      return paths.snapshot
    }
    return marks.folder + "/caches/" + id.lowercased() + ".bin"
  }

  /// The snapshot cache, opened with the newest epoch key that opens it; for a folder that refuses writes,
  /// this user's copy first, then the one the folder holds.
  private func loadSnapshot() -> StateSnapshot.Outcome {
    guard converted == nil else { return .unusable }
    // A cache this process is still writing (an office of the same folder opened just before) is waited for.
    SnapshotWrite.waitForAll()
    let files = snapshotFile == paths.snapshot ? [paths.snapshot] : [snapshotFile, paths.snapshot]
    for file in files {
      for epoch in keyring.epochs.sorted(by: >) {
        let outcome = StateSnapshot.load(file: file, masterKey: keyring.key(epoch)!, journal: journal)
        if case .unusable = outcome { continue }
        return outcome
      }
    }
    return .unusable
  }
  /// Hashes the segments the cache covered again, now, and takes the damage found (see
  /// ``noteCoveredDamage(_:)``); the interface does the same in the background.
  public func checkCoveredHistory() {
    noteCoveredDamage(coveredSegments.check())
  }

  /// Takes damage found in history the cache covered (``coveredSegments``): the office becomes read-only
  /// and the cache is removed, so the next opening reads the journal itself and names the record.
  public func noteCoveredDamage(_ found: [JournalDamage]) {
    let new = found.filter { !journal.coveredDamage.contains($0) }
    guard !new.isEmpty else { return }
    journal.coveredDamage += new
    // A cache being written would come back after the removal.
    finishSnapshotWrite()
    try? FileManager.default.removeItem(atPath: snapshotFile)
  }

  /// Reads what other processes appended; returns whether anything changed.
  @discardableResult
  public func refresh() throws -> Bool {
    let count = try fold { try journal.refresh($0) }
    try learnEpochs()
    return count > 0
  }

  /// Records `events` as one durable record (a test seam: the program records through named commands).
  @_spi(Testing) public func record(staff: String, events: [Event]) throws {
    try perform(staff: staff) { _ in events }
  }

  /// Builds a command's events under the append lock (seeing every other process's appends), records them
  /// as one record and returns once they are durable. Throws, writing nothing, when `build` throws.
  @discardableResult
  @_spi(Testing) public func perform<T>(staff: String, _ build: (inout CommandContext) throws -> T) throws
    -> T
  where T: EventsProducing {
    var result: T?
    try perform(staff: staff, count: 1, now: now) { context in
      let value = try build(&context)
      result = value
      return value.events
    }
    return result!
  }

  /// Records `count` records built one after the other, synced once at the end (for bulk generation).
  /// `acceptingLoss` lets a supervisor's acceptance of missing history through while the office is read-only.
  @_spi(Testing) public func perform(
    staff: String, count: Int, now: @escaping () -> Date = Date.init, acceptingLoss: Bool = false,
    _ build: (inout CommandContext) throws -> [Event]
  ) throws {
    var applied = false
    do {
      try journal.append(
        count: count, now: now, allowWhenDamaged: acceptingLoss, deliver: { pending.append($0) },
        make: { stamp in
          try foldPending()
          let staff = try actor(staff)
          let events: [Event]
          do {
            // The context shares the state's storage; it must be gone before the state is mutated, or
            // applying would copy every dictionary of the office.
            var context = CommandContext(state: state, stamp: stamp, office: code, staff: staff)
            events = try build(&context)
          }
          let batch = EventBatch(staff: staff, office: code, events: events)
          applied = true
          state.apply(batch, time: stamp.wall)
          searchBasis?.note(batch.events)
          appliedKey = RecordKey(clock: stamp.time, origin: origin, sequence: stamp.sequence)
          return EventCodec.encode(batch)
        },
        written: { cursor in markWriter.save(cursor, journalFolder: journal.folderIdentity) })
      try foldPending()
      try learnEpochs()
    } catch let error as GAIDeskError {
      pending = []
      if applied { try reload() }
      throw error
    } catch let failure as FileIO.Failure {
      pending = []
      if applied { try reload() }
      throw GAIDeskError(failure.isDiskFull ? .diskFull : .diskIO, failure.path, failure.reason)
    }
    journal.acceptedLoss = state.acceptedLoss
  }

  /// Records that a supervisor accepts the missing history named in `damage` as lost (after restoring an
  /// older backup on purpose): writes are accepted again and the cache is rebuilt. Damage inside the logs
  /// (altered or unreadable records) is not history loss and stays.
  public func acceptMissingHistory(staff: String) throws {
    try authorize(.repairHistory, staff: staff)
    let missing = journal.missingThrough
    guard !missing.isEmpty else { throw GAIDeskError(.historyNothingMissing) }
    try perform(staff: staff, count: 1, now: now, acceptingLoss: true) { _ in
      missing.keys.sorted().map { .historyLossAccepted(origin: $0.hex, through: missing[$0]!) }
    }
    journal.expected = [:]
    finishSnapshotWrite()
    try? FileManager.default.removeItem(atPath: paths.snapshot)
    saveSnapshot()
  }

  private func foldPending() throws {
    let entries = pending
    pending = []
    try fold(entries)
  }

  /// Forgets the in-memory state and reads the journal again (after an append that failed once the state
  /// had taken its events).
  func reload() throws {
    finishSnapshotWrite()
    let expected = journal.expected
    let coveredDamage = journal.coveredDamage
    journal = try Journal(
      root: converted?.journal ?? paths.journal, origin: origin, keyring: keyring,
      refusing: converted?.refusal)
    journal.sealsWhileReading = converted == nil
    journal.expected = expected
    journal.coveredDamage = coveredDamage
    state = OfficeState()
    state.office = identity.office
    appliedKey = nil
    searchBasis = nil
    try fold { try journal.refresh($0) }
  }
}

/// What opening an office found that a person should know.
public enum OfficeNotice: Equatable, Sendable {
  /// This device had written `origin` up to `sequence`, and this folder's log of it does not hold that
  /// record (an older copy, a restored backup, a cut tail): the office writes as a new origin.
  case behindMark(origin: OriginID, sequence: UInt64)
  /// Another PC wrote `origin` too (a fork, kept in `forks/`): this device writes as a new origin.
  case forked(origin: OriginID)
  /// The snapshot cache covered records of `origin` up to `sequence` that the journal no longer holds.
  case cacheCoveredMore(origin: OriginID, sequence: UInt64)
}

/// What a command returns: the events to record, and possibly a result for the caller.
public protocol EventsProducing {
  /// The events to record.
  var events: [Event] { get }
}

extension Array: EventsProducing where Element == Event {
  public var events: [Event] { self }
}
