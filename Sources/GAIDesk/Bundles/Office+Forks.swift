import Foundation

/// Two different records at one sequence of one origin (a cloned disk that went on writing on two PCs): this
/// folder's branch stays in the journal, the other is kept as a bundle in `forks/` until resolved.
public struct Fork: Equatable, Sendable {
  /// The forked origin.
  public var origin: OriginID
  /// The first sequence where the branches differ.
  public var sequence: UInt64
  /// The other branch's bundle, relative to the data folder.
  public var file: String

  /// The fork a file in `forks/` holds (`fork-<origin>-at-<sequence>-<name>.gaibundle`), nil for others.
  init?(fileName: String) {
    let parts = fileName.split(separator: "-")
    guard fileName.hasSuffix("." + BundleFormat.fileExtension), parts.count >= 5, parts[0] == "fork",
      parts[2] == "at", let origin = OriginID(hex: String(parts[1])), let sequence = UInt64(parts[3])
    else { return nil }
    self.origin = origin
    self.sequence = sequence
    file = "forks/" + fileName
  }
}

extension Office {
  /// Forks waiting for a supervisor, oldest file name first.
  public var forks: [Fork] { Office.forks(paths) }

  static func forks(_ paths: OfficePaths) -> [Fork] {
    ((try? FileManager.default.contentsOfDirectory(atPath: paths.root + "/forks")) ?? []).sorted()
      .compactMap(Fork.init(fileName:))
  }

  /// Resolves `fork`: keeps this folder's branch and records the other branch's events again (from the fork
  /// on, each with its own wall time and staff) under this device's origin, every entity id it had created
  /// given anew, and the id map kept as an event. Nothing is lost; the bundle moves to `forks/resolved/`.
  /// Returns the id map.
  @discardableResult
  public func resolve(_ fork: Fork, staff: String) throws -> [IDChange] {
    try authorize(.repairHistory, staff: staff)
    guard fork.origin != origin else { throw GAIDeskError(.forkOwnOrigin, fork.origin.hex) }
    if let medium { throw medium.error }
    let bundle = try openBundle(paths.root + "/" + fork.file)
    try bundle.verify(keyring: keyringForVerification)
    var branch: [(wall: WallTime, batch: EventBatch)] = []
    for (index, range) in bundle.manifest.ranges.enumerated() where range.origin == fork.origin {
      for record in try bundle.records(index) where record.header.sequence >= fork.sequence {
        guard let content = keyringForVerification.open(record) else {
          throw GAIDeskError(.bundleDamaged, fork.file, fork.origin.hex, "seal")
        }
        branch.append((content.wall, try EventCodec.decode(content.payload)))
      }
    }
    var map: [String: String] = [:]
    var changes: [IDChange] = []
    for (index, (wall, batch)) in branch.enumerated() {
      let last = index == branch.count - 1
      try perform(staff: batch.staff, count: 1, now: { wall.date }) { context in
        var events: [Event] = []
        for event in batch.events {
          if let old = event.createdID, map[old] == nil {
            let new = context.newID(String(old.prefix(while: { $0 != "-" })))
            map[old] = new
            changes.append(IDChange(old: old, new: new))
          }
          events.append(event.remappingIDs(map))
        }
        if last { events.append(.idsRemapped(origin: fork.origin.hex, map: changes)) }
        return events
      }
    }
    let resolved = paths.root + "/forks/resolved"
    try FileIO.makeDirectory(resolved)
    try FileIO.rename(
      paths.root + "/" + fork.file, to: resolved + "/" + (fork.file as NSString).lastPathComponent)
    return changes
  }
}
