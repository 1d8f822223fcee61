import Foundation
@_spi(Testing) import GAIDesk
import Testing

/// Real offices on disk for tests: made in process here (cheap key derivation), or by the built `gaidesk`
/// binary (`TestOffice()`, in TestOffice+Binary.swift).
public struct TestOffice: Sendable {
  /// The data folder of an office made by the binary.
  public let data: String
  /// Its scratch folder: device marks and the last command's output.
  public let scratch: String

  /// Every test office's passphrase.
  public static let passphrase = "correct-horse-battery"

  /// The staff member who creates the office (its first account).
  public static let founder = "Ana"

  /// A new office for Praia in `root` (created if missing), founded by `staff`, with the device marks in
  /// `marks` (else this user's own).
  public static func create(_ root: String, staff: String = "ana", marks: DeviceMarks? = nil) throws -> Office
  {
    if let marks {
      return try Office.create(
        at: OfficePaths(root: root), office: "praia", passphrase: passphrase, staff: staff, scryptLogN: 10,
        marks: marks)
    }
    return try Office.create(
      at: OfficePaths(root: root), office: "praia", passphrase: passphrase, staff: staff, scryptLogN: 10)
  }

  /// Opens the office in `root` again, as a new process would (device marks in `marks`, else this user's).
  public static func open(_ root: String, marks: DeviceMarks? = nil) throws -> Office {
    if let marks { return try Office.open(at: OfficePaths(root: root), passphrase: passphrase, marks: marks) }
    return try Office.open(at: OfficePaths(root: root), passphrase: passphrase)
  }

  /// A pinned clock for tests that write "today" and read "today" back: 11:00 in Praia on 10 March 2030, hours
  /// from a midnight and later than any record written with the real clock (a test on the real clock fails
  /// when it crosses a local midnight, or the first of a month, between its writes and its reads).
  public static let morning = Date(timeIntervalSince1970: 1_899_374_400)  // 2030-03-10 12:00 UTC

  /// The local day of ``morning``.
  public static let morningDay = "2030-03-10"

  /// The environment that pins a child `gaidesk`'s clock to ``morning`` plus the time since the test run first
  /// asked for it (`GAIDESK_CLOCK_OFFSET`): what it writes and calls today is on ``morningDay`` whenever the run
  /// happens, and its clock still runs (waits, the undo window).
  public static let morningClock = clock(at: morning)

  /// The environment that sets a child `gaidesk`'s clock to `date` now (and running from there).
  public static func clock(at date: Date) -> [String: String] {
    ["GAIDESK_CLOCK_OFFSET": String(date.timeIntervalSinceNow)]
  }

  /// A new office in a temporary folder, founded by Ana, with the folder's own device marks.
  public static func make(in directory: TemporaryDirectory) throws -> Office {
    try create(directory.path, staff: founder, marks: directory.marks)
  }

  /// Adds the account `name` with `role` (as the founder) and lets it act on `office`, as if it had typed its
  /// own passphrase at this PC's locked screen; returns the name.
  @discardableResult
  public static func join(_ office: Office, _ name: String, role: StaffRole = .frontDesk) throws -> String {
    let passphrase = "the passphrase of \(name)"
    try office.addAccount(name: name, role: role, passphrase: passphrase, staff: founder, scryptLogN: 10)
    _ = try office.checkPassphrase(passphrase)
    return name
  }

  /// Opens the office in `directory` again, as a new process would.
  public static func reopen(_ directory: TemporaryDirectory, marks: DeviceMarks? = nil) throws -> Office {
    try open(directory.path, marks: marks ?? directory.marks)
  }

  /// Registers `count` visitors named `Visitor N`.
  public static func addVisitors(_ office: Office, count: Int) throws -> [String] {
    try (0..<count).map {
      try office.registerVisitor(VisitorForm(fullName: "Visitor \($0)"), staff: founder).id
    }
  }

  /// Registers a visitor named `name` as one durable record by `staff`; returns its id.
  @discardableResult
  public static func register(_ office: Office, _ name: String, staff: String = "ana") throws -> String {
    try office.perform(staff: staff) { context in
      let id = context.newID("V")
      return Produced(value: id, events: [.visitorRegistered(Visitor(id: id, fullName: name))])
    }.value
  }

  /// Visitors by full name, with how many records carry each name.
  public static func nameCounts(_ office: Office) -> [String: Int] {
    var counts: [String: Int] = [:]
    for visitor in office.state.visitors.values { counts[visitor.fullName, default: 0] += 1 }
    return counts
  }

  /// The record keys of the office in `root`, as its passphrase unlocks them.
  public static func journalKeyring(_ root: String) throws -> Keyring {
    try open(root).journal.keyring
  }

  /// The origin this device writes as in `root` (from this user's mark).
  public static func origin(_ root: String) throws -> OriginID {
    let id = try officeID(root)
    let mark = try #require(DeviceMarks.resolve().mark(office: id))
    return try #require(OriginID(hex: mark.origin))
  }

  /// Sets this device's mark as if it had not yet seen any record saved in `root` (a power cut before the
  /// first acknowledgement), so cutting a log's tail is a torn write rather than lost records.
  public static func markNothingSaved(_ root: String) throws {
    let id = try officeID(root)
    let origin = try origin(root)
    DeviceMarks.resolve().save(
      DeviceMark(
        cursor: OriginCursor(
          origin: origin, segment: 0, offset: 0, lastSequence: 0, lastHash: [UInt8](repeating: 0, count: 32),
          lastRecordSegment: 0, lastRecordOffset: 0), root: root), office: id)
  }

  /// Every segment file of every origin of the office in `directory`, in order.
  public static func segments(_ directory: TemporaryDirectory) -> [String] {
    let journal = directory.path + "/journal"
    let origins = (try? FileManager.default.contentsOfDirectory(atPath: journal)) ?? []
    return origins.sorted().flatMap { origin in
      ((try? FileManager.default.contentsOfDirectory(atPath: journal + "/" + origin)) ?? [])
        .filter { $0.hasSuffix(".seg") }.sorted().map { journal + "/" + origin + "/" + $0 }
    }
  }

  /// The segment files of `origin` in the office in `root`, in order.
  public static func segments(_ root: String, origin: OriginID) -> [String] {
    segments(journal: root + "/journal", origin: origin)
  }

  /// The segment files of `origin` in the journal folder `journal`, in order.
  public static func segments(journal: String, origin: OriginID) -> [String] {
    let folder = journal + "/" + origin.hex
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter {
      SegmentFormat.index(fileName: $0) != nil
    }
    return names.sorted().map { folder + "/" + $0 }
  }

  /// The office id written in `root/office.json`.
  private static func officeID(_ root: String) throws -> String {
    let data = try #require(FileManager.default.contents(atPath: root + "/office.json"))
    return try #require(try JSONDecoder().decode(OfficeIdentity.self, from: data).id)
  }
}
