import Foundation
@_spi(Testing) import GAIDesk

/// A real office in a temporary folder, with helpers to record events at chosen local times.
public final class FrontDeskFixture {
  /// The office's folder.
  public let root: String
  /// The office, founded by Ana.
  public let office: Office
  private let folder: TemporaryDirectory

  /// A new office in a temporary folder.
  public init() throws {
    folder = TemporaryDirectory("fd")
    root = folder.path
    office = try TestOffice.make(in: folder)
  }

  /// Adds a supervisor's account (editing sheets and partners is theirs, not the front desk's), present at
  /// this PC as if they had typed their passphrase at the locked screen.
  public func addSupervisor(_ name: String) throws { try addPerson(name, role: .supervisor) }

  /// Adds an account with `role`, present at this PC as if they had typed their passphrase at the locked screen.
  public func addPerson(_ name: String, role: StaffRole = .frontDesk) throws {
    try TestOffice.join(office, name, role: role)
  }

  /// Opens the same folder again, as a new process would.
  public func reopen() throws -> Office { try TestOffice.reopen(folder) }

  /// The moment `hh:mm:ss` local time (Cabo Verde, UTC−1) of `day`.
  public static func date(_ day: String, _ hh: Int, _ mm: Int, _ ss: Int = 0) -> Date {
    let start = Double(LocalTime.startMilliseconds(of: day)!) / 1000
    return Date(timeIntervalSince1970: start + Double(hh * 3600 + mm * 60 + ss))
  }

  /// Records the events built by `build` as one record written at local time `hh:mm:ss` of `day` by `staff`.
  public func at(
    _ day: String, _ hh: Int, _ mm: Int, _ ss: Int = 0, staff: String = TestOffice.founder,
    _ build: (inout CommandContext) throws -> [Event]
  ) throws {
    let when = FrontDeskFixture.date(day, hh, mm, ss)
    try office.perform(staff: staff, count: 1, now: { when }, build)
  }

  /// Registers a visitor (through the Office API) and returns its id.
  @discardableResult
  public func visitor(
    _ name: String, year: Int? = nil, nationality: String? = nil, sex: Sex? = nil, phone: String? = nil,
    languages: [String] = [], share: Bool? = true, document: String? = nil
  ) throws -> String {
    var form = VisitorForm(fullName: name)
    form.birthYear = year
    form.nationality = nationality
    form.sex = sex
    form.phone = phone
    form.languages = languages
    form.consentToStore = true
    form.consentToShare = share
    if let document { form.document = IdentityDocument(type: "passport", number: document) }
    return try office.registerVisitor(form, staff: TestOffice.founder).id
  }
}
