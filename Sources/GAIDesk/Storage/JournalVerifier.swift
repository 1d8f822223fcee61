import Foundation

/// Checks every record of every origin (framing, CRC, chain, sequence, AEAD) and names each damaged place,
/// carrying on past damage to find all of them.
public struct JournalVerifier {
  /// What a verification found.
  public struct Report: Sendable {
    /// Origins checked.
    public var origins = 0
    /// Segments checked.
    public var segments = 0
    /// Records found intact.
    public var records = 0
    /// Bytes checked.
    public var bytes = 0
    /// Every damaged place.
    public var damage: [JournalDamage] = []
    /// Logs ending in an incomplete record: not damage. Another origin's is finished or repaired by its own
    /// PC (a copy made while it was writing); this origin's is repaired by the next opening that can write.
    public var incompleteTails: [JournalDamage] = []
    /// Records dated (wall time) more than 5 minutes after now: written with a clock set ahead.
    public var futureRecords = 0
    /// The local days those records are dated on.
    public var futureDays: [String] = []
    /// Whether the journal is intact.
    public var isIntact: Bool { damage.isEmpty }
  }

  private let root: String
  private let keyring: Keyring

  /// A verifier of the journal folder `root`, opening records with `keyring`.
  public init(root: String, keyring: Keyring) {
    self.root = root
    self.keyring = keyring
  }

  /// Checks everything.
  /// `owner` is this device's origin: only its own torn tail is repaired by opening the office.
  public func run(now: Date = WallClock.now(), owner: OriginID? = nil) throws -> Report {
    var report = Report()
    let horizon = WallTime(now.addingTimeInterval(300))
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).sorted()
    for name in names {
      guard let origin = OriginID(hex: name) else { continue }
      report.origins += 1
      let folder = root + "/" + name
      let indexes = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
        .compactMap(SegmentFormat.index(fileName:)).sorted()
      var expected: UInt64 = 1
      var previous = [UInt8](repeating: 0, count: 32)
      for (position, index) in indexes.enumerated() {
        report.segments += 1
        let display = "journal/\(name)/\(SegmentFormat.fileName(index: index))"
        let damage = { (offset: Int, reason: String) in
          report.damage.append(JournalDamage(segment: display, offset: offset, reason: reason))
        }
        if position > 0 && index != indexes[position - 1] + 1 { damage(0, "segment missing before this one") }
        let bytes = try FileIO.read(folder + "/" + SegmentFormat.fileName(index: index))
        report.bytes += bytes.count
        do {
          let header = try SegmentFormat.parseHeader(Array(bytes.prefix(SegmentFormat.headerSize)))
          if header.origin != origin || header.index != index {
            damage(0, "segment header names another origin or index")
          }
        } catch {
          damage(0, "segment header damaged or from a newer GAIDesk")
          continue
        }
        var start = SegmentFormat.headerSize
        while start < bytes.count {
          let scanner = SegmentScanner(bytes: Array(bytes[start...]), base: start, origin: origin)
          let (records, stop) = scanner.scan()
          for record in records {
            if record.header.sequence != expected {
              damage(record.offset, "sequence \(record.header.sequence) where \(expected) was expected")
            } else if record.header.previousHash != previous {
              damage(record.offset, "hash chain broken")
            }
            if let content = keyring.open(record) {
              report.records += 1
              if content.wall > horizon {
                report.futureRecords += 1
                let day = LocalTime.day(content.wall)
                if !report.futureDays.contains(day) { report.futureDays.append(day) }
              }
            } else {
              damage(record.offset, "cannot decrypt: altered record or another office's key")
            }
            expected = record.header.sequence + 1
            previous = record.hash
          }
          switch stop {
          case nil:
            start = bytes.count
          case .incompleteTail(let offset, let reason):
            let tail =
              origin == owner
              ? "torn tail (\(reason)); opening the office repairs it once it can write here"
              : "incomplete last record (\(reason)): its own PC finishes or repairs it; probably a copy made"
                + " while it was writing"
            if position == indexes.count - 1 {
              report.incompleteTails.append(JournalDamage(segment: display, offset: offset, reason: tail))
            } else {
              damage(offset, reason)
            }
            start = bytes.count
          case .damage(let offset, let reason, let resumesAt):
            damage(offset, reason)
            start = resumesAt
          }
        }
      }
    }
    return report
  }
}
