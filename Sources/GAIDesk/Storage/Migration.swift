import Crypto
import Foundation

/// Converts a format-1 office to format 2, once, when it is first opened by this program.
///
/// Every origin keeps its id and its sequence numbers; each record is opened with the format-1 key, its
/// clear clock moved inside, its wall time taken from that clock (format 1 kept no other), and sealed again
/// under key epoch 1. The new logs are written beside the old ones, swapped in, verified, and only then
/// are the old files removed. An interrupted migration is started again from the old files.
struct Migration {
  let paths: OfficePaths
  let masterKey: SymmetricKey

  private var staging: String { paths.root + "/journal.v2-tmp" }
  private var keptAside: String { paths.root + "/journal-v1" }

  /// Runs the migration; throws with the old files in place if anything is wrong.
  func run() throws {
    // An earlier run that stopped after moving the old journal aside: put it back and start again.
    if FileIO.size(keptAside) != nil {
      try? FileManager.default.removeItem(atPath: paths.journal)
      try FileIO.rename(keptAside, to: paths.journal)
    }
    try? FileManager.default.removeItem(atPath: staging)
    let keyring = Keyring(masterKey: masterKey)
    let legacy = Sealer(masterKey: masterKey, purpose: "journal")
    let converted: Int
    do {
      converted = try convertAll(into: staging, legacy: legacy, keyring: keyring)
    } catch {
      try? FileManager.default.removeItem(atPath: staging)
      throw error
    }
    try FileIO.makeDirectory(staging)
    try FileIO.rename(paths.journal, to: keptAside)
    try FileIO.rename(staging, to: paths.journal)
    try FileIO.syncDirectory(paths.root)
    try? FileManager.default.removeItem(atPath: paths.snapshot)
    try? FileManager.default.removeItem(atPath: paths.root + "/device.json")
    let report = try JournalVerifier(root: paths.journal, keyring: keyring).run()
    guard report.isIntact, report.records == converted else {
      try? FileManager.default.removeItem(atPath: paths.journal)
      try FileIO.rename(keptAside, to: paths.journal)
      throw GAIDeskError(
        .migrationFailed, report.damage.first?.description ?? "\(report.records) ≠ \(converted)")
    }
    let data = try Data(contentsOf: URL(fileURLWithPath: paths.officeFile))
    var identity = try JSONDecoder().decode(OfficeIdentity.self, from: data)
    identity.format = OfficeIdentity.currentFormat
    identity.id = identity.id ?? UUID().uuidString.lowercased()
    try FileIO.writeAtomically(try Office.json(identity), to: paths.officeFile)
    try FileManager.default.removeItem(atPath: keptAside)
  }

  /// Converts the journal into `journal`, a folder elsewhere (the office's own folder refuses writes), and
  /// verifies it there; the office's files are only read.
  func convertAside(into journal: String) throws {
    let keyring = Keyring(masterKey: masterKey)
    let converted = try convertAll(
      into: journal, legacy: Sealer(masterKey: masterKey, purpose: "journal"), keyring: keyring)
    try FileIO.makeDirectory(journal)
    let report = try JournalVerifier(root: journal, keyring: keyring).run()
    guard report.isIntact, report.records == converted else {
      throw GAIDeskError(
        .migrationFailed, report.damage.first?.description ?? "\(report.records) ≠ \(converted)")
    }
  }

  /// Re-seals every origin's format-1 log into `target`; returns the records converted.
  private func convertAll(into target: String, legacy: Sealer, keyring: Keyring) throws -> Int {
    var converted = 0
    for name in ((try? FileManager.default.contentsOfDirectory(atPath: paths.journal)) ?? []).sorted() {
      guard let origin = OriginID(hex: name) else { continue }
      converted += try convert(origin: origin, into: target, legacy: legacy, keyring: keyring)
    }
    return converted
  }

  /// Re-seals one origin's format-1 log into `staging`; returns the records converted. A torn tail at the
  /// very end is left behind (it was never reported saved); damage stops the migration.
  private func convert(origin: OriginID, into staging: String, legacy: Sealer, keyring: Keyring) throws -> Int
  {
    let folder = paths.journal + "/" + origin.hex
    let indexes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
      .compactMap(SegmentFormat.index(fileName:)).sorted()
    let target = OriginLog(
      origin: origin, directory: staging + "/" + origin.hex, displayDirectory: "journal/" + origin.hex)
    var previousOld = [UInt8](repeating: 0, count: 32)
    var previousNew = [UInt8](repeating: 0, count: 32)
    var sequence: UInt64 = 0
    var bodies: [[UInt8]] = []
    var hashes: [[UInt8]] = []
    for (position, index) in indexes.enumerated() {
      let display = "journal/\(origin.hex)/\(SegmentFormat.fileName(index: index))"
      guard index == position + 1 else {
        throw GAIDeskError(.migrationDamaged, display + ": segment missing before this one")
      }
      let bytes = try FileIO.read(folder + "/" + SegmentFormat.fileName(index: index))
      guard bytes.count >= SegmentFormat.headerSize else {
        throw GAIDeskError(.migrationDamaged, display + ": segment header truncated")
      }
      let (records, stop) = SegmentScanner(
        bytes: Array(bytes[SegmentFormat.headerSize...]), base: SegmentFormat.headerSize, origin: origin,
        recordVersion: 1
      ).scan()
      if let stop, case .damage(let offset, let reason, _) = stop {
        throw GAIDeskError(.migrationDamaged, "\(display) @ \(offset): \(reason)")
      }
      if stop != nil && position != indexes.count - 1 {
        throw GAIDeskError(.migrationDamaged, display + ": incomplete record before a later segment")
      }
      for record in records {
        guard record.header.sequence == sequence + 1, record.header.previousHash == previousOld,
          let clock = record.header.legacyClock,
          let payload = legacy.open(record.sealed, authenticating: record.authenticatedData)
        else {
          throw GAIDeskError(.migrationDamaged, "\(display) @ \(record.offset): record does not check")
        }
        sequence += 1
        previousOld = record.hash
        let header = RecordHeader(
          origin: origin, sequence: sequence, epoch: keyring.current, previousHash: previousNew)
        let content = RecordContent(
          clock: clock, wall: WallTime(milliseconds: clock.milliseconds), payload: payload)
        let aad = header.bytes
        let body = aad + (try keyring.currentSealer.seal(content.bytes, authenticating: aad))
        previousNew = Array(SHA256.hash(data: body))
        bodies.append(body)
        hashes.append(previousNew)
        if bodies.count == 4096 {
          try target.append(
            records: bodies.map { SegmentFormat.frame(body: $0) }, hashes: hashes, lastSequence: sequence)
          bodies = []
          hashes = []
        }
      }
    }
    if !bodies.isEmpty {
      try target.append(
        records: bodies.map { SegmentFormat.frame(body: $0) }, hashes: hashes, lastSequence: sequence)
    }
    return Int(sequence)
  }
}
