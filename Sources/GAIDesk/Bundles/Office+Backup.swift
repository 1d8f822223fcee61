import Foundation

extension Office {
  /// Where this PC records its last backup (`backup.json` in the data folder).
  var backupRecord: String { paths.root + "/backup.json" }

  /// When this PC last backed the office up (nil: never), for the supervisor's reminder after 7 days.
  public var lastBackup: Date? {
    lastBackupRecord["at"].flatMap { ISO8601DateFormatter().date(from: $0) }
  }

  /// The folder this PC last backed the office up to (nil: never).
  public var lastBackupFolder: String? { lastBackupRecord["folder"] }

  private var lastBackupRecord: [String: String] {
    guard let data = FileManager.default.contents(atPath: backupRecord),
      let record = try? JSONDecoder().decode([String: String].self, from: data)
    else { return [:] }
    return record
  }

  /// Backs the office up to `folder` (a USB stick): the key slots, the identity, a LEIA-ME in pt, en and fr,
  /// and a bundle of what the folder lacks (everything the first time; later, what came after the newest
  /// bundle's knowledge vector). Refuses a folder holding another office's backup. `progress` hears the
  /// bundle's reading and writing passes.
  @discardableResult
  public func backup(to folder: String, progress: BundleProgress = { _, _, _ in }) throws -> BackupResult {
    try refresh()
    let backup = BackupFolder(root: folder)
    if FileManager.default.fileExists(atPath: backup.asOffice.officeFile) {
      let other = try Office.readIdentity(backup.asOffice)
      guard other.id == identity.id else {
        throw GAIDeskError(.backupOtherOffice, folder, other.office)
      }
    }
    try FileIO.makeDirectory(backup.bundles)
    try FileIO.makeDirectory(backup.asOffice.keys)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: paths.keys)) ?? []
    for name in names.sorted() where name.hasPrefix("slot-") && name.hasSuffix(".json") {
      try FileIO.writeAtomically(
        try FileIO.read(paths.keys + "/" + name), to: backup.asOffice.keys + "/" + name)
    }
    try FileIO.writeAtomically(try FileIO.read(paths.officeFile), to: backup.asOffice.officeFile)
    try FileIO.writeAtomically(
      Array(BackupFolder.readme(office: identity, folder: folder).utf8), to: folder + "/LEIA-ME.txt")
    let since =
      backup.bundleFiles().reversed().lazy.compactMap { try? self.openBundle($0) }.first?.manifest
      .vector ?? [:]
    let held = journal.versionVector.filter { $0.value > 0 }
    var result = BackupResult(
      bundle: nil, records: 0, held: Int(held.values.reduce(0, +)), bytes: 0)
    if held.contains(where: { $0.value > since[$0.key, default: 0] }) {
      let name = backup.nextBundleName(now: now())
      let manifest = try exportBundle(to: backup.bundles + "/" + name, since: since, progress: progress)
      result.bundle = name
      result.records = Int(manifest.recordCount)
    }
    result.bytes = backup.bundleFiles().reduce(0) { $0 + (FileIO.size($1) ?? 0) }
    let record = [
      "at": ISO8601DateFormatter().string(from: now()), "folder": OfficePaths.absolute(folder),
      "bundle": result.bundle ?? "",
    ]
    // An office read from a medium that refuses writes (a mounted copy) is backed up all the same; only
    // this PC's reminder of when it last did so cannot be kept there.
    if medium == nil { try FileIO.writeAtomically(try Office.json(record), to: backupRecord) }
    return result
  }

  /// Checks the backup in `folder` without any office folder: the passphrase opens its key slots, every
  /// bundle is authenticated and every record verified, and each origin's history must run without gaps up
  /// to what the newest bundle says its producer held.
  public static func checkBackup(in folder: String, passphrase: String) throws -> BackupCheck {
    let backup = BackupFolder(root: folder)
    guard FileManager.default.fileExists(atPath: backup.asOffice.officeFile) else {
      throw GAIDeskError(.backupMissing, folder)
    }
    let identity = try readIdentity(backup.asOffice)
    let credential = try unlock(backup.asOffice, passphrase: passphrase).credential
    guard let masterKey = credential.epochs[1] else { throw GAIDeskError(.keyslotCorrupt) }
    var keyring = Keyring(epochs: credential.epochs, current: 1)
    var check = BackupCheck(office: identity)
    var heads: [OriginID: (sequence: UInt64, hash: [UInt8])] = [:]
    var newest: BundleManifest?
    for file in backup.bundleFiles() {
      do {
        let bundle = try BundleReader(
          path: file, office: identity.id ?? "", key: BundleFormat.key(masterKey: masterKey))
        keyring = keyring.learning(from: [bundle], credential: credential)
        try bundle.verify(keyring: keyring)
        check.bundles += 1
        newest = bundle.manifest
        for range in bundle.manifest.ranges {
          let held = heads[range.origin] ?? (0, [UInt8](repeating: 0, count: 32))
          if range.first > held.sequence + 1 {
            check.problems.append(gap(range.origin, held.sequence + 1, range.first - 1))
          } else if range.first == held.sequence + 1 && range.anchor != held.hash {
            check.problems.append(GAIDeskError(.backupFork, range.origin.hex, String(held.sequence)))
          }
          guard range.last > held.sequence else { continue }
          check.records += Int(range.last - max(range.first, held.sequence + 1) + 1)
          heads[range.origin] = (range.last, range.head)
        }
      } catch let error as GAIDeskError {
        check.problems.append(error)
      }
    }
    for known in newest?.knowledge ?? [] where known.sequence > heads[known.origin]?.sequence ?? 0 {
      check.problems.append(gap(known.origin, (heads[known.origin]?.sequence ?? 0) + 1, known.sequence))
    }
    check.origins = heads.count
    return check
  }

  private static func gap(_ origin: OriginID, _ from: UInt64, _ through: UInt64) -> GAIDeskError {
    GAIDeskError(.backupGap, origin.hex, String(from), String(through))
  }

  /// Restores the backup in `folder` into the new data folder `paths`: the office opens with its history
  /// and writes as a new origin (never continuing another device's sequence). Bundles that do not open or
  /// verify are skipped and named; the rest are imported.
  public static func restore(
    from folder: String, to paths: OfficePaths, passphrase: String, marks: DeviceMarks = .resolve()
  ) throws -> (office: Office, summary: ImportSummary, skipped: [GAIDeskError]) {
    guard !paths.exists else { throw GAIDeskError(.officeExists, paths.root) }
    let backup = BackupFolder(root: folder)
    guard FileManager.default.fileExists(atPath: backup.asOffice.officeFile) else {
      throw GAIDeskError(.backupMissing, folder)
    }
    _ = try readIdentity(backup.asOffice)
    _ = try unlock(backup.asOffice, passphrase: passphrase)
    try FileIO.makeDirectory(paths.keys)
    let names = (try? FileManager.default.contentsOfDirectory(atPath: backup.asOffice.keys)) ?? []
    for name in names.sorted() where name.hasPrefix("slot-") && name.hasSuffix(".json") {
      try FileIO.writeAtomically(
        try FileIO.read(backup.asOffice.keys + "/" + name), to: paths.keys + "/" + name)
    }
    try FileIO.writeAtomically(try FileIO.read(backup.asOffice.officeFile), to: paths.officeFile)
    let office = try Office.open(at: paths, passphrase: passphrase, marks: marks)
    var summary = ImportSummary()
    var skipped: [GAIDeskError] = []
    for file in backup.bundleFiles() {
      do {
        let one = try office.importBundles([file])
        summary.bundles += 1
        summary.added += one.added
        summary.alreadyHad += one.alreadyHad
        summary.parked = one.parked
        summary.forks += one.forks
      } catch let error as GAIDeskError {
        skipped.append(error)
      }
    }
    return (office, summary, skipped)
  }
}
